// Where the schema behind a path of generated property names is, in either document, so a change found on
// the types points at the spec text that caused it. A trailing "" asks for the schema of a parameter or header
// rather than the parameter or header itself.
import { COMBINATORS, child, type Located, type OpenApiDocument, parameterKey } from "../openapi.ts";
import type { OperationPair, ResponsePair, Side } from "./operations.ts";

export type Locate = (segments: string[], side: Side) => Located | undefined;

export function locateParameter(pair: OperationPair): Locate {
  return (segments, side) => {
    // Fewer than two segments name no parameter: the key made of `undefined`s finds none.
    const [location, name, ...rest] = segments as [string, string, ...string[]];
    const document = pair.documents[side];
    const parameter = pair[side].parameters.get(parameterKey({ in: location, name }));
    return rest.length ? schemaPath(document, schemaOf(document, parameter), rest) : parameter;
  };
}

export function locateRequestBody(pair: OperationPair): Locate {
  return (segments, side) =>
    contentPath(pair.documents[side], child(pair.documents[side], pair[side].located, "requestBody"), segments);
}

export function locateResponse(pair: OperationPair, response: ResponsePair): Locate {
  return (segments, side) => contentPath(pair.documents[side], response[side].located, segments);
}

/** `content.<media type>.<fields…>` or `headers.<name>` below a response or request body. */
function contentPath(document: OpenApiDocument, start: Located | undefined, segments: string[]): Located | undefined {
  const [group, name, ...rest] = segments as [string, string | undefined, ...string[]];
  if (!name) return child(document, start, group) ?? start;
  const entry = child(document, start, group, name);
  if (rest.length === 0) return entry ?? start;
  return schemaPath(document, schemaOf(document, entry), rest) ?? entry ?? start;
}

/** The schema of a parameter, a header or a media type: its own, or its one media type's. */
function schemaOf(document: OpenApiDocument, located: Located | undefined): Located | undefined {
  const media = Object.keys(located?.node.content ?? {})[0];
  return media ? child(document, located, "content", media, "schema") : child(document, located, "schema");
}

/**
 * Follows property names (through allOf/anyOf/oneOf) and `[]` for array items; stops at the deepest match, so
 * the trailing "" (no property has that name) ends the walk at the schema reached.
 */
function schemaPath(document: OpenApiDocument, start: Located | undefined, segments: string[]): Located | undefined {
  const findProperty = (schema: Located | undefined, name: string, depth = 0): Located | undefined => {
    if (!schema || depth > 16) return undefined;
    if (Object.hasOwn(schema.node.properties ?? {}, name)) return child(document, schema, "properties", name);
    for (const key of COMBINATORS) {
      for (let index = 0; index < (schema.node[key]?.length ?? 0); index++) {
        const found = findProperty(child(document, schema, key, index), name, depth + 1);
        if (found) return found;
      }
    }
    return undefined;
  };
  let current = start;
  for (const segment of segments) {
    const next = segment === "[]" ? child(document, current, "items") : findProperty(current, segment);
    if (!next) return current;
    current = next;
  }
  return current;
}
