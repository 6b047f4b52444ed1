// Checks a value against the JSON Schema subset that scripts/codegen/schema-constraints.ts keeps from the
// spec. The schemas are generated data; this is the one interpreter for both requests and responses.

export type Schema = {
  readonly type?: string | readonly string[];
  readonly nullable?: boolean;
  readonly format?: string;
  readonly pattern?: string;
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: number | boolean;
  readonly exclusiveMaximum?: number | boolean;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly required?: readonly string[];
  readonly properties?: { readonly [name: string]: Schema };
  readonly items?: Schema;
  readonly allOf?: readonly Schema[];
  readonly anyOf?: readonly Schema[];
  readonly oneOf?: readonly Schema[];
};

/** One broken rule: where (JSON pointer), which rule, and a sentence that says it. */
export type Violation = { pointer: string; rule: string; message: string };

const FORMATS: Record<string, RegExp> = {
  uuid: /^[\da-f]{8}-[\da-f]{4}-[\da-f]{4}-[\da-f]{4}-[\da-f]{12}$/i,
  "date-time": /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/i,
  date: /^\d{4}-\d\d-\d\d$/,
  uri: /^[a-z][\w+.-]*:\S*$/i,
  email: /^[^\s@]+@[^\s@]+$/,
};

// The spec's patterns, compiled once each rather than on every call.
const patterns = new Map<string, RegExp>();
const compiled = (pattern: string) => patterns.get(pattern) ?? patterns.set(pattern, new RegExp(pattern, "u")).get(pattern)!;

type Check = (value: any, limit: any, schema: Schema) => boolean;
const isString = (value: unknown) => typeof value === "string";
const isNumber = (value: unknown) => typeof value === "number";

/** The rules on a single value (each holds, or does not apply to a value of its type), and how to say one broke: `#` is the limit. */
const CHECKS: Record<string, [check: Check, phrase: string]> = {
  enum: [(v, allowed) => allowed.includes(v), "be one of #"],
  const: [(v, only) => v === only, "be #"],
  minLength: [(v, n) => !isString(v) || v.length >= n, "have at least # characters"],
  maxLength: [(v, n) => !isString(v) || v.length <= n, "have at most # characters"],
  pattern: [(v, p) => !isString(v) || compiled(p).test(v), "match #"],
  format: [(v, f) => !isString(v) || !FORMATS[f] || FORMATS[f].test(v), "be a valid #"],
  minimum: [(v, n, s) => !isNumber(v) || (s.exclusiveMinimum === true ? v > n : v >= n), "be at least #"],
  maximum: [(v, n, s) => !isNumber(v) || (s.exclusiveMaximum === true ? v < n : v <= n), "be at most #"],
  // OpenAPI 3.1's numeric form; 3.0's boolean form is handled by minimum and maximum above.
  exclusiveMinimum: [(v, n) => !isNumber(v) || !isNumber(n) || v > n, "be greater than #"],
  exclusiveMaximum: [(v, n) => !isNumber(v) || !isNumber(n) || v < n, "be less than #"],
  minItems: [(v, n) => !Array.isArray(v) || v.length >= n, "have at least # items"],
  maxItems: [(v, n) => !Array.isArray(v) || v.length <= n, "have at most # items"],
};

const typeOf = (value: unknown) =>
  value === null ? "null" : Array.isArray(value) ? "array" : Number.isInteger(value) ? "integer" : typeof value;

const hasType = (schema: Schema, actual: string): boolean =>
  schema.type === undefined || schema.type === actual || (actual === "integer" && hasType(schema, "number")) ||
  (Array.isArray(schema.type) && schema.type.includes(actual)) || (actual === "null" && schema.nullable === true);

/** `pointer` extended by one property name, escaped as RFC 6901 says (rarely needed, so checked first). */
const child = (pointer: string, name: string) =>
  `${pointer}/${name.includes("~") || name.includes("/") ? name.replace(/~/g, "~0").replace(/\//g, "~1") : name}`;

/** Every violation of `schema` by `value`; an empty list means valid. Values never appear in messages. */
export function validateSchema(schema: Schema, value: unknown, pointer = "", out: Violation[] = []): Violation[] {
  const actual = typeOf(value);
  if (!hasType(schema, actual)) {
    out.push({ pointer, rule: "type", message: `must be ${schema.type}, not ${actual}` });
    return out;
  }
  if (value === null) return out;
  // A schema node has a few keywords; looking up each of them beats trying every known rule.
  for (const rule in schema) {
    const known = CHECKS[rule];
    const limit = (schema as Record<string, unknown>)[rule];
    if (known && !known[0](value, limit, schema)) {
      out.push({ pointer, rule, message: `must ${known[1].replace("#", () => (rule === "pattern" ? `/${limit}/` : JSON.stringify(limit)))}` });
    }
  }
  if (Array.isArray(value) && schema.items) value.forEach((item, i) => validateSchema(schema.items!, item, `${pointer}/${i}`, out));
  if (actual === "object") {
    const object = value as Record<string, unknown>;
    for (const name of schema.required ?? []) {
      if (object[name] === undefined) out.push({ pointer: child(pointer, name), rule: "required", message: "is required" });
    }
    for (const name in schema.properties) {
      if (object[name] !== undefined) validateSchema(schema.properties[name]!, object[name], child(pointer, name), out);
    }
  }
  for (const member of schema.allOf ?? []) validateSchema(member, value, pointer, out);
  if (schema.anyOf && !schema.anyOf.some((member) => validateSchema(member, value, pointer).length === 0)) {
    out.push({ pointer, rule: "anyOf", message: "matches none of the allowed schemas" });
  }
  if (schema.oneOf) {
    const matches = schema.oneOf.filter((member) => validateSchema(member, value, pointer).length === 0).length;
    if (matches !== 1) {
      out.push({ pointer, rule: "oneOf", message: matches === 0 ? "matches none of the allowed schemas" : "matches more than one of the allowed schemas" });
    }
  }
  return out;
}
