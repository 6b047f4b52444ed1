// Constraints the generated types do not carry (a `string` is a `string` whatever its maxLength or format),
// but which the server and the client's validator enforce. Whether a change is safe depends on who produces
// the value: a request constraint may only loosen, a response constraint may only tighten.
import { type Change, change } from "./change.ts";
import type { OperationPair } from "./operations.ts";
import { child, joinPointer, type Located } from "./pointer.ts";

type Direction = "request" | "response";
type Effect = "narrowed" | "loosened" | "changed";

const UPPER_BOUNDS = ["maxLength", "maxItems", "maxProperties", "maximum", "exclusiveMaximum"];
const LOWER_BOUNDS = ["minLength", "minItems", "minProperties", "minimum", "exclusiveMinimum"];
/** Constraints that are either there or not: adding one narrows, removing it loosens, editing it does both. */
const PRESENCE = ["format", "pattern", "multipleOf", "uniqueItems"];
const CONSEQUENCES = {
  request: { major: "requests that were valid may now be rejected", minor: "more requests are accepted" },
  response: { major: "responses may now hold values that were impossible", minor: "responses are more constrained" },
};

export function compareConstraints({ documents, base, head, responses }: OperationPair): Change[] {
  const changes: Change[] = [];
  const seen = new Set<string>();
  const step = (before: Located | undefined, after: Located | undefined, ...tokens: Array<string | number>) =>
    [child(documents.base, before, ...tokens), child(documents.head, after, ...tokens)] as const;

  const walk = (direction: Direction, before: Located | undefined, after: Located | undefined): void => {
    if (!isObject(before?.node) || !isObject(after?.node)) return;
    const visit = `${direction} ${before.pointer} ${after.pointer}`;
    if (seen.has(visit)) return;
    seen.add(visit);
    const [was, is] = [constraintsOf(before.node), constraintsOf(after.node)];
    for (const keyword of new Set([...Object.keys(was), ...Object.keys(is)])) {
      if (keyword === "integer" && !(isNumeric(before.node) && isNumeric(after.node))) continue; // the types see that one
      const effect = effectOf(keyword, was[keyword], is[keyword]);
      if (!effect) continue;
      const breaking = effect === "changed" || effect === (direction === "request" ? "narrowed" : "loosened");
      const level = breaking ? "major" : "minor";
      const written = keyword === "integer" ? "type" : keyword;
      const pointer = joinPointer(is[keyword] === undefined ? before.pointer : after.pointer, written);
      const values =
        keyword === "integer"
          ? is.integer
            ? "number → integer"
            : "integer → number"
          : `${JSON.stringify(was[keyword]) ?? "none"} → ${JSON.stringify(is[keyword]) ?? "none"}`;
      const message = `${head.id}: ${written} ${values}: ${CONSEQUENCES[direction][level]}`;
      changes.push(change(level, `${direction}-constraint-${effect}`, pointer, message));
    }
    for (const name of Object.keys(after.node.properties ?? {})) {
      walk(direction, ...step(before, after, "properties", name));
    }
    for (const key of ["items", "additionalProperties", "not"]) walk(direction, ...step(before, after, key));
    for (const key of ["allOf", "anyOf", "oneOf", "prefixItems"]) {
      const count = Math.min(before.node[key]?.length ?? 0, after.node[key]?.length ?? 0);
      for (let index = 0; index < count; index++) walk(direction, ...step(before, after, key, index));
    }
  };
  // A parameter, header or media type has its schema directly or, for parameters, under one media type.
  const schemas = (direction: Direction, before: Located | undefined, after: Located | undefined) => {
    walk(direction, ...step(before, after, "schema"));
    for (const media of Object.keys(after?.node?.content ?? {})) {
      walk(direction, ...step(before, after, "content", media, "schema"));
    }
  };

  for (const [key, parameter] of head.parameters) schemas("request", base.parameters.get(key), parameter);
  schemas("request", ...step(base.located, head.located, "requestBody"));
  for (const pair of responses) {
    schemas("response", pair.base.located, pair.head.located);
    for (const name of Object.keys(pair.head.located.node.headers ?? {})) {
      schemas("response", ...step(pair.base.located, pair.head.located, "headers", name));
    }
  }
  return changes;
}

/** The constraints of one schema level, with OpenAPI 3.0 and 3.1 spellings made the same. */
function constraintsOf(schema: Record<string, any>): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const keyword of [...UPPER_BOUNDS, ...LOWER_BOUNDS, ...PRESENCE]) {
    if (schema[keyword] !== undefined) result[keyword] = schema[keyword];
  }
  // 3.0 writes an exclusive bound as a flag beside minimum/maximum; 3.1 as a number of its own.
  for (const [flag, bound] of [
    ["exclusiveMinimum", "minimum"],
    ["exclusiveMaximum", "maximum"],
  ] as const) {
    if (typeof result[flag] === "boolean") {
      if (result[flag] && result[bound] !== undefined) {
        result[flag] = result[bound];
        delete result[bound];
      } else delete result[flag];
    }
  }
  // Limits that allow everything are no limits.
  for (const keyword of ["minLength", "minItems", "minProperties"]) if (result[keyword] === 0) delete result[keyword];
  if (result.uniqueItems === false) delete result.uniqueItems;
  // An integer is a number the types cannot tell apart from others: the one type change they do not see.
  const types = typesOf(schema);
  if (types.has("integer") && !types.has("number")) result.integer = true;
  return result;
}

function effectOf(keyword: string, was: unknown, is: unknown): Effect | undefined {
  if (was === is) return undefined;
  if (was === undefined) return "narrowed";
  if (is === undefined) return "loosened";
  if (UPPER_BOUNDS.includes(keyword)) return (is as number) < (was as number) ? "narrowed" : "loosened";
  if (LOWER_BOUNDS.includes(keyword)) return (is as number) > (was as number) ? "narrowed" : "loosened";
  if (keyword === "multipleOf") {
    if ((is as number) % (was as number) === 0) return "narrowed";
    if ((was as number) % (is as number) === 0) return "loosened";
  }
  return "changed";
}

const typesOf = (schema: Record<string, any>) => new Set<unknown>([schema.type].flat());
const isNumeric = (schema: Record<string, any>) => typesOf(schema).has("integer") || typesOf(schema).has("number");
const isObject = (value: unknown): value is Record<string, any> =>
  typeof value === "object" && value !== null && !Array.isArray(value);
