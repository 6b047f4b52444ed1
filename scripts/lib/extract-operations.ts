import { type OpenApiDocument, operationsOf, parametersOf, references } from "./openapi.ts";

/**
 * Builds a document holding only the named operations and the components they reach through `$ref`
 * (their complete closure, nothing else). Path-level parameters are folded into each operation, ordered
 * as they appear in the path, so every operation states its parameters once and in one place.
 */
export function extractOperations(source: OpenApiDocument, operationIds: string[]): OpenApiDocument {
  const paths: OpenApiDocument["paths"] = {};
  for (const place of operationsOf(source)) {
    const { path, httpMethod, operation } = place;
    if (!operationIds.includes(operation.node.operationId)) continue;
    const position = ({ node }: { node: any }) =>
      node.in === "path" ? path.indexOf(`{${node.name}}`) : Number.MAX_SAFE_INTEGER;
    const parameters = [...parametersOf(source, place).values()].sort((a, b) => position(a) - position(b));
    (paths[path] ??= {})[httpMethod] = { ...operation.node, parameters: parameters.map(({ written }) => written) };
  }
  const operations = Object.values(paths).flatMap((item) => Object.values(item));
  const missing = operationIds.filter((id) => !operations.some((operation) => operation.operationId === id));
  if (missing.length > 0) throw new Error(`operation(s) not found upstream: ${missing.join(", ")}`);

  const schemes = operations.flatMap((operation) => operation.security ?? source.security ?? []).flatMap(Object.keys);
  const components: Record<string, Record<string, unknown>> = {};
  const closure = references(source, [
    paths,
    schemes.map((scheme) => ({ $ref: `#/components/securitySchemes/${scheme}` })),
  ]);
  for (const ref of closure) {
    const [, , section, name, ...rest] = ref.split("/");
    if (!ref.startsWith("#/components/") || !section || !name || rest.length > 0)
      throw new Error(`unsupported $ref: ${ref}`);
    (components[section] ??= {})[name] = source.components![section]![name];
  }
  const tagNames = new Set(operations.flatMap((operation) => operation.tags ?? []));
  const tags = (source.tags ?? []).filter((tag: { name: string }) => tagNames.has(tag.name));

  return {
    openapi: source.openapi,
    info: source.info,
    ...(source.servers ? { servers: source.servers } : {}),
    ...(tags.length > 0 ? { tags } : {}),
    paths,
    components,
  };
}
