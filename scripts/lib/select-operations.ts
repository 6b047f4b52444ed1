// Which upstream operations are published, and what each one's client method is called. Both come from
// openapi/sync.config.json: a path prefix selects (so an operation Cloudflare adds under it is picked up by the
// next sync), and a map from operationId to method name names them, because upstream operationIds follow no one
// style (`get_meeting_participant`, `KickPartcipants`, `get-v2-livestream-session-livestream-id`).
import { type OpenApiDocument, operationsOf } from "./openapi.ts";
import type { SyncConfig } from "./sync-spec.ts";

/** The verb a derived name starts with when its operationId starts with none, by HTTP method. */
const VERB_FOR_METHOD: Record<string, string> = {
  get: "get",
  post: "create",
  put: "replace",
  patch: "update",
  delete: "delete",
};
// Names the client object already uses for itself, or that would shadow Object.prototype.
const RESERVED = new Set(["constructor", "toString", "valueOf", "hasOwnProperty"]);

/**
 * Why `name` is not a good method name, or undefined when it is one: lowerCamelCase, one of `verbs` (the config's
 * `methodVerbs`, so every name reads as an action), then a noun.
 */
export function methodNameProblem(name: string, verbs: ReadonlySet<string>): string | undefined {
  if (!/^[a-z]+[A-Z][A-Za-z0-9]*$/.test(name)) return "must be lowerCamelCase: a verb, then a noun (getMeeting)";
  if (RESERVED.has(name)) return "is reserved";
  const verb = name.match(/^[a-z]+/)![0];
  return verbs.has(verb) ? undefined : `must start with a verb (${[...verbs].join(", ")}), not "${verb}"`;
}

/** A method name made from an operationId: its words in lowerCamelCase, with a verb in front if it has none. */
export function methodNameFrom(operationId: string, httpMethod: string, verbs: ReadonlySet<string>): string {
  const words = operationId
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .split(/[^A-Za-z0-9]+/)
    .map((word) => word.toLowerCase())
    .filter((word) => word && !/^v\d+$/.test(word));
  if (!verbs.has(words[0] ?? "")) words.unshift(VERB_FOR_METHOD[httpMethod] ?? "call");
  if (words.length === 1) words.push("operation");
  return words.map((word, i) => (i === 0 ? word : word[0]!.toUpperCase() + word.slice(1))).join("");
}

/**
 * The operations under `pathPrefix`, in document order, each with its method name; throws on a bad or duplicate
 * name. `derived` are the operations the config does not name (their names were derived from the operationId),
 * `unused` the names in the config for operations that are not selected (removed or renamed upstream).
 */
export function selectOperations(document: OpenApiDocument, config: SyncConfig) {
  const verbs = new Set(config.methodVerbs);
  const methods = new Map<string, string>();
  const derived: Array<{ operationId: string; method: string }> = [];
  for (const { path, httpMethod, operation } of operationsOf(document)) {
    if (!path.startsWith(config.select.pathPrefix)) continue;
    const operationId = operation.node.operationId;
    if (typeof operationId !== "string" || operationId === "") {
      throw new Error(`${httpMethod.toUpperCase()} ${path} has no operationId to name its method by`);
    }
    if (methods.has(operationId)) throw new Error(`operationId ${operationId} is used twice upstream`);
    const named = config.methods[operationId];
    const method = named === undefined ? methodNameFrom(operationId, httpMethod, verbs) : named;
    if (named === undefined) derived.push({ operationId, method });
    const problem = methodNameProblem(method, verbs);
    if (problem) throw new Error(`method name "${method}" for ${operationId} ${problem}`);
    const owner = [...methods].find(([, named]) => named === method)?.[0];
    if (owner) throw new Error(`method name "${method}" is given to both ${owner} and ${operationId}`);
    methods.set(operationId, method);
  }
  if (methods.size === 0) throw new Error(`no upstream operation's path starts with ${config.select.pathPrefix}`);
  const unused = Object.keys(config.methods).filter((operationId) => !methods.has(operationId));
  return { operationIds: [...methods.keys()], methods, derived, unused };
}
