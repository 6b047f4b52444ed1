// Reads OpenAPI documents for the generators, the sync and the diff: loading (JSON, gzipped JSON or YAML), `$ref`s
// with the JSON pointer of where a node really is, operations, 3.0 and 3.1 spellings made one, and each published
// operation as the types and the client see it. All of them ask this module, so they agree on what an operation is.
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { parse as parseYaml } from "yaml";

export const SPEC_FILE = new URL("../../openapi/realtimekit.openapi.json", import.meta.url).pathname;

/** An OpenAPI 3.0 or 3.1 document. */
export type OpenApiDocument = {
  openapi: string;
  info: Record<string, any>;
  paths: Record<string, Record<string, any>>;
  components?: Record<string, Record<string, any>>;
  [key: string]: any;
};

const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;
type HttpMethod = (typeof HTTP_METHODS)[number];

/**
 * How the API pages a list (openapi/sync.config.json's `paging`): `page` asks for a page by number, from 1, `perPage`
 * sets its size, and the answer's `object`, beside `data`, has its `totalCount`, `startOffset` and `endOffset`.
 */
const PAGING_NAMES = ["page", "perPage", "object", "totalCount", "startOffset", "endOffset"] as const;
export type Paging = Record<(typeof PAGING_NAMES)[number], string>;

export function loadPaging(file = new URL("../../openapi/sync.config.json", import.meta.url).pathname): Paging {
  const paging = JSON.parse(readFileSync(file, "utf8")).paging ?? {};
  const missing = PAGING_NAMES.filter((name) => typeof paging[name] !== "string" || paging[name] === "");
  if (missing.length) throw new Error(`${file}: "paging" names no ${missing.join(", ")}`);
  return Object.fromEntries(PAGING_NAMES.map((name) => [name, paging[name]])) as Paging;
}

export const loadSpec = (file = SPEC_FILE) => loadOpenApiDocument(file).document;

/** A file's bytes; when it cannot be read, an error that names it and says why. */
export function readBytes(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (error: any) {
    throw new Error(`${file}: cannot be read (${error.code ?? error})`);
  }
}

/** Reads an OpenAPI document from .json, .json.gz, .yaml or .yml, and says plainly what is wrong with it. */
export const loadOpenApiDocument = (file: string) => parseOpenApiDocument(readBytes(file), file);

/**
 * Parses an OpenAPI document's bytes (JSON, gzipped JSON or YAML) from `source`, a file or URL every error names.
 * The result's `bytes` are unzipped (the sync records their sha256); `maxBytes` stops a small gzip unzipping unbounded.
 */
export function parseOpenApiDocument(raw: Buffer, source: string, maxBytes?: number) {
  let bytes = raw;
  // gzip is recognised by its magic bytes, not the file name, so a renamed file still loads.
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      bytes = gunzipSync(bytes, { maxOutputLength: maxBytes });
    } catch (error: any) {
      throw new Error(
        error.code === "ERR_BUFFER_TOO_LARGE"
          ? `${source}: unzips to more than the limit of ${maxBytes} bytes`
          : `${source}: is gzipped but cannot be unzipped (${error.message})`,
      );
    }
  }
  const text = bytes.toString("utf8");
  // An HTML page (a login wall, a proxy's error page, a "not found" page served with 200) parses as one YAML
  // string, which would otherwise be reported as a document without an "openapi" field.
  if (/^\s*</.test(text)) {
    const start = text.trimStart().slice(0, 60).replace(/\s+/g, " ");
    throw new Error(`${source}: is an HTML or XML page, not a JSON or YAML document (it starts with "${start}")`);
  }
  let doc: Partial<OpenApiDocument> | null;
  try {
    doc = /^\s*[{[]/.test(text) ? JSON.parse(text) : parseYaml(text, { maxAliasCount: -1 });
  } catch (error: any) {
    throw new Error(`${source}: is neither JSON nor YAML (${error.message.split("\n")[0]})`);
  }
  if (typeof doc?.openapi !== "string" || !/^3\.[01]\./.test(doc.openapi)) {
    throw new Error(`${source}: is not an OpenAPI 3.0 or 3.1 document (no "openapi: 3.x" field)`);
  }
  if (!doc.paths || typeof doc.paths !== "object") throw new Error(`${source}: has no "paths" object`);
  return { document: doc as OpenApiDocument, bytes };
}

/**
 * Keys whose value maps names (property names, media types, statuses …) to what they name: a walk steps into each
 * entry by its name, never reading a name as a keyword (a property called `description` is not documentation).
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
/** The keywords that combine subschemas, each an array of them. */
export const COMBINATORS = ["allOf", "anyOf", "oneOf"];
/** Lower bounds on a length or a count; 0 is no bound at all. */
export const LOWER_BOUNDS = ["minLength", "minItems", "minProperties"];
const FALSE_BY_DEFAULT = ["deprecated", "readOnly", "writeOnly", "uniqueItems", "allowEmptyValue", "allowReserved"];

/**
 * One level of a schema, parameter or header with OpenAPI 3.0 and 3.1 spellings of the same thing made one, and
 * defaults written out or left out alike: `nullable` is a "null" type, a false flag and a zero lower bound are
 * absent, a parameter's style and explode are present, and 3.0's `exclusiveMinimum: true` beside `minimum: 1` is
 * 3.1's `exclusiveMinimum: 1` (false, or true with no bound beside it, bounds nothing).
 */
export function normalised(node: Record<string, any>): Record<string, any> {
  const result = { ...node };
  if (result.nullable === true) result.type = [result.type ?? [], "null"].flat();
  delete result.nullable;
  // `required` too is false by default on a parameter, a header and a request body (on a schema it is a list).
  for (const key of [...FALSE_BY_DEFAULT, "required"]) if (result[key] === false) delete result[key];
  for (const key of LOWER_BOUNDS) if (result[key] === 0) delete result[key];
  for (const [flag, bound] of Object.entries({ exclusiveMinimum: "minimum", exclusiveMaximum: "maximum" })) {
    if (result[flag] === true) {
      result[flag] = result[bound];
      delete result[bound];
    }
    if (typeof result[flag] !== "number") delete result[flag];
  }
  if (typeof result.in === "string") {
    // A parameter (or an apiKey scheme, where the same on both sides): spell out what OpenAPI leaves to defaults.
    result.style ??= result.in === "query" || result.in === "cookie" ? "form" : "simple";
    result.explode ??= result.style === "form";
  }
  return result;
}

export const isObject = (value: unknown): value is Record<string, any> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** A node of a document, with the JSON pointer (RFC 6901) of where it really is, after following `$ref`s. */
export type Located = { node: any; pointer: string };

export const joinPointer = (pointer: string, ...tokens: Array<string | number>) =>
  pointer + tokens.map((token) => `/${String(token).replaceAll("~", "~0").replaceAll("/", "~1")}`).join("");

export const fromRoot = (document: unknown, ...tokens: Array<string | number>) =>
  child(document, { node: document, pointer: "" }, ...tokens);

/** The value at a pointer, or undefined when there is none. */
export function valueAt(document: unknown, pointer: string): unknown {
  if (pointer === "") return document;
  let value: any = document;
  for (const token of pointer.slice(1).split("/")) {
    const name = token.replaceAll("~1", "/").replaceAll("~0", "~");
    if (value === null || typeof value !== "object" || !Object.hasOwn(value, name)) return undefined;
    value = value[name];
  }
  return value;
}

/** What one local `$ref` names; throws on a dangling or remote one, saying where the `$ref` is when that is known. */
function target(document: unknown, ref: string, pointer = ""): Located {
  const at = pointer && ` at ${pointer}`;
  if (!ref.startsWith("#")) throw new Error(`unsupported $ref ${ref}${at}: only local references are`);
  // A $ref is a URI fragment, so its tokens may be percent-encoded on top of pointer escaping.
  const named = ref.slice(1).split("/").map(decodeURIComponent).join("/");
  const node = valueAt(document, named);
  if (node === undefined) throw new Error(`dangling $ref ${ref}${at}`);
  return { node, pointer: named };
}

/** Follows a chain of local `$ref`s to the node they name; throws on a dangling, circular or remote one. */
export function resolveLocated(document: unknown, located: Located): Located {
  let current = located;
  const seen = new Set<string>();
  while (typeof current.node?.$ref === "string") {
    const ref: string = current.node.$ref;
    current = target(document, ref, current.pointer);
    if (seen.has(current.pointer)) throw new Error(`circular $ref ${ref} at ${located.pointer}`);
    seen.add(current.pointer);
  }
  return current;
}

/** The node a `$ref` chain ends at. */
export const resolve = (document: unknown, node: any): any => resolveLocated(document, { node, pointer: "" }).node;

/** Steps into a child (and resolves it); undefined when the child does not exist. */
export function child(document: unknown, located: Located | undefined, ...tokens: Array<string | number>) {
  let current = located;
  for (const token of tokens) {
    const node = typeof current?.node === "object" ? current.node?.[token] : undefined;
    if (node === undefined) return undefined;
    current = resolveLocated(document, { node, pointer: joinPointer(current!.pointer, token) });
  }
  return current;
}

/** Every `$ref` in `node`, and in what they name, all the way down: each once, in the order met. */
export function references(document: unknown, node: unknown, found = new Set<string>()): Set<string> {
  if (!node || typeof node !== "object") return found;
  for (const [key, value] of Object.entries(node)) {
    if (key !== "$ref" || typeof value !== "string") references(document, value, found);
    else if (!found.has(value)) references(document, target(document, value).node, found.add(value));
  }
  return found;
}

/** An operation where its document has it: the path item and the operation, `$ref`s followed. */
export type OperationPlace = { path: string; httpMethod: HttpMethod; item: Located; operation: Located };

/** Every operation of a document, in path order. */
export function* operationsOf(document: OpenApiDocument): Generator<OperationPlace> {
  for (const path of Object.keys(document.paths)) {
    const item = fromRoot(document, "paths", path);
    for (const httpMethod of HTTP_METHODS) {
      const operation = child(document, item, httpMethod);
      if (isObject(operation?.node)) yield { path, httpMethod, item: item!, operation };
    }
  }
}

/** A parameter's identity, `in:name`; header names are case-insensitive in HTTP, so their key is lower-cased. */
export const parameterKey = (parameter: { in: string; name: string }) =>
  `${parameter.in}:${parameter.in === "header" ? String(parameter.name).toLowerCase() : parameter.name}`;

/** Parameters by key, each as `written` (a `$ref` or itself); the operation's override the path item's (OpenAPI). */
export function parametersOf(document: unknown, { item, operation }: OperationPlace) {
  const parameters = new Map<string, Located & { written: unknown }>();
  for (const owner of [item, operation]) {
    for (const [index, written] of (owner.node.parameters ?? []).entries()) {
      const parameter = child(document, owner, "parameters", index)!;
      parameters.set(parameterKey(parameter.node), { ...parameter, written });
    }
  }
  return parameters;
}

/** The status of an operation's success answer: its lowest 2xx, else 2XX; undefined when it has neither. */
export function successStatus(responses: object = {}): string | undefined {
  const statuses = Object.keys(responses).sort();
  return statuses.find((status) => /^2\d\d$/.test(status)) ?? statuses.find((status) => /^2XX$/i.test(status));
}

export type SpecOperation = ReturnType<typeof listOperations>[number];

/** Every operation of the spec, in path order, as the generators use it. */
export function listOperations(spec: OpenApiDocument, paging: Paging = loadPaging()) {
  return [...operationsOf(spec)].map((place) => {
    const { path, httpMethod } = place;
    const node = place.operation.node;
    const route = `${httpMethod.toUpperCase()} ${path}`;
    if (typeof node["x-client-method"] !== "string") throw new Error(`${route} has no x-client-method`);
    const parameters = [...parametersOf(spec, place).values()].map(({ node: parameter }) => {
      // The client takes path and query parameters by name; a header or cookie would need a place in its Params.
      if (parameter.in !== "path" && parameter.in !== "query") {
        throw new Error(`${route}: ${parameter.in} parameter ${parameter.name} is not supported`);
      }
      return {
        name: parameter.name as string,
        in: parameter.in as "path" | "query",
        required: parameter.required === true,
        /** OpenAPI's `explode`; for a query array, false means one comma-separated value. */
        explode: (parameter.explode ?? true) as boolean,
        schema: parameter.schema ?? {},
      };
    });
    const requestBody = resolve(spec, node.requestBody);
    const bodySchema = requestBody?.content?.["application/json"]?.schema;
    if (requestBody && !bodySchema) throw new Error(`${route}: the request body is not JSON`);
    // A status the generated code can name: 2XX is no number.
    const status = Number(successStatus(node.responses));
    const successSchema = status && resolve(spec, node.responses[status]).content?.["application/json"]?.schema;
    if (!successSchema) throw new Error(`${route} has no JSON success answer`);
    const envelope = resolve(spec, successSchema);
    if (envelope.properties?.data === undefined) throw new Error(`${route}: the success answer has no "data"`);
    return {
      operationId: node.operationId as string,
      /** The client method's name (`x-client-method`, from openapi/sync.config.json). */
      method: node["x-client-method"] as string,
      httpMethod,
      path,
      /** The HTTP method, upper case, and the path: `GET /accounts/{account_id}/…`. */
      route,
      summary: node.summary as string | undefined,
      /** The operation as the spec writes it. */
      node,
      parameters,
      body: bodySchema ? { required: requestBody.required === true, schema: bodySchema } : undefined,
      successStatus: status,
      /** The success answer's JSON schema: the `{ success, data }` envelope. */
      successSchema,
      /** Lists the client walks page by page: `Paging`'s two query parameters, an array `data` beside its object. */
      paged:
        [paging.page, paging.perPage].every((name) => parameters.some((p) => p.in === "query" && p.name === name)) &&
        envelope.properties[paging.object] !== undefined &&
        resolve(spec, envelope.properties.data)?.type === "array",
    };
  });
}
