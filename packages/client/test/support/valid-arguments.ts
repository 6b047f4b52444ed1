// Arguments for any operation, made from the spec the packages ship: the spec's own examples where it has them,
// otherwise the smallest value each schema allows. Contract tests call every operation with these, so a new
// operation in the spec is tested without anyone writing its arguments by hand.
import spec from "@realtimekit-api/types/openapi.json" with { type: "json" };

type SpecSchema = Record<string, any>;
type SpecOperation = { method: string; path: string; operation: Record<string, any> };

const HTTP_METHODS = ["get", "put", "post", "delete", "patch"];

/** Follows `$ref`s within the spec until it reaches the thing itself. */
export function resolve<T = SpecSchema>(node: any): T {
  let value = node;
  while (value?.$ref) {
    value = (value.$ref as string)
      .slice(2)
      .split("/")
      .reduce((parent: any, key) => parent?.[key], spec);
    if (value === undefined) throw new Error(`unresolvable $ref ${node.$ref}`);
  }
  return value;
}

/** Every operation of the spec, by its client method name (`x-client-method`). */
export const specOperations: ReadonlyMap<string, SpecOperation> = new Map(
  Object.entries(spec.paths).flatMap(([path, item]) =>
    Object.entries(item as Record<string, any>)
      .filter(([method, operation]) => HTTP_METHODS.includes(method) && operation["x-client-method"])
      .map(([method, operation]) => [
        operation["x-client-method"] as string,
        { method: method.toUpperCase(), path, operation },
      ]),
  ),
);

function specOperation(name: string): SpecOperation {
  const found = specOperations.get(name);
  if (!found) throw new Error(`no operation with x-client-method ${name} in the spec`);
  return found;
}

type Parameter = { name: string; in: string; required?: boolean; schema?: unknown; example?: unknown; examples?: any };

/** The operation's parameters as the spec declares them, `$ref`s followed. */
export const parametersOf = (name: string): Parameter[] =>
  (specOperation(name).operation.parameters ?? []).map((p: unknown) => resolve<Parameter>(p));

/** The JSON request body's media type object, if the operation takes a body. */
function jsonBodyOf(name: string): { required: boolean; media: Record<string, any> } | undefined {
  const requestBody = specOperation(name).operation.requestBody;
  if (!requestBody) return undefined;
  const { required = false, content } = resolve(requestBody);
  const media = content["application/json"];
  if (!media) throw new Error(`${name}: a request body that is not JSON (${Object.keys(content)})`);
  return { required, media };
}

/** The first example of an object that has `example` or `examples` (OpenAPI's two spellings), if any. */
function firstExample(node: { example?: unknown; examples?: Record<string, unknown> }): unknown {
  if (node.example !== undefined) return node.example;
  const first = Object.values(node.examples ?? {})[0];
  return first === undefined ? undefined : resolve<{ value?: unknown }>(first).value;
}

// Values for formats with a shape; any other string is a run of one letter.
const FORMATTED: Record<string, string> = {
  uuid: "550e8400-e29b-41d4-a716-446655440000",
  "date-time": "2026-01-01T00:00:00Z",
  date: "2026-01-01",
  uri: "https://example.com/",
  email: "someone@example.com",
};

/** A value `schema` accepts: its example, else its first enum value, else the least its type and bounds allow. */
export function minimalValue(node: unknown, where = ""): unknown {
  const schema = resolve(node);
  for (const keyword of ["allOf", "anyOf", "oneOf", "not", "pattern", "multipleOf", "const"])
    if (schema[keyword] !== undefined) throw new Error(`${where}: no minimal value for a schema with ${keyword}`);
  if (schema.example !== undefined) return schema.example;
  if (schema.enum) return schema.enum[0];
  switch (schema.type) {
    case "object":
      return Object.fromEntries(
        (schema.required ?? []).map((name: string) => [
          name,
          minimalValue(schema.properties?.[name] ?? {}, `${where}/${name}`),
        ]),
      );
    case "array":
      return Array.from({ length: schema.minItems ?? 0 }, (_, i) => minimalValue(schema.items, `${where}/${i}`));
    case "string":
      return FORMATTED[schema.format] ?? "a".repeat(Math.max(1, schema.minLength ?? 0));
    case "integer":
    case "number": {
      const least = schema.minimum ?? Math.min(0, schema.maximum ?? 0);
      return schema.exclusiveMinimum === true ? least + 1 : least;
    }
    case "boolean":
      return true;
    default:
      throw new Error(`${where}: no minimal value for a schema of type ${schema.type}`);
  }
}

/** Valid arguments for the operation named `name`: its required parameters, and its body if it takes one. */
export function validArguments(name: string): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  for (const parameter of parametersOf(name)) {
    if (!parameter.required) continue;
    args[parameter.name] = firstExample(parameter) ?? minimalValue(parameter.schema, parameter.name);
  }
  const body = jsonBodyOf(name);
  if (body?.required) args.body = firstExample(body.media) ?? minimalValue(body.media.schema, "body");
  return args;
}

/**
 * Everything the operation requires, as the client names a missing one: path and query parameters by name,
 * `body` itself, and the body's required properties as `body/<name>`.
 */
export function requiredFields(name: string): string[] {
  const fields = parametersOf(name)
    .filter((parameter) => parameter.required)
    .map((parameter) => parameter.name);
  const body = jsonBodyOf(name);
  if (body?.required) {
    fields.push("body");
    for (const property of resolve(body.media.schema).required ?? []) fields.push(`body/${property}`);
  }
  return fields;
}

/** `args` without the field `field` names (`meeting_id`, `body`, `body/preset_name`); `args` itself is kept. */
export function without(args: Record<string, unknown>, field: string): Record<string, unknown> {
  const [first, second] = field.split("/") as [string, string | undefined];
  if (second === undefined) {
    const { [first]: _, ...rest } = args;
    return rest;
  }
  const { [second]: _, ...inner } = args[first] as Record<string, unknown>;
  return { ...args, [first]: inner };
}
