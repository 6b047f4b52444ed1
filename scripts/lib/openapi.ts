// Reads our spec (openapi/realtimekit.openapi.json) for the generators: `$ref`s resolved, and each published
// operation described once, with what the types and the client are generated from. Every generator asks this
// module, so they agree on what an operation's parameters, body, success answer and paging are.
import { readFileSync } from "node:fs";

export const SPEC_FILE = new URL("../../openapi/realtimekit.openapi.json", import.meta.url).pathname;

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
   * Paged lists: `page_no` and `per_page` query parameters, and an answer whose `data` is an array beside a
   * `paging` object. The client walks these page by page.
   */
  paged: boolean;
};

export const loadSpec = (file = SPEC_FILE): Spec => JSON.parse(readFileSync(file, "utf8"));

/** The node a `$ref` chain ends at; throws on a dangling or circular chain. */
export function resolve(spec: Spec, node: any): any {
  const seen = new Set<string>();
  while (node && typeof node.$ref === "string") {
    if (seen.has(node.$ref)) throw new Error(`circular $ref ${node.$ref}`);
    seen.add(node.$ref);
    const target = node.$ref
      .slice(2)
      .split("/")
      .map((token: string) => token.replaceAll("~1", "/").replaceAll("~0", "~"))
      .reduce((value: any, key: string) => value?.[key], spec);
    if (target === undefined) throw new Error(`dangling $ref ${node.$ref}`);
    node = target;
  }
  return node;
}

/** Every operation of the spec, in path order, as the generators use it. */
export function listOperations(spec: Spec): SpecOperation[] {
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
        query.has("page_no") &&
        query.has("per_page") &&
        envelope.properties?.paging !== undefined &&
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
