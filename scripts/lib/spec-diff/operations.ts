// The published operations of a document, each with what a call depends on gathered in one place:
// parameters merged from path item and operation, responses, success status, security and servers.
import { extractOperations } from "../extract-operations.ts";
import {
  child,
  fromRoot,
  joinPointer,
  type Located,
  type OpenApiDocument,
  type OperationPlace,
  operationsOf,
  parametersOf,
  successStatus,
} from "../openapi.ts";

export type Side = "base" | "head";

export type Operation = ReturnType<typeof describe>;

/** The client method an operation is called by (`x-client-method`), or its operationId where it names none. */
export const clientMethod = (operation: Operation): string => operation.located.node["x-client-method"] ?? operation.id;

export type ResponsePair = Record<Side, { status: string; located: Located }>;

/** One operation in both documents: what every comparison rule takes. */
export type OperationPair = Record<Side, Operation> & {
  documents: Record<Side, OpenApiDocument>;
  responses: ResponsePair[];
};

/**
 * The operations either document publishes. Our spec holds only what `pnpm spec:sync` selected, so every
 * operation in it is published; one in only one of the two was added or removed.
 */
export function publishedOperationIds(...documents: OpenApiDocument[]): string[] {
  const ids = documents.flatMap((document) =>
    [...operationsOf(document)].map(({ operation }) => operation.node.operationId),
  );
  return [...new Set(ids.filter(Boolean))];
}

export function findOperations(document: OpenApiDocument, ids: readonly string[]): Map<string, Operation> {
  const found = new Map<string, Operation>();
  for (const place of operationsOf(document)) {
    const id = place.operation.node.operationId;
    if (!ids.includes(id)) continue;
    const twice = found.get(id);
    if (twice)
      throw new Error(`operationId ${id} is used twice (${twice.located.pointer}, ${place.operation.pointer})`);
    found.set(id, describe(document, id, place));
  }
  return found;
}

/**
 * Whether what a call of the operation can depend on differs as text: the operation with all it reaches through
 * `$ref`, and the document's own settings (OpenAPI version, servers, security …; not its info or tags); true when it
 * cannot be cut out of a document, so it is never taken as unchanged. Keys keep their order (JSON.stringify, five
 * times faster than a canonical spelling): content merely reordered is compared rule by rule, as a real change is.
 */
export function differs(documents: Record<Side, OpenApiDocument>, id: string): boolean {
  try {
    const [before, after] = [documents.base, documents.head].map((document) => {
      const { paths, components } = extractOperations(document, [id]);
      const { paths: _, components: __, info: ___, tags: ____, externalDocs: _____, ...settings } = document;
      return JSON.stringify({ settings, paths, components });
    });
    return before !== after;
  } catch {
    return true; // compared rule by rule
  }
}

/**
 * One operation in both documents, with the responses that correspond: the success response by its role (so a
 * changed success status still compares the bodies), every other one by its status.
 */
export function pairOperation(documents: Record<Side, OpenApiDocument>, base: Operation, head: Operation) {
  const pair = (before: string, after: string): ResponsePair => ({
    base: { status: before, located: base.responses.get(before)! },
    head: { status: after, located: head.responses.get(after)! },
  });
  const success = [base.successStatus, head.successStatus];
  const others = [...base.responses.keys()].filter((status) => head.responses.get(status) && !success.includes(status));
  const [was, is] = success;
  const responses = [...(was && is ? [pair(was, is)] : []), ...others.map((status) => pair(status, status))];
  return { documents, base, head, responses };
}

function describe(document: OpenApiDocument, id: string, place: OperationPlace) {
  const { path, httpMethod: method, item, operation } = place;
  const statuses = Object.keys(operation.node.responses ?? {});
  const responses = new Map(statuses.map((status) => [status, child(document, operation, "responses", status)!]));
  const own = operation.node.security !== undefined;
  const security = {
    requirements: ((own ? operation.node.security : document.security) ?? []) as Array<Record<string, string[]>>,
    pointer: own ? joinPointer(operation.pointer, "security") : document.security ? "/security" : operation.pointer,
  };
  // The nearest servers list wins; without one OpenAPI's default is "/".
  const listed =
    child(document, operation, "servers") ?? child(document, item, "servers") ?? fromRoot(document, "servers");
  const servers = { urls: (listed?.node.length ? listed.node.map(serverUrl) : ["/"]) as string[], located: listed };
  // Parameters are keyed `in:name` (openapi.ts's parameterKey).
  const [parameters, success] = [parametersOf(document, place), successStatus(operation.node.responses)];
  return { id, path, method, located: operation, parameters, responses, successStatus: success, security, servers };
}

/** A server's URL as a client would call it: variables replaced by their defaults. */
function serverUrl(server: { url: string; variables?: Record<string, { default: string }> }): string {
  return server.url.replace(/\{([^}]+)\}/g, (match, name: string) => server.variables?.[name]?.default ?? match);
}
