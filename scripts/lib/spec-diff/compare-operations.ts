// Rules about an operation as a whole: whether it is there, where it is called, which statuses it documents,
// and how its parameters are put on the wire. Types cannot see any of these.

import { joinPointer, normalised } from "../openapi.ts";
import { type Change, change, type Level } from "./change.ts";
import { clientMethod, type Operation } from "./operations.ts";

type Operations = Map<string, Operation>;

export function compareOperationSets(ids: readonly string[], base: Operations, head: Operations): Change[] {
  return ids.flatMap((id) => {
    const [before, after] = [base.get(id), head.get(id)];
    if (Boolean(before) === Boolean(after)) return [];
    const operation = (before ?? after)!;
    const [level, kind, what]: [Level, string, string] = before
      ? ["major", "operation-removed", "was removed or renamed"]
      : ["minor", "operation-added", "was added"];
    const message = `operation ${id} (${operation.method.toUpperCase()} ${operation.path}) ${what}`;
    return [{ ...change(level, kind, operation.located.pointer, message), operation: clientMethod(operation) }];
  });
}

export function compareOperation(base: Operation, head: Operation): Change[] {
  const changes: Change[] = [];
  const report = (level: Level, kind: string, pointer: string, what: string) =>
    changes.push(change(level, kind, pointer, `${head.id}: ${what}`));
  const at = head.located.pointer;
  if (base.path !== head.path) report("major", "path-changed", at, `path changed from ${base.path} to ${head.path}`);
  // The client's method for the operation: code calling the old name stops compiling.
  const [wasCalled, isCalled] = [base.located.node["x-client-method"], head.located.node["x-client-method"]];
  if (wasCalled !== isCalled) {
    const what = `client method renamed from ${wasCalled ?? "none"}() to ${isCalled ?? "none"}()`;
    report("major", "method-renamed", joinPointer(at, "x-client-method"), what);
  }
  if (base.method !== head.method) {
    const what = `method changed from ${base.method.toUpperCase()} to ${head.method.toUpperCase()}`;
    report("major", "method-changed", at, what);
  }
  // The client calls the first server by default; the others are listed for readers.
  const [[was], servers, serversAt] = [base.servers.urls, head.servers.urls, head.servers.located?.pointer ?? at];
  if (was !== servers[0])
    report("major", "server-changed", serversAt, `default server changed from ${was} to ${servers[0]}`);
  else if (base.servers.urls.join(" ") !== servers.join(" ")) {
    report("patch", "servers-changed", serversAt, `other servers listed: ${servers.slice(1).join(", ") || "none"}`);
  }

  const responsesAt = (operation: Operation, status?: string) =>
    joinPointer(operation.located.pointer, "responses", ...(status ? [status] : []));
  const [success, successNow] = [base.successStatus, head.successStatus];
  if (success !== successNow) {
    const what = `success status changed from ${success ?? "none"} to ${successNow ?? "none"}`;
    report("major", "success-status-changed", responsesAt(head, successNow), what);
  }
  const other = (status: string) => status !== success && status !== successNow;
  for (const status of head.responses.keys()) {
    if (other(status) && !base.responses.has(status)) {
      report("minor", "response-status-added", responsesAt(head, status), `documents a new response status ${status}`);
    }
  }
  // A status no longer documented disappears from the published types: code that names it stops compiling.
  for (const status of base.responses.keys()) {
    if (other(status) && !head.responses.has(status)) {
      const what = `response status ${status} is no longer documented`;
      report("major", "response-status-removed", responsesAt(base, status), what);
    }
  }

  // How a parameter is written into the request; the same value serialised differently is a different request.
  for (const [key, after] of head.parameters) {
    const before = base.parameters.get(key);
    const [was, is] = [before && serialization(before.node), serialization(after.node)];
    const what = `parameter ${key} is serialised differently (${was} → ${is})`;
    if (was && was !== is) report("major", "parameter-serialization-changed", after.pointer, what);
  }
  return changes;
}

function serialization(parameter: any): string {
  const { style, explode, allowReserved, allowEmptyValue, content } = normalised(parameter);
  return [
    `style=${style}`,
    `explode=${explode}`,
    `allowReserved=${allowReserved === true}`,
    `allowEmptyValue=${allowEmptyValue === true}`,
    `content=${content ? Object.keys(content).join(",") : "schema"}`,
  ].join(" ");
}
