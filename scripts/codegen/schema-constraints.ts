// Reduces OpenAPI schemas to the JSON Schema subset the client's validator checks, with every $ref
// resolved and documentation (description, example, title …) dropped, so the shipped table stays small.
import { readFileSync } from "node:fs";
import { COMBINATORS, resolve, type OpenApiDocument as Spec } from "../lib/openapi.ts";
import { REPO_ROOT } from "./generated-file.ts";

/**
 * The JSON Schema subset the client and the testing kit check, as @realtimekit-api/types declares it: the keywords
 * kept (in this order) and the formats the client has a pattern for.
 */
export const SCHEMA_SUBSET: { keywords: string[]; formats: Record<string, string> } = JSON.parse(
  readFileSync(`${REPO_ROOT}packages/types/schema-subset.json`, "utf8"),
);
const KEPT = SCHEMA_SUBSET.keywords;

// Constraints the validator has no rule for. A schema that uses one fails generation, rather than having the
// constraint dropped and left unchecked. (Documentation and vendor keywords — description, example, x-… — are
// dropped as intended.)
const UNENFORCED = [
  "multipleOf",
  "not",
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

/**
 * `node` reduced to what the validator checks. A schema that contains itself (a session's breakout rooms are
 * sessions) is checked to its first recurrence: below that, anything is accepted, rather than generating a table
 * without end.
 */
export function schemaConstraints(spec: Spec, node: any, within: ReadonlySet<string> = new Set()): any {
  if (node?.$ref && within.has(node.$ref)) return {};
  const inside = node?.$ref ? new Set([...within, node.$ref]) : within;
  const schema = resolve(spec, node);
  const unenforced = UNENFORCED.find((key) => schema[key] !== undefined);
  if (unenforced) {
    throw new Error(
      `the client's validator has no rule for the schema keyword "${unenforced}"; add one to packages/client/src/schema-rules.ts and the keyword to packages/types/schema-subset.json`,
    );
  }
  const result: Record<string, unknown> = {};
  const constraints = (subschema: unknown) => schemaConstraints(spec, subschema, inside);
  for (const key of KEPT) {
    const value = schema[key];
    if (value === undefined) continue;
    if (key === "properties") {
      result[key] = Object.fromEntries(Object.entries(value).map(([name, s]) => [name, constraints(s)]));
    } else if (key === "items") result[key] = constraints(value);
    else if (key === "additionalProperties") {
      // `true` and `{}` allow anything, so they are left out; `false` and a schema are checked.
      if (value === false) result[key] = false;
      else if (value !== true && Object.keys(value).length > 0) result[key] = constraints(value);
    } else if (key === "pattern") result[key] = checkedPattern(value);
    else if (COMBINATORS.includes(key)) result[key] = value.map(constraints);
    else result[key] = value;
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
