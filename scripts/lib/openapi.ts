// Reads OpenAPI documents for the generators, the sync and the diff: loaded (JSON, gzipped JSON or YAML), `$ref`s
// resolved (with the JSON pointer of where a node really is, for the diff's reports), operations walked, schema
// spellings normalised, and each published operation described once, with what the types and the client are
// generated from. Everything that reads the spec asks this module, so they agree on what an operation's
// parameters, body, success answer and paging are.
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { parse as parseYaml } from "yaml";

export const SPEC_FILE = new URL("../../openapi/realtimekit.openapi.json", import.meta.url).pathname;
const SYNC_CONFIG_FILE = new URL("../../openapi/sync.config.json", import.meta.url).pathname;

/** An OpenAPI 3.0 or 3.1 document. */
export type OpenApiDocument = {
  openapi: string;
  info: Record<string, any>;
  paths: Record<string, Record<string, any>>;
  components?: Record<string, Record<string, any>>;
  [key: string]: any;
};

export const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;
type HttpMethod = (typeof HTTP_METHODS)[number];

/**
 * How the API pages a list, by the names it uses (openapi/sync.config.json's `paging`): `page` asks for a page by
 * number, from 1; `perPage` sets how many items a page holds; `object` is the answer's property, beside `data`, that
 * says where the page sits in the list, with its `totalCount`, `startOffset` and `endOffset`.
 */
const PAGING_NAMES = ["page", "perPage", "object", "totalCount", "startOffset", "endOffset"] as const;
export type Paging = Record<(typeof PAGING_NAMES)[number], string>;

export function loadPaging(file = SYNC_CONFIG_FILE): Paging {
  const paging = JSON.parse(readFileSync(file, "utf8")).paging ?? {};
  const missing = PAGING_NAMES.filter((name) => typeof paging[name] !== "string" || paging[name] === "");
  if (missing.length) throw new Error(`${file}: "paging" names no ${missing.join(", ")}`);
  return Object.fromEntries(PAGING_NAMES.map((name) => [name, paging[name]])) as Paging;
}

/** The spec (openapi/realtimekit.openapi.json unless `file` names another). */
export const loadSpec = (file = SPEC_FILE) => loadOpenApiDocument(file).document;

/** Reads an OpenAPI document from .json, .json.gz, .yaml or .yml, and says plainly what is wrong with it. */
export function loadOpenApiDocument(file: string): { document: OpenApiDocument; bytes: Buffer } {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new Error(`${file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? error})`);
  }
  return parseOpenApiDocument(bytes, file);
}

/**
 * Parses the bytes of an OpenAPI document (JSON, gzipped JSON or YAML) read from `source`, a file or a URL that
 * every error names. `bytes` in the result are the unzipped bytes, whose sha256 the sync records. `maxBytes` caps
 * what a gzipped download may unzip to, so a small download cannot expand without bound.
 */
export function parseOpenApiDocument(
  raw: Buffer,
  source: string,
  maxBytes?: number,
): { document: OpenApiDocument; bytes: Buffer } {
  let bytes = raw;
  // gzip is recognised by its magic bytes, not the file name, so a renamed file still loads.
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      bytes = gunzipSync(bytes, maxBytes === undefined ? {} : { maxOutputLength: maxBytes });
    } catch (error) {
      const tooLarge = (error as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE";
      throw new Error(
        tooLarge
          ? `${source}: unzips to more than the limit of ${maxBytes} bytes`
          : `${source}: is gzipped but cannot be unzipped (${(error as Error).message})`,
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
  let document: unknown;
  try {
    document = /^\s*[{[]/.test(text) ? JSON.parse(text) : parseYaml(text, { maxAliasCount: -1 });
  } catch (error) {
    throw new Error(`${source}: is neither JSON nor YAML (${(error as Error).message.split("\n")[0]})`);
  }
  const doc = document as Partial<OpenApiDocument> | null;
  if (!doc || typeof doc !== "object" || typeof doc.openapi !== "string" || !/^3\.[01]\./.test(doc.openapi)) {
    throw new Error(`${source}: is not an OpenAPI 3.0 or 3.1 document (no "openapi: 3.x" field)`);
  }
  if (!doc.paths || typeof doc.paths !== "object") throw new Error(`${source}: has no "paths" object`);
  return { document: doc as OpenApiDocument, bytes };
}

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
/** The keywords that combine subschemas, each an array of them. */
export const COMBINATORS = ["allOf", "anyOf", "oneOf"];
/** Lower bounds on a length or a count; 0 is no bound at all. */
export const LOWER_BOUNDS = ["minLength", "minItems", "minProperties"];
/** `required` is false by default on a parameter, a header and a request body (on a schema it is a list). */
const FALSE_BY_DEFAULT = [
  "deprecated",
  "readOnly",
  "writeOnly",
  "uniqueItems",
  "allowEmptyValue",
  "allowReserved",
  "required",
];

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
  for (const key of FALSE_BY_DEFAULT) if (result[key] === false) delete result[key];
  for (const key of LOWER_BOUNDS) if (result[key] === 0) delete result[key];
  for (const [flag, bound] of [
    ["exclusiveMinimum", "minimum"],
    ["exclusiveMaximum", "maximum"],
  ] as const) {
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
  while (current.node && typeof current.node === "object" && typeof current.node.$ref === "string") {
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
    if (!current || current.node === null || typeof current.node !== "object") return undefined;
    const node = current.node[token];
    if (node === undefined) return undefined;
    current = resolveLocated(document, { node, pointer: joinPointer(current.pointer, token) });
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
    const item = child(document, documentRoot(document), "paths", path);
    for (const httpMethod of HTTP_METHODS) {
      const operation = child(document, item, httpMethod);
      if (isObject(operation?.node)) yield { path, httpMethod, item: item!, operation };
    }
  }
}

/** A parameter's identity, `in:name`; header names are case-insensitive in HTTP, so their key is lower-cased. */
export const parameterKey = (parameter: { in: string; name: string }) =>
  `${parameter.in}:${parameter.in === "header" ? String(parameter.name).toLowerCase() : parameter.name}`;

/**
 * An operation's parameters by key, each with how it is `written` (a `$ref` or the parameter itself). The path
 * item's are overridden by the operation's own with the same key (OpenAPI's rule).
 */
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

/** One operation as the generators use it. */
export type SpecOperation = ReturnType<typeof listOperations>[number];

/** Every operation of the spec, in path order, as the generators use it. */
export function listOperations(spec: OpenApiDocument, paging: Paging = loadPaging()) {
  return [...operationsOf(spec)].map((place) => {
    const { path, httpMethod, operation } = place;
    const node = operation.node;
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
    const requestBody = node.requestBody && resolve(spec, node.requestBody);
    const bodySchema = requestBody?.content?.["application/json"]?.schema;
    if (requestBody && !bodySchema) throw new Error(`${route}: the request body is not JSON`);
    // A status the generated code can name: 2XX is no number.
    const status = Number(successStatus(node.responses));
    const successSchema = status && resolve(spec, node.responses[status]).content?.["application/json"]?.schema;
    if (!successSchema) throw new Error(`${route} has no JSON success answer`);
    const envelope = resolve(spec, successSchema);
    if (envelope.properties?.data === undefined) throw new Error(`${route}: the success answer has no "data"`);
    const query = new Set(parameters.filter((p) => p.in === "query").map((p) => p.name));
    const paged =
      query.has(paging.page) &&
      query.has(paging.perPage) &&
      envelope.properties[paging.object] !== undefined &&
      resolve(spec, envelope.properties.data)?.type === "array";
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
      /** The JSON request body, if the operation takes one. */
      body: bodySchema ? { required: requestBody.required === true, schema: bodySchema } : undefined,
      successStatus: status,
      /** The success answer's JSON schema: the `{ success, data }` envelope. */
      successSchema,
      /**
       * Paged lists: the two query parameters `Paging` names, and an answer whose `data` is an array beside its
       * paging object. The client walks these page by page.
       */
      paged,
    };
  });
}
