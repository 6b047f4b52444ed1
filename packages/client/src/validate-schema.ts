// Checks a value against the JSON Schema subset that scripts/codegen/schema-constraints.ts keeps from the
// spec. The schemas are generated data; this is the one interpreter for both requests and responses.

export type Schema = {
  readonly type?: string;
  readonly nullable?: boolean;
  readonly format?: string;
  readonly pattern?: string;
  readonly enum?: readonly unknown[];
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minimum?: number;
  readonly maximum?: number;
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
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  "date-time": /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)$/i,
  date: /^\d{4}-\d\d-\d\d$/,
  uri: /^[a-z][a-z\d+.-]*:[^\s]*$/i,
  email: /^[^\s@]+@[^\s@]+$/,
};

const typeOf = (value: unknown) =>
  value === null ? "null" : Array.isArray(value) ? "array" : Number.isInteger(value) ? "integer" : typeof value;

/** Every violation of `schema` by `value`; an empty list means valid. Values never appear in messages. */
export function validateSchema(schema: Schema, value: unknown, pointer = "", out: Violation[] = []): Violation[] {
  const fail = (rule: string, message: string) => out.push({ pointer, rule, message });
  if (value === null) {
    if (!schema.nullable && schema.type !== undefined) fail("type", `must be ${schema.type}, not null`);
    return out;
  }
  const actual = typeOf(value);
  if (schema.type && schema.type !== actual && !(schema.type === "number" && actual === "integer")) {
    fail("type", `must be ${schema.type}, not ${actual}`);
    return out;
  }
  if (schema.enum && !schema.enum.includes(value)) fail("enum", `must be one of ${schema.enum.map((v) => JSON.stringify(v)).join(", ")}`);
  if (typeof value === "string") {
    if (schema.minLength !== undefined && value.length < schema.minLength) fail("minLength", `must be at least ${schema.minLength} characters long`);
    if (schema.maxLength !== undefined && value.length > schema.maxLength) fail("maxLength", `must be at most ${schema.maxLength} characters long`);
    if (schema.pattern !== undefined && !new RegExp(schema.pattern, "u").test(value)) fail("pattern", `must match /${schema.pattern}/`);
    const format = schema.format && FORMATS[schema.format];
    if (format && !format.test(value)) fail("format", `must be a ${schema.format}`);
  }
  if (typeof value === "number") {
    if (schema.minimum !== undefined && value < schema.minimum) fail("minimum", `must be at least ${schema.minimum}`);
    if (schema.maximum !== undefined && value > schema.maximum) fail("maximum", `must be at most ${schema.maximum}`);
  }
  if (Array.isArray(value)) {
    if (schema.minItems !== undefined && value.length < schema.minItems) fail("minItems", `must have at least ${schema.minItems} items`);
    if (schema.maxItems !== undefined && value.length > schema.maxItems) fail("maxItems", `must have at most ${schema.maxItems} items`);
    if (schema.items) value.forEach((item, i) => validateSchema(schema.items!, item, `${pointer}/${i}`, out));
  }
  if (actual === "object") {
    const object = value as Record<string, unknown>;
    for (const name of schema.required ?? []) {
      if (object[name] === undefined) out.push({ pointer: `${pointer}/${escape(name)}`, rule: "required", message: "is required" });
    }
    for (const [name, property] of Object.entries(schema.properties ?? {})) {
      if (object[name] !== undefined) validateSchema(property, object[name], `${pointer}/${escape(name)}`, out);
    }
  }
  for (const member of schema.allOf ?? []) validateSchema(member, value, pointer, out);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives && !alternatives.some((member) => validateSchema(member, value, pointer).length === 0)) {
    fail(schema.anyOf ? "anyOf" : "oneOf", "matches none of the allowed schemas");
  }
  return out;
}

const escape = (name: string) => name.replace(/~/g, "~0").replace(/\//g, "~1");
