// Reads OpenAPI documents for the generators, the sync and the diff: `$ref`s resolved (with the JSON pointer of
// where a node really is, for the diff's reports), and each published operation described once, with what the
// types and the client are generated from. Everything that reads the spec asks this module, so they agree on
// what an operation's parameters, body, success answer and paging are.
import { readFileSync } from "node:fs";

export const SPEC_FILE = new URL("../../openapi/realtimekit.openapi.json", import.meta.url).pathname;
const SYNC_CONFIG_FILE = new URL("../../openapi/sync.config.json", import.meta.url).pathname;

export type Spec = {
  openapi: string;
  info: Record<string, any>;
  servers?: Array<{ url: string }>;
  paths: Record<string, Record<string, any>>;
  components?: Record<string, Record<string, any>>;
  [key: string]: any;
};

export const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;

export type SpecParameter = {
  name: string;
  in: "path" | "query" | "header" | "cookie";
  required: boolean;
  schema: any;
  /** OpenAPI's `explode`; for a query array, false means one comma-separated value. Defaults to true. */
  explode: boolean;
};

export type SpecOperation = {
  operationId: string;
  /** The client method's name (`x-client-method`, from openapi/sync.config.json). */
  method: string;
  httpMethod: (typeof HTTP_METHODS)[number];
  path: string;
  summary: string | undefined;
  parameters: SpecParameter[];
  /** The JSON request body, if the operation takes one. */
  body: { required: boolean; schema: any } | undefined;
  successStatus: number;
  /** The success answer's JSON schema: the `{ success, data }` envelope. */
  successSchema: any;
  /**
   * Paged lists: the two query parameters `Paging` names, and an answer whose `data` is an array beside its
   * paging object. The client walks these page by page.
   */
  paged: boolean;
};

/** How the API pages a list, by the names it uses: openapi/sync.config.json's `paging`. */
export type Paging = {
  /** The query parameter that asks for a page by number, from 1. */
  page: string;
  /** The query parameter that sets how many items a page holds. */
  perPage: string;
  /** The answer's property, beside `data`, that says where the page sits in the list. */
  object: string;
  totalCount: string;
  startOffset: string;
  endOffset: string;
};

const PAGING_NAMES = ["page", "perPage", "object", "totalCount", "startOffset", "endOffset"] as const;

export function loadPaging(file = SYNC_CONFIG_FILE): Paging {
  const paging = JSON.parse(readFileSync(file, "utf8")).paging ?? {};
  const missing = PAGING_NAMES.filter((name) => typeof paging[name] !== "string" || paging[name] === "");
  if (missing.length) throw new Error(`${file}: "paging" names no ${missing.join(", ")}`);
  return Object.fromEntries(PAGING_NAMES.map((name) => [name, paging[name]])) as Paging;
}

export const loadSpec = (file = SPEC_FILE): Spec => JSON.parse(readFileSync(file, "utf8"));

/**
 * Keys whose value maps names (property names, media types, statuses, header names …) to what they name. A walk
 * over a document steps into each entry by its name and never reads a name as a keyword: a property called
 * `description` is a property, not documentation.
 */
export const NAMED_ENTRIES = new Set([
  "properties",
  "patternProperties",
  "headers",
  "content",
  "encoding",
  "links",
  "callbacks",
  "variables",
  "$defs",
  "definitions",
  "dependentSchemas",
  "mapping",
  "responses",
]);
/** Lower bounds on a length or a count; 0 is no bound at all. */
export const LOWER_BOUNDS = ["minLength", "minItems", "minProperties"];

/** A node of a document, with the JSON pointer (RFC 6901) of where it really is, after following `$ref`s. */
export type Located = { node: any; pointer: string };

const escapeToken = (token: string | number) => String(token).replaceAll("~", "~0").replaceAll("/", "~1");
const unescapeToken = (token: string) => token.replaceAll("~1", "/").replaceAll("~0", "~");

export const joinPointer = (pointer: string, ...tokens: Array<string | number>) =>
  pointer + tokens.map((token) => `/${escapeToken(token)}`).join("");

export const documentRoot = (document: unknown): Located => ({ node: document, pointer: "" });

/** The value at a pointer, or undefined when there is none. */
export function valueAt(document: unknown, pointer: string): unknown {
  if (pointer === "") return document;
  let value: any = document;
  for (const token of pointer.slice(1).split("/").map(unescapeToken)) {
    if (value === null || typeof value !== "object" || !Object.hasOwn(value, token)) return undefined;
    value = value[token];
  }
  return value;
}

/** Follows a chain of local `$ref`s to the node they name; throws on a dangling, circular or remote one. */
export function resolveLocated(document: unknown, located: Located): Located {
  let current = located;
  const seen = new Set<string>();
  while (current.node && typeof current.node === "object" && typeof current.node.$ref === "string") {
    const ref: string = current.node.$ref;
    if (!ref.startsWith("#"))
      throw new Error(`unsupported $ref ${ref} at ${current.pointer}: only local references are`);
    // A $ref is a URI fragment, so its tokens may be percent-encoded on top of pointer escaping.
    const pointer = ref
      .slice(1)
      .split("/")
      .map((token) => decodeURIComponent(token))
      .join("/");
    if (seen.has(pointer)) throw new Error(`circular $ref ${ref} at ${located.pointer}`);
    seen.add(pointer);
    const node = valueAt(document, pointer);
    if (node === undefined) throw new Error(`dangling $ref ${ref} at ${current.pointer}`);
    current = { node, pointer };
  }
  return current;
}

/** The node a `$ref` chain ends at. */
export const resolve = (spec: Spec, node: any): any => resolveLocated(spec, { node, pointer: "" }).node;

/** Steps into a child (and resolves it); undefined when the child does not exist. */
export function child(document: unknown, located: Located | undefined, ...tokens: Array<string | number>) {
  let current = located;
  for (const token of tokens) {
    if (!current || current.node === null || typeof current.node !== "object") return undefined;
    const node = current.node[token];
    if (node === undefined) return undefined;
    current = resolveLocated(document, { node, pointer: joinPointer(current.pointer, token) });
  }
  return current;
}

/** Every operation of the spec, in path order, as the generators use it. */
export function listOperations(spec: Spec, paging: Paging = loadPaging()): SpecOperation[] {
  const operations: SpecOperation[] = [];
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const httpMethod of HTTP_METHODS) {
      const operation = item[httpMethod];
      if (!operation) continue;
      const where = `${httpMethod.toUpperCase()} ${path}`;
      if (typeof operation["x-client-method"] !== "string") throw new Error(`${where} has no x-client-method`);
      const parameters = [...(item.parameters ?? []), ...(operation.parameters ?? [])].map((p: any) => {
        const parameter = resolve(spec, p);
        return {
          name: parameter.name,
          in: parameter.in,
          required: parameter.required === true,
          schema: parameter.schema ?? {},
          explode: parameter.explode ?? true,
        } satisfies SpecParameter;
      });
      const requestBody = operation.requestBody && resolve(spec, operation.requestBody);
      const bodySchema = requestBody?.content?.["application/json"]?.schema;
      if (requestBody && !bodySchema) throw new Error(`${where}: the request body is not JSON`);
      const [status, response] =
        Object.entries<any>(operation.responses ?? {}).find(([code]) => /^2\d\d$/.test(code)) ?? [];
      const successSchema = status && resolve(spec, response).content?.["application/json"]?.schema;
      if (!successSchema) throw new Error(`${where} has no JSON success answer`);
      const envelope = resolve(spec, successSchema);
      const query = new Set(parameters.filter((p) => p.in === "query").map((p) => p.name));
      const paged =
        query.has(paging.page) &&
        query.has(paging.perPage) &&
        envelope.properties?.[paging.object] !== undefined &&
        resolve(spec, envelope.properties?.data)?.type === "array";
      operations.push({
        operationId: operation.operationId,
        method: operation["x-client-method"],
        httpMethod,
        path,
        summary: operation.summary,
        parameters,
        body: bodySchema ? { required: requestBody.required === true, schema: bodySchema } : undefined,
        successStatus: Number(status),
        successSchema,
        paged,
      });
    }
  }
  return operations;
}
