// Reduces OpenAPI schemas to the JSON Schema subset the client's validator checks, with every $ref
// resolved and documentation (description, example, title …) dropped, so the shipped table stays small.
import { readFileSync } from "node:fs";
import { COMBINATORS, resolve, type OpenApiDocument as Spec } from "../lib/openapi.ts";
import { REPO_ROOT } from "./generated-file.ts";

/**
 * The JSON Schema subset the client and the testing kit check, as @realtimekit-api/types declares it: the keywords
 * kept (in this order), the formats the client has a pattern for, and the constraints it has no rule for, which fail
 * generation rather than being dropped unchecked (documentation and `x-` keywords are dropped as intended).
 */
export const SCHEMA_SUBSET: { keywords: string[]; formats: Record<string, string>; refused: string[] } = JSON.parse(
  readFileSync(`${REPO_ROOT}packages/types/schema-subset.json`, "utf8"),
);

/**
 * `node` reduced to what the validator checks. A schema that contains itself (a session's breakout rooms are
 * sessions) is checked to its first recurrence: below that, anything is accepted, rather than generating a table
 * without end.
 */
export function schemaConstraints(spec: Spec, node: any, within: ReadonlySet<string> = new Set()): any {
  if (node?.$ref && within.has(node.$ref)) return {};
  const inside = node?.$ref ? new Set([...within, node.$ref]) : within;
  const schema = resolve(spec, node);
  const unenforced = SCHEMA_SUBSET.refused.find((key) => schema[key] !== undefined);
  if (unenforced) {
    throw new Error(
      `the client's validator has no rule for the schema keyword "${unenforced}"; add one to packages/client/src/schema-rules.ts and move the keyword from "refused" to "keywords" in packages/types/schema-subset.json`,
    );
  }
  const result: Record<string, any> = {};
  const constraints = (subschema: unknown) => schemaConstraints(spec, subschema, inside);
  for (const key of SCHEMA_SUBSET.keywords) {
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
  return Object.keys(result).length === 1 && result.allOf?.length === 1 ? result.allOf[0] : result;
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
