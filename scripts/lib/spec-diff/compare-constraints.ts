// Constraints the generated types do not carry (a `string` is a `string` whatever its maxLength or format),
// but which the server and the client's validator enforce. Whether a change is safe depends on who produces
// the value: a request constraint may only loosen, a response constraint may only tighten.

import { COMBINATORS, child, isObject, joinPointer, LOWER_BOUNDS, type Located, normalised } from "../openapi.ts";
import { type Change, change } from "./change.ts";
import type { OperationPair } from "./operations.ts";

type Direction = "request" | "response";
type Effect = "narrowed" | "loosened" | "changed";

const UPPER_BOUNDS = ["maxLength", "maxItems", "maxProperties"];
/**
 * A number's bounds, each stated by an inclusive keyword, an exclusive one, or both: compared as one bound per
 * side, whichever spelling states it. `sign` orders them: a larger `sign × limit` is the tighter bound.
 */
const NUMBER_BOUNDS = {
  minimum: { exclusive: "exclusiveMinimum", sign: 1 },
  maximum: { exclusive: "exclusiveMaximum", sign: -1 },
} as const;
type NumberBound = { limit: number; exclusive: boolean; keyword: string };
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
      // A number bound is reported at the keyword that states it, in the head (in the base when it went).
      const stated = (is[keyword] ?? was[keyword]) as NumberBound;
      const written = keyword === "integer" ? "type" : keyword in NUMBER_BOUNDS ? stated.keyword : keyword;
      const pointer = joinPointer(is[keyword] === undefined ? before.pointer : after.pointer, written);
      const values = `${shown(keyword, was[keyword])} → ${shown(keyword, is[keyword])}`;
      const message = `${head.id}: ${written} ${values}: ${CONSEQUENCES[direction][level]}`;
      changes.push(change(level, `${direction}-constraint-${effect}`, pointer, message));
    }
    for (const name of Object.keys(after.node.properties ?? {})) {
      walk(direction, ...step(before, after, "properties", name));
    }
    for (const key of ["items", "additionalProperties", "not"]) walk(direction, ...step(before, after, key));
    for (const key of [...COMBINATORS, "prefixItems"]) {
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
  const normal = normalised(schema);
  const result: Record<string, unknown> = {};
  for (const keyword of [...UPPER_BOUNDS, ...LOWER_BOUNDS, ...PRESENCE]) {
    if (normal[keyword] !== undefined) result[keyword] = normal[keyword];
  }
  // A bound stated twice, inclusively and exclusively (3.1 allows both): the tighter counts.
  for (const [inclusive, { exclusive, sign }] of Object.entries(NUMBER_BOUNDS)) {
    const [tightest] = [
      { limit: normal[inclusive], exclusive: false, keyword: inclusive },
      { limit: normal[exclusive], exclusive: true, keyword: exclusive },
    ]
      .filter((bound) => typeof bound.limit === "number")
      .sort((a, b) => compareBounds(b, a, sign));
    if (tightest) result[inclusive] = tightest;
  }
  // An integer is a number the types cannot tell apart from others: the one type change they do not see.
  const types = typesOf(normal);
  if (types.has("integer") && !types.has("number")) result.integer = true;
  return result;
}

/** Above 0 when `a` allows less than `b` (on the side `sign` says), below 0 when more, 0 when the same. */
function compareBounds(a: NumberBound, b: NumberBound, sign: number): number {
  return a.limit === b.limit ? Number(a.exclusive) - Number(b.exclusive) : Math.sign(sign * (a.limit - b.limit));
}

/** A constraint's value as a message shows it. */
function shown(keyword: string, value: unknown): string {
  if (keyword === "integer") return value ? "integer" : "number";
  if (value === undefined) return "none";
  if (!(keyword in NUMBER_BOUNDS)) return JSON.stringify(value);
  const { exclusive, limit } = value as NumberBound;
  return `${keyword === "minimum" ? ">" : "<"}${exclusive ? "" : "="} ${limit}`;
}

function effectOf(keyword: string, was: unknown, is: unknown): Effect | undefined {
  if (was === is) return undefined;
  if (was === undefined) return "narrowed";
  if (is === undefined) return "loosened";
  if (keyword in NUMBER_BOUNDS) {
    const order = compareBounds(is as NumberBound, was as NumberBound, NUMBER_BOUNDS[keyword as "minimum"].sign);
    return order > 0 ? "narrowed" : order < 0 ? "loosened" : undefined;
  }
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
