// Renders packages/types/src/generated/operations.ts: friendly names for every operation's parameters, body,
// answer and failure bodies, one interface from client method name to its types, and a short alias for every
// RealtimeKit schema. All are aliases into openapi-typescript's output (./openapi.ts), so they can never disagree
// with `paths`, `operations` and `components`.
import { listOperations, resolve, type OpenApiDocument as Spec, type SpecOperation } from "../lib/openapi.ts";

/** The prefix upstream gives RealtimeKit's own schemas; the alias drops it (`realtimekit_Participant` → `Participant`). */
const SCHEMA_PREFIX = "realtimekit_";
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** `account_identifier` → `AccountIdentifier`, `startReason` → `StartReason`: each word's first letter upper-cased. */
export function pascalCase(name: string): string {
  return name
    .split(/[^A-Za-z0-9$]+/)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join("");
}

/** Adds a name to those the package exports, with where it comes from, so that a collision names both sides. */
type AddName = (name: string, origin: string) => string;
function exportedNames(): AddName {
  const origins = new Map<string, string>();
  return (name, origin) => {
    if (!IDENTIFIER.test(name)) throw new Error(`${origin} would export "${name}", which is not a TypeScript name`);
    const other = origins.get(name);
    if (other !== undefined) {
      throw new Error(
        `@realtimekit-api/types would export "${name}" twice: for ${other} and for ${origin}. Rename one of them ` +
          "(a hand-written name in packages/types/src/index.ts, a method in openapi/sync.config.json).",
      );
    }
    origins.set(name, origin);
    return name;
  };
}

/** Text that is safe inside a JSDoc comment. */
const doc = (text: string) => text.replaceAll("*/", "*\\/");

/** The type of the JSON body of `response`: its schema's alias when it is a named schema, else the index chain. */
function jsonBodyType(spec: Spec, response: any, indexChain: string): string {
  const ref: unknown = resolve(spec, response).content?.["application/json"]?.schema?.$ref;
  const schemaName = typeof ref === "string" && ref.match(/^#\/components\/schemas\/([^/]+)$/)?.[1];
  return schemaName ? `components["schemas"][${JSON.stringify(schemaName)}]` : indexChain;
}

/** The types of every failure body (non-2xx JSON answer) `operation` declares, each once. */
function errorBodyTypes(spec: Spec, operation: SpecOperation, operationType: string): string[] {
  const types = Object.entries<any>(operation.node.responses)
    .filter(([code, response]) => !/^2/.test(code) && resolve(spec, response).content?.["application/json"])
    .map(([code, response]) => {
      const key = /^\d+$/.test(code) ? code : JSON.stringify(code);
      return jsonBodyType(spec, response, `${operationType}["responses"][${key}]["content"]["application/json"]`);
    });
  return [...new Set(types)];
}

type Rendered = { declarations: string; member: string; errorBodies: string[] };

function renderOperation(spec: Spec, operation: SpecOperation, addName: AddName): Rendered {
  const { method, operationId, summary, body } = operation;
  if (!IDENTIFIER.test(method)) throw new Error(`operation ${operationId}: x-client-method "${method}" is not a name`);
  const origin = `operation ${operationId} (x-client-method ${method})`;
  const operationType = `operations[${JSON.stringify(operationId)}]`;
  const route = `\`${operation.route}\``;
  const what = `${doc(JSON.stringify(summary ?? method))} (${route})`;
  const lines: string[] = [];
  /** Declares `<Method><suffix>`, and gives back its name. */
  const declare = (suffix: string, comment: string, type: string) => {
    const name = addName(`${method.charAt(0).toUpperCase()}${method.slice(1)}${suffix}`, origin);
    lines.push(`/** ${comment} */`, `export type ${name} = ${type};`);
    return name;
  };

  const parts = [declare("PathParams", `The path parameters of ${what}.`, `${operationType}["parameters"]["path"]`)];
  const query = operation.parameters.some((p) => p.in === "query");
  if (query) {
    const type = `NonNullable<${operationType}["parameters"]["query"]>`;
    parts.push(declare("Query", `The query parameters of ${what}.`, type));
  }
  if (body) {
    const type = `NonNullable<${operationType}["requestBody"]>["content"]["application/json"]`;
    parts.push(
      `{ ${body.required ? "body" : "body?"}: ${declare("Body", `The JSON request body of ${what}.`, type)} }`,
    );
  }
  const takes = `the path${query ? " and query" : ""} parameters by name${body ? ", and `body`" : ""}`;
  const params = declare("Params", `What \`${method}\` takes for ${what}: ${takes}.`, parts.join(" & "));
  const response = declare(
    "Response",
    `The ${operation.successStatus} answer's JSON body of ${what}: the \`{ success, data }\` envelope.`,
    `${operationType}["responses"][${operation.successStatus}]["content"]["application/json"]`,
  );
  const resolvesTo = `What \`${method}\` resolves to for ${what}: the answer's \`data\`.`;
  const result = declare("Result", resolvesTo, `${response}["data"]`);
  const item = operation.paged ? declare("Item", `One element of a page of ${what}.`, `${result}[number]`) : "never";
  const errorBodies = errorBodyTypes(spec, operation, operationType);
  const errorBody = errorBodies.length ? errorBodies.join(" | ") : "never";
  declare("ErrorBody", `Any failure body ${what} is documented to answer with.`, errorBody);
  return {
    declarations: lines.join("\n"),
    member: `  /** ${doc((summary ?? method).replace(/\.$/, ""))}. ${route} */\n  ${method}: { params: ${params}; response: ${response}; result: ${result}; item: ${item} };`,
    errorBodies,
  };
}

/**
 * The text of operations.ts (without its banner). `handWritten` are the names packages/types/src/index.ts exports
 * itself: `export *` would let them silently shadow a generated name, so a collision fails here instead.
 */
export function renderOperationTypes(spec: Spec, handWritten: string[]): string {
  const addName = exportedNames();
  for (const name of handWritten) addName(name, "packages/types/src/index.ts");

  const schemaAliases = Object.keys(spec.components?.schemas ?? {})
    .filter((schema) => schema.startsWith(SCHEMA_PREFIX))
    .sort()
    .map((schema) => {
      const alias = addName(pascalCase(schema.slice(SCHEMA_PREFIX.length)), `components.schemas.${schema}`);
      return `/** The \`${schema}\` schema. */\nexport type ${alias} = components["schemas"][${JSON.stringify(schema)}];`;
    });

  const operations = listOperations(spec);
  const rendered = operations.map((operation) => renderOperation(spec, operation, addName));
  const paged = operations.filter((operation) => operation.paged).map((operation) => JSON.stringify(operation.method));
  const allErrorBodies = [...new Set(rendered.flatMap((operation) => operation.errorBodies))];
  addName("RealtimeKitOperations", "the method map");
  addName("RealtimeKitPagedOperation", "the paged method names");
  addName("ErrorBody", "the union of failure bodies");

  return [
    'import type { components, operations } from "./openapi.ts";',
    "",
    "// RealtimeKit's named schemas, under their names without the `realtimekit_` prefix.",
    ...schemaAliases,
    "",
    `// The ${operations.length} operations, in path order.`,
    ...rendered.map((operation) => `\n${operation.declarations}`),
    "",
    "/**",
    " * Every operation by its client method name: what the method takes (`params`), the answer's whole body",
    " * (`response`), what the method resolves to (`result`) and, for paged lists, one element of a page (`item`;",
    " * `never` for the others).",
    " */",
    "export interface RealtimeKitOperations {",
    ...rendered.map((operation) => operation.member),
    "}",
    "",
    "/** The method names of the paged list operations. */",
    `export type RealtimeKitPagedOperation = ${paged.length ? paged.join(" | ") : "never"};`,
    "",
    "/** Any failure body any operation is documented to answer with. */",
    `export type ErrorBody = ${allErrorBodies.length ? allErrorBodies.join(" | ") : "never"};`,
    "",
  ].join("\n");
}
