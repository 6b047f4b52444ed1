// Rules about an operation as a whole: whether it is there, where it is called, which statuses it documents,
// and how its parameters are put on the wire. Types cannot see any of these.

import { joinPointer } from "../openapi.ts";
import { type Change, change } from "./change.ts";
import { clientMethod, type Operation } from "./operations.ts";

type Operations = Map<string, Operation>;

export function compareOperationSets(ids: readonly string[], base: Operations, head: Operations): Change[] {
  const changes: Change[] = [];
  for (const id of ids) {
    const [before, after] = [base.get(id), head.get(id)];
    if (before && !after) {
      const message = `operation ${id} (${show(before)}) was removed or renamed`;
      changes.push({
        ...change("major", "operation-removed", before.located.pointer, message),
        operation: clientMethod(before),
      });
    } else if (after && !before) {
      const message = `operation ${id} (${show(after)}) was added`;
      changes.push({
        ...change("minor", "operation-added", after.located.pointer, message),
        operation: clientMethod(after),
      });
    }
  }
  return changes;
}

export function compareOperation(base: Operation, head: Operation): Change[] {
  const changes: Change[] = [];
  const at = head.located.pointer;
  if (base.path !== head.path) {
    changes.push(change("major", "path-changed", at, `${head.id}: path changed from ${base.path} to ${head.path}`));
  }
  // The client's method for the operation: code calling the old name stops compiling.
  const [wasCalled, isCalled] = [base.located.node["x-client-method"], head.located.node["x-client-method"]];
  if (wasCalled !== isCalled) {
    const message = `${head.id}: client method renamed from ${wasCalled ?? "none"}() to ${isCalled ?? "none"}()`;
    changes.push(change("major", "method-renamed", joinPointer(at, "x-client-method"), message));
  }
  if (base.method !== head.method) {
    const [was, is] = [base.method.toUpperCase(), head.method.toUpperCase()];
    changes.push(change("major", "method-changed", at, `${head.id}: method changed from ${was} to ${is}`));
  }
  // The client calls the first server by default; the others are listed for readers.
  const [servers, serversAt] = [head.servers.urls, head.servers.located?.pointer ?? at];
  if (base.servers.urls[0] !== servers[0]) {
    const message = `${head.id}: default server changed from ${base.servers.urls[0]} to ${servers[0]}`;
    changes.push(change("major", "server-changed", serversAt, message));
  } else if (base.servers.urls.join(" ") !== servers.join(" ")) {
    const message = `${head.id}: other servers listed: ${servers.slice(1).join(", ") || "none"}`;
    changes.push(change("patch", "servers-changed", serversAt, message));
  }
  changes.push(...compareStatuses(base, head), ...compareSerialization(base, head));
  return changes;
}

function compareStatuses(base: Operation, head: Operation): Change[] {
  const changes: Change[] = [];
  const responsesAt = (operation: Operation, status?: string) =>
    joinPointer(operation.located.pointer, "responses", ...(status ? [status] : []));
  const [was, is] = [base.successStatus, head.successStatus];
  if (was !== is) {
    const message = `${head.id}: success status changed from ${was ?? "none"} to ${is ?? "none"}`;
    changes.push(change("major", "success-status-changed", responsesAt(head, is), message));
  }
  const success = new Set([was, is]);
  for (const status of head.responses.keys()) {
    if (base.responses.has(status) || success.has(status)) continue;
    const message = `${head.id}: documents a new response status ${status}`;
    changes.push(change("minor", "response-status-added", responsesAt(head, status), message));
  }
  // A status no longer documented disappears from the published types: code that names it stops compiling.
  for (const status of base.responses.keys()) {
    if (head.responses.has(status) || success.has(status)) continue;
    const message = `${head.id}: response status ${status} is no longer documented`;
    changes.push(change("major", "response-status-removed", responsesAt(base, status), message));
  }
  return changes;
}

/** How a parameter is written into the request; the same value serialised differently is a different request. */
function compareSerialization(base: Operation, head: Operation): Change[] {
  const changes: Change[] = [];
  for (const [key, after] of head.parameters) {
    const before = base.parameters.get(key);
    if (!before) continue;
    const [was, is] = [serialization(before.node), serialization(after.node)];
    if (was === is) continue;
    const message = `${head.id}: parameter ${key} is serialised differently (${was} → ${is})`;
    changes.push(change("major", "parameter-serialization-changed", after.pointer, message));
  }
  return changes;
}

function serialization(parameter: any): string {
  const style = parameter.style ?? (parameter.in === "query" || parameter.in === "cookie" ? "form" : "simple");
  const media = parameter.content ? Object.keys(parameter.content).join(",") : "schema";
  return [
    `style=${style}`,
    `explode=${parameter.explode ?? style === "form"}`,
    `allowReserved=${parameter.allowReserved === true}`,
    `allowEmptyValue=${parameter.allowEmptyValue === true}`,
    `content=${media}`,
  ].join(" ");
}

const show = (operation: Operation) => `${operation.method.toUpperCase()} ${operation.path}`;
