// Checks a value against the JSON Schema subset that scripts/codegen/schema-constraints.ts keeps from the
// spec. The schemas are generated data, and so is the set of keyword rules they are checked with (see
// schema-rules.ts): this is the one interpreter, for requests and responses alike.
import type { JsonSchemaSubset } from "@realtimekit-api/types";

/** The schemas this checks, as @realtimekit-api/types defines them for the client and the testing kit alike. */
export type Schema = JsonSchemaSubset;

/** One broken rule: where (JSON pointer), which rule, and a sentence that says it. */
export type Violation = { pointer: string; rule: string; message: string };

/**
 * A keyword's check. It returns what the value must be when it breaks the keyword ("have at most 32
 * characters"), or nothing; keywords that hold subschemas check them with `validateSchema` and `rules`.
 */
export type Rule = (
  value: any,
  limit: any,
  schema: Schema,
  pointer: string,
  out: Violation[],
  rules: Rules,
  // biome-ignore lint/suspicious/noConfusingVoidType: rules for subschemas have no return statement at all.
) => string | undefined | void;

/** The rule for each keyword a schema may use; `type` and `nullable` are checked here, before any rule. */
export type Rules = { readonly [keyword: string]: Rule };

export const typeOf = (value: unknown) =>
  value === null ? "null" : Array.isArray(value) ? "array" : Number.isInteger(value) ? "integer" : typeof value;

const hasType = (schema: Schema, actual: string): boolean =>
  schema.type === undefined ||
  schema.type === actual ||
  (actual === "integer" && hasType(schema, "number")) ||
  (Array.isArray(schema.type) && schema.type.includes(actual)) ||
  (actual === "null" && schema.nullable === true);

/** Every violation of `schema` by `value`; an empty list means valid. Values never appear in messages. */
export function validateSchema(
  schema: Schema,
  value: unknown,
  rules: Rules,
  pointer = "",
  out: Violation[] = [],
): Violation[] {
  const actual = typeOf(value);
  if (!hasType(schema, actual)) {
    out.push({ pointer, rule: "type", message: `must be ${schema.type}, not ${actual}` });
  } else if (value !== null) {
    // A schema node has a few keywords; looking up each of them beats trying every known rule.
    for (const keyword in schema) {
      const broken = rules[keyword]?.(value, (schema as Record<string, unknown>)[keyword], schema, pointer, out, rules);
      if (broken) out.push({ pointer, rule: keyword, message: `must ${broken}` });
    }
  }
  return out;
}
