import type { OpenApiDocument } from "./load-document.ts";
import { HTTP_METHODS, resolve as resolveRef, type Spec } from "./openapi.ts";

/**
 * Builds a document holding only the named operations and the components they reach through `$ref`
 * (their complete closure, nothing else). Path-level parameters are folded into each operation, ordered
 * as they appear in the path, so every operation states its parameters once and in one place.
 */
export function extractOperations(source: OpenApiDocument, operationIds: string[]): OpenApiDocument {
  const paths: OpenApiDocument["paths"] = {};
  const found = new Set<string>();
  for (const [path, item] of Object.entries(source.paths)) {
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!operation || !operationIds.includes(operation.operationId)) continue;
      found.add(operation.operationId);
      paths[path] ??= {};
      paths[path][method] = {
        ...operation,
        parameters: foldParameters(source, path, item.parameters, operation.parameters),
      };
    }
  }
  const missing = operationIds.filter((id) => !found.has(id));
  if (missing.length > 0) throw new Error(`operation(s) not found upstream: ${missing.join(", ")}`);

  const components: Record<string, Record<string, unknown>> = {};
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) visit(item);
      return;
    }
    if (!node || typeof node !== "object") return;
    for (const [key, value] of Object.entries(node)) {
      if (key === "$ref" && typeof value === "string") addReference(value);
      else visit(value);
    }
  };
  const addReference = (ref: string): void => {
    const [, , section, name, ...rest] = ref.split("/");
    if (!ref.startsWith("#/components/") || !section || !name || rest.length > 0)
      throw new Error(`unsupported $ref: ${ref}`);
    if (components[section]?.[name] !== undefined) return;
    const target = source.components?.[section]?.[name];
    if (target === undefined) throw new Error(`dangling $ref: ${ref}`);
    (components[section] ??= {})[name] = target;
    visit(target);
  };
  visit(paths);

  const operations = Object.values(paths).flatMap((item) => Object.values(item));
  for (const requirement of operations.flatMap((operation) => operation.security ?? source.security ?? [])) {
    for (const scheme of Object.keys(requirement)) addReference(`#/components/securitySchemes/${scheme}`);
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

function foldParameters(source: OpenApiDocument, path: string, pathLevel: any[] = [], operationLevel: any[] = []) {
  const resolve = (parameter: any) => resolveRef(source as Spec, parameter);
  const keyOf = (parameter: any) => `${resolve(parameter).in}:${resolve(parameter).name}`;
  const byKey = new Map<string, any>();
  // Operation-level parameters override path-level ones with the same name and location (OpenAPI's rule).
  for (const parameter of [...pathLevel, ...operationLevel]) byKey.set(keyOf(parameter), parameter);
  const position = (parameter: any) => {
    const { in: location, name } = resolve(parameter);
    return location === "path" ? path.indexOf(`{${name}}`) : Number.MAX_SAFE_INTEGER;
  };
  return [...byKey.values()].sort((a, b) => position(a) - position(b));
}
