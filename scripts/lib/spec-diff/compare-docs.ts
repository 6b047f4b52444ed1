// Documentation: words and examples that reach readers (and JSDoc in the types) but change no type and no
// request. Walks both versions of an operation side by side, following `$ref`s, so a description edited in a
// shared component is reported once, where it is.
import { canonicalJson } from "../canonical-json.ts";
import { child, isObject, joinPointer, type Located, NAMED_ENTRIES } from "../openapi.ts";
import { type Change, change, shorten } from "./change.ts";
import type { Operation, OperationPair } from "./operations.ts";

const DOCUMENTATION = ["description", "summary", "title", "example", "examples", "externalDocs", "default"];
/** The change kinds not spelled `<key>-changed`; every `x-` extension is `extension-changed`. */
const KINDS: Record<string, string> = { examples: "example-changed", externalDocs: "external-docs-changed" };
/**
 * Data, or compared by rules of their own: nothing below these is documentation, and the safety net leaves them
 * out of an operation.
 */
export const COMPARED_ELSEWHERE = new Set([
  "enum",
  "const",
  "required",
  "type",
  "security",
  "tags",
  "operationId",
  "servers",
  "responses",
  "parameters",
  "deprecated",
  // The client's method name: compare-operations.ts classifies a rename (major).
  "x-client-method",
]);

/** `default` is documentation too: the packages do not apply it, the server does, whichever version a caller uses. */
export const isDocumentation = (key: string) => DOCUMENTATION.includes(key) || key.startsWith("x-");
export const sameJson = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);

export function compareDocs({ documents, base, head, responses }: OperationPair): Change[] {
  const changes: Change[] = [];
  const seen = new Set<string>();
  const step = (before: Located, after: Located, ...tokens: Array<string | number>) =>
    walk(child(documents.base, before, ...tokens), child(documents.head, after, ...tokens));

  const walk = (before: Located | undefined, after: Located | undefined): void => {
    if (!isObject(before?.node) || !isObject(after?.node)) return;
    const visit = `${before.pointer} ${after.pointer}`;
    if (seen.has(visit)) return;
    seen.add(visit);
    for (const key of new Set([...Object.keys(before.node), ...Object.keys(after.node)])) {
      const [was, is] = [before.node[key], after.node[key]];
      const pointer = joinPointer(is === undefined ? before.pointer : after.pointer, key);
      if (key === "deprecated") {
        // Deprecation is a notice, not a break: semver's convention is a minor release.
        const message = `${head.id}: ${is ? "now deprecated" : "no longer deprecated"}`;
        if (Boolean(was) !== Boolean(is)) changes.push(change("minor", "deprecation-changed", pointer, message));
      } else if (COMPARED_ELSEWHERE.has(key)) {
      } else if (isDocumentation(key)) {
        const message = `${head.id}: ${key} ${describe(was, is)}`;
        const kind = key.startsWith("x-") ? "extension-changed" : (KINDS[key] ?? `${key}-changed`);
        if (!sameJson(was, is)) changes.push(change("patch", kind, pointer, message));
      } else if ((NAMED_ENTRIES.has(key) && isObject(is)) || Array.isArray(is)) {
        // A name only the head has is not walked: `step` finds nothing in the base (other rules report it).
        for (const name of Object.keys(is)) step(before, after, key, name);
      } else step(before, after, key);
    }
  };

  walk(base.located, head.located);
  const tags = (operation: Operation) => [...(operation.located.node.tags ?? [])].sort();
  const tagsAt = joinPointer(head.located.pointer, "tags");
  if (!sameJson(tags(base), tags(head)))
    changes.push(change("patch", "tags-changed", tagsAt, `${head.id}: tags changed`));
  for (const [key, parameter] of head.parameters) walk(base.parameters.get(key), parameter);
  for (const pair of responses) walk(pair.base.located, pair.head.located);
  return changes;
}

function describe(was: unknown, is: unknown): string {
  if (was === undefined) return "added";
  if (is === undefined) return "removed";
  return `changed from ${shorten(JSON.stringify(was), 60)} to ${shorten(JSON.stringify(is), 60)}`;
}
