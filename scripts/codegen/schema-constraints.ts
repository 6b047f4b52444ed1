// Reduces OpenAPI schemas to the JSON Schema subset the client's validator checks, with every $ref
// resolved and documentation (description, example, title …) dropped, so the shipped table stays small.

const KEPT = [
  "type",
  "nullable",
  "format",
  "pattern",
  "enum",
  "minLength",
  "maxLength",
  "minimum",
  "maximum",
  "exclusiveMinimum",
  "exclusiveMaximum",
  "minItems",
  "maxItems",
  "required",
  "properties",
  "items",
  "allOf",
  "anyOf",
  "oneOf",
  "const",
];

// Constraints the validator has no rule for. A schema that uses one fails generation, rather than having the
// constraint dropped and left unchecked. (Documentation and vendor keywords — description, example, x-… — are
// dropped as intended.) An `additionalProperties` of `true` or `{}` constrains nothing and is let through.
const UNENFORCED = [
  "multipleOf",
  "not",
  "additionalProperties",
  "uniqueItems",
  "minProperties",
  "maxProperties",
  "patternProperties",
  "propertyNames",
  "contains",
  "if",
  "prefixItems",
  "dependentRequired",
  "dependentSchemas",
  "unevaluatedProperties",
  "unevaluatedItems",
];

function assertEnforceable(schema: any): void {
  for (const key of UNENFORCED) {
    const value = schema[key];
    if (value === undefined || (key === "additionalProperties" && (value === true || JSON.stringify(value) === "{}")))
      continue;
    throw new Error(
      `the client's validator has no rule for the schema keyword "${key}"; add one to packages/client/src/schema-rules.ts`,
    );
  }
}

export function dereference(spec: any, node: any, seen = new Set<string>()): any {
  if (!node?.$ref) return node;
  if (seen.has(node.$ref)) throw new Error(`recursive $ref ${node.$ref} is not supported by the validator`);
  seen.add(node.$ref);
  const target = node.$ref
    .slice(2)
    .split("/")
    .reduce((value: any, key: string) => value?.[key], spec);
  if (target === undefined) throw new Error(`dangling $ref ${node.$ref}`);
  return dereference(spec, target, seen);
}

export function schemaConstraints(spec: any, node: any): any {
  const schema = dereference(spec, node);
  assertEnforceable(schema);
  const result: Record<string, unknown> = {};
  for (const key of KEPT) {
    const value = schema[key];
    if (value === undefined) continue;
    if (key === "properties") {
      result[key] = Object.fromEntries(Object.entries(value).map(([name, s]) => [name, schemaConstraints(spec, s)]));
    } else if (key === "items") result[key] = schemaConstraints(spec, value);
    else if (key === "pattern") result[key] = checkedPattern(value);
    else if (key === "allOf" || key === "anyOf" || key === "oneOf") {
      result[key] = (value as unknown[]).map((s) => schemaConstraints(spec, s));
    } else result[key] = value;
  }
  // A single-member allOf is how OpenAPI 3.0 documents a $ref; fold it so the table reads plainly.
  if (Array.isArray(result.allOf) && result.allOf.length === 1 && Object.keys(result).length === 1) {
    return result.allOf[0];
  }
  return result;
}

/** The client tests patterns as Unicode-mode RegExps: one that doesn't compile so fails generation, not a call. */
function checkedPattern(pattern: unknown): string {
  try {
    new RegExp(pattern as string, "u");
  } catch (error) {
    throw new Error(
      `pattern ${JSON.stringify(pattern)} is not a valid Unicode-mode regular expression: ${(error as Error).message}`,
    );
  }
  return pattern as string;
}
