import { refusal } from "./errors.ts";
import { type Rules, type Schema, validateSchema } from "./validate-schema.ts";

/**
 * A call's `body` as JSON text, undefined when there is none; checked first against `schema` when one is given.
 * Only the tables of operations that take a body refer to it (as `writeBody`), so an application that calls none
 * of those bundles none of it.
 */
export function jsonBody(body: unknown, schema: Schema | undefined, rules: Rules | undefined): string | undefined {
  const violation = schema && body !== undefined && validateSchema(schema, body, rules!, "/body")[0];
  if (violation) throw refusal(violation);
  // JSON.stringify(undefined) is undefined: no body.
  return JSON.stringify(body);
}
