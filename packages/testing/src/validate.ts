// Request validation with Ajv, the validator Prism uses, so that the kit finds the violations Prism finds and
// words them the way Prism does.

import type { JsonSchemaSubset as Schema } from "@realtimekit-api/types";
import Ajv, { type ErrorObject, type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";

/** One entry of the `validation` list of a 422 answer, as Prism writes it. */
export type Violation = { location: string[]; severity: "Error"; code: string; message: string };

const ajv = new (Ajv as unknown as typeof Ajv.default)({
  allErrors: true,
  strict: false,
  logger: false,
  coerceTypes: false,
});
(addFormats as unknown as typeof addFormats.default)(ajv);
const compiled = new WeakMap<Schema, ValidateFunction>();

function compile(schema: Schema): ValidateFunction {
  let validate = compiled.get(schema);
  if (!validate) compiled.set(schema, (validate = ajv.compile(schema)));
  return validate;
}

/** Prism's sentence for a violation: `Request path parameter meeting_id must match format "uuid"`. */
function violation(error: ErrorObject, location: string[], subject: string): Violation {
  const pointer = error.instancePath.split("/").slice(1);
  const where = pointer.length ? `${subject}/${pointer.join("/")}` : subject;
  return {
    location: [...location, ...pointer],
    severity: "Error",
    code: error.keyword,
    message: `${where} ${error.message}`,
  };
}

/** Every violation of `schema` by `value`; `subject` names the value in messages (`Request body`). */
export function validate(schema: Schema, value: unknown, location: string[], subject: string): Violation[] {
  const check = compile(schema);
  return check(value) ? [] : (check.errors ?? []).map((error) => violation(error, location, subject));
}
