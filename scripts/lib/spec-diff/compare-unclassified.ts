// The safety net. Each rule looks for a kind of change it understands; this compares everything a call
// depends on, with documentation taken out and equivalent spellings made equal, so a change no rule
// understood (a new `discriminator`, say) is reported for a person to judge rather than passed as "none".
import { canonicalJson } from "../canonical-json.ts";
import { child, fromRoot, type Located, NAMED_ENTRIES, normalised } from "../openapi.ts";
import { type Change, change } from "./change.ts";
import { COMPARED_ELSEWHERE, isDocumentation } from "./compare-docs.ts";
import type { OperationPair, Side } from "./operations.ts";

const SETS = ["enum", "required", "type"];

/** Only when nothing above patch was found for the operation: then a difference is one no rule explained. */
export function compareUnclassified(pair: OperationPair, found: Change[]): Change[] {
  if (found.some((change) => change.level !== "patch")) return [];
  if (canonicalJson(shape(pair, "base")) === canonicalJson(shape(pair, "head"))) return [];
  const message = `${pair.head.id}: changed in a way no rule classifies; judge it by hand (treated as breaking to be safe)`;
  return [change("major", "unclassified-change", pair.head.located.pointer, message)];
}

function shape(pair: OperationPair, side: Side) {
  const [document, operation] = [pair.documents[side], pair[side]];
  const scheme = ([name, scopes]: [string, string[]]) => {
    const located = fromRoot(document, "components", "securitySchemes", name);
    return [name, { scopes: [...scopes].sort(), scheme: normalise(document, located) }];
  };
  const requirement = (schemes: Record<string, string[]>) =>
    canonicalJson(Object.fromEntries(Object.entries(schemes).map(scheme)));
  const rest = Object.keys(operation.located.node)
    .filter((key) => !COMPARED_ELSEWHERE.has(key) && !isDocumentation(key))
    .map((key) => [key, normalise(document, child(document, operation.located, key))]);
  return {
    call: `${operation.method} ${operation.path} ${operation.servers.urls[0]}`,
    security: operation.security.requirements.map(requirement).sort(),
    parameters: Object.fromEntries(
      [...operation.parameters].map(([key, parameter]) => [key, normalise(document, parameter)]),
    ),
    // Only responses both sides have are compared here: added and removed statuses have rules of their own.
    responses: pair.responses.map((response) => normalise(document, response[side].located)),
    rest: Object.fromEntries(rest),
  };
}

/** A node with `$ref`s followed, documentation dropped and each level `normalised`. */
function normalise(document: unknown, located: Located | undefined, stack: string[] = [], isMap = false): unknown {
  if (!located) return null;
  if (stack.includes(located.pointer)) return "(recursive)";
  const { node, pointer } = located;
  if (node === null || typeof node !== "object") return node;
  const path = [...stack, pointer];
  if (Array.isArray(node)) return node.map((_, index) => normalise(document, child(document, located, index), path));
  const result: Record<string, any> = {};
  for (const key of Object.keys(node)) {
    // No `$ref` is left to skip: `child` has followed each to what it names.
    if (!isMap && isDocumentation(key)) continue;
    result[key] = normalise(document, child(document, located, key), path, !isMap && NAMED_ENTRIES.has(key));
  }
  if (isMap) return result;

  const normal = normalised(result);
  for (const key of SETS) {
    if (normal[key] !== undefined) normal[key] = [normal[key]].flat().map(canonicalJson).sort();
  }
  // `allOf: [X]` alone is how OpenAPI 3.0 puts a description beside a $ref: it is X.
  if (Object.keys(normal).length === 1 && normal.allOf?.length === 1) return normal.allOf[0];
  return normal;
}
