// One rule per JSON Schema keyword the validator supports, each its own export and named after its keyword,
// and one pattern per string format. The generated operation table imports only those its schemas use, so a
// bundle carries no rule the spec does not need, and a spec that starts using another keyword brings its
// rule along when the table is regenerated (scripts/codegen/client.ts fails on a keyword with no rule here).
import { type Rule, type Rules, type Schema, typeOf, validateSchema } from "./validate-schema.ts";

const isString = (value: unknown) => typeof value === "string";
const isNumber = (value: unknown) => typeof value === "number";
const shown = (limit: unknown) => JSON.stringify(limit);

const enumRule: Rule = (value, allowed: unknown[]) =>
  allowed.includes(value) ? undefined : `be one of ${shown(allowed)}`;
const constRule: Rule = (value, only) => (value === only ? undefined : `be ${shown(only)}`);

export { constRule as const, enumRule as enum };

export const minLength: Rule = (value, n) =>
  isString(value) && value.length < n ? `have at least ${n} characters` : undefined;
export const maxLength: Rule = (value, n) =>
  isString(value) && value.length > n ? `have at most ${n} characters` : undefined;
export const minItems: Rule = (value, n) =>
  Array.isArray(value) && value.length < n ? `have at least ${n} items` : undefined;
export const maxItems: Rule = (value, n) =>
  Array.isArray(value) && value.length > n ? `have at most ${n} items` : undefined;

// The spec's patterns, compiled once each rather than on every call.
const patterns = new Map<string, RegExp>();
export const pattern: Rule = (value, source: string) => {
  const compiled = patterns.get(source) ?? patterns.set(source, new RegExp(source, "u")).get(source)!;
  return isString(value) && !compiled.test(value) ? `match /${source}/` : undefined;
};

// OpenAPI 3.0 states exclusiveness as a boolean beside minimum/maximum; 3.1 as a number of its own.
export const minimum: Rule = (value, n, schema) =>
  isNumber(value) && (schema.exclusiveMinimum === true ? value <= n : value < n) ? `be at least ${n}` : undefined;
export const maximum: Rule = (value, n, schema) =>
  isNumber(value) && (schema.exclusiveMaximum === true ? value >= n : value > n) ? `be at most ${n}` : undefined;
export const exclusiveMinimum: Rule = (value, n) =>
  isNumber(value) && isNumber(n) && value <= n ? `be greater than ${n}` : undefined;
export const exclusiveMaximum: Rule = (value, n) =>
  isNumber(value) && isNumber(n) && value >= n ? `be less than ${n}` : undefined;

/** `format`, for the formats given; a format not given is an annotation, as JSON Schema says, and not guessed at. */
export const format =
  (formats: Record<string, RegExp>): Rule =>
  (value, name: string) =>
    isString(value) && formats[name] && !formats[name].test(value) ? `be a valid ${shown(name)}` : undefined;
export const uuidFormat = /^[\da-f]{8}(-[\da-f]{4}){3}-[\da-f]{12}$/i;
export const dateTimeFormat = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/i;
export const dateFormat = /^\d{4}-\d\d-\d\d$/;
export const uriFormat = /^[a-z][\w+.-]*:\S*$/i;
export const emailFormat = /^[^\s@]+@[^\s@]+$/;

/**
 * `pointer` extended by one property name. RFC 6901 would escape `~` and `/` in it; generation refuses schemas
 * whose property names hold either (scripts/codegen/client.ts), so no name here needs it.
 */
const child = (pointer: string, name: string) => `${pointer}/${name}`;

export const required: Rule = (value, names: string[], _, pointer, out) => {
  if (typeOf(value) === "object") {
    for (const name of names)
      if (value[name] === undefined)
        out.push({ pointer: child(pointer, name), rule: "required", message: "is required" });
  }
};
export const properties: Rule = (value, schemas: Record<string, Schema>, _, pointer, out, rules) => {
  if (typeOf(value) === "object") {
    for (const name in schemas)
      if (value[name] !== undefined) validateSchema(schemas[name]!, value[name], rules, child(pointer, name), out);
  }
};
/** Properties the schema does not list: refused when `false`, else checked against the given schema. */
export const additionalProperties: Rule = (value, allowed: Schema | false, schema, pointer, out, rules) => {
  if (typeOf(value) === "object") {
    for (const name in value) {
      if (value[name] === undefined || schema.properties?.[name]) continue;
      // A name from the data, not the spec, may hold "~" or "/": escaped as RFC 6901 says.
      const at = `${pointer}/${name.replaceAll("~", "~0").replaceAll("/", "~1")}`;
      if (allowed === false) out.push({ pointer: at, rule: "additionalProperties", message: "is not allowed" });
      else validateSchema(allowed, value[name], rules, at, out);
    }
  }
};
export const items: Rule = (value, schema: Schema, _, pointer, out, rules) => {
  if (Array.isArray(value))
    value.forEach((item, i) => void validateSchema(schema, item, rules, `${pointer}/${i}`, out));
};

const matching = (schemas: Schema[], value: unknown, rules: Rules, pointer: string) =>
  schemas.filter((schema) => validateSchema(schema, value, rules, pointer).length === 0).length;
export const allOf: Rule = (value, schemas: Schema[], _, pointer, out, rules) => {
  for (const schema of schemas) validateSchema(schema, value, rules, pointer, out);
};
export const anyOf: Rule = (value, schemas: Schema[], _, pointer, __, rules) =>
  matching(schemas, value, rules, pointer) === 0 ? "match one of the allowed schemas" : undefined;
export const oneOf: Rule = (value, schemas: Schema[], _, pointer, __, rules) => {
  const matches = matching(schemas, value, rules, pointer);
  return matches === 1
    ? undefined
    : matches === 0
      ? "match one of the allowed schemas"
      : "match only one of the allowed schemas";
};
