// Generates @realtimekit-api/types from the spec: openapi-typescript's output (generated/openapi.ts), the spec as
// JSON, and generated/operations.ts: friendly names for every operation's parameters, body, answer and failure
// bodies, one interface from client method name to its types, and a short alias for every RealtimeKit schema, all
// aliases into openapi-typescript's output, so they can never disagree with `paths`, `operations` and `components`.
import { readFileSync } from "node:fs";
import openapiTS, { astToString } from "openapi-typescript";
import ts from "typescript";
import { listOperations, type OpenApiDocument, resolve, SPEC_FILE, type SpecOperation } from "../lib/openapi.ts";
import { banner, pascalCase, REPO_ROOT, writeGenerated } from "./generated-file.ts";

const packageDir = `${REPO_ROOT}packages/types/`;
const INDEX_FILE = `${packageDir}src/index.ts`;
/** The prefix upstream gives RealtimeKit's own schemas; the alias drops it (`realtimekit_Participant` → `Participant`). */
const SCHEMA_PREFIX = "realtimekit_";
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

const specText = readFileSync(SPEC_FILE, "utf8");
const spec: OpenApiDocument = JSON.parse(specText);
const origins = new Map<string, string>();
/** Adds a name to those the package exports, with where it comes from, so that a collision names both sides. */
function addName(name: string, origin: string): string {
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
}

/** Text that is safe inside a JSDoc comment. */
const doc = (text: string) => text.replaceAll("*/", "*\\/");

/**
 * The types of every failure body (non-2xx JSON answer) `operation` declares, each once: a named schema's alias,
 * else the index chain.
 */
function errorBodyTypes(operation: SpecOperation, operationType: string): string[] {
  const types = Object.entries<any>(operation.node.responses).flatMap(([code, response]) => {
    const content = !/^2/.test(code) && resolve(spec, response).content?.["application/json"];
    if (!content) return [];
    const schemaName = /^#\/components\/schemas\/([^/]+)$/.exec(content.schema?.$ref)?.[1];
    const key = /^\d+$/.test(code) ? code : JSON.stringify(code);
    return schemaName
      ? `components["schemas"][${JSON.stringify(schemaName)}]`
      : `${operationType}["responses"][${key}]["content"]["application/json"]`;
  });
  return [...new Set(types)];
}

function renderOperation(operation: SpecOperation) {
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
    const name = declare("Body", `The JSON request body of ${what}.`, type);
    parts.push(`{ ${body.required ? "body" : "body?"}: ${name} }`);
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
  const errorBodies = errorBodyTypes(operation, operationType);
  declare("ErrorBody", `Any failure body ${what} is documented to answer with.`, errorBodies.join(" | ") || "never");
  return {
    declarations: lines.join("\n"),
    member: `  /** ${doc((summary ?? method).replace(/\.$/, ""))}. ${route} */\n  ${method}: { params: ${params}; response: ${response}; result: ${result}; item: ${item} };`,
    errorBodies,
  };
}

// The names index.ts exports itself: `export *` would let them silently shadow a generated name, so a collision
// fails here instead. With imports unresolved, its `export *` adds no names.
const program = ts.createProgram([INDEX_FILE], { noResolve: true, noLib: true });
const checker = program.getTypeChecker();
const index = checker.getSymbolAtLocation(program.getSourceFile(INDEX_FILE)!)!;
for (const { name } of checker.getExportsOfModule(index)) addName(name, "packages/types/src/index.ts");

const schemaAliases = Object.keys(spec.components?.schemas ?? {})
  .filter((schema) => schema.startsWith(SCHEMA_PREFIX))
  .sort()
  .map((schema) => {
    const alias = addName(pascalCase(schema.slice(SCHEMA_PREFIX.length)), `components.schemas.${schema}`);
    return `/** The \`${schema}\` schema. */\nexport type ${alias} = components["schemas"][${JSON.stringify(schema)}];`;
  });
const operations = listOperations(spec);
const rendered = operations.map((operation) => renderOperation(operation));
const paged = operations.filter((operation) => operation.paged).map((operation) => JSON.stringify(operation.method));
const allErrorBodies = [...new Set(rendered.flatMap((operation) => operation.errorBodies))];

// alphabetize: the output's order follows names, not upstream's order, so it changes only when content does.
const ast = await openapiTS(JSON.parse(specText), { alphabetize: true });
writeGenerated({
  [`${packageDir}src/generated/openapi.ts`]: `${banner("scripts/codegen/types.ts (openapi-typescript)")}\n${astToString(ast)}`,
  [`${packageDir}src/generated/operations.ts`]: [
    banner("scripts/codegen/types.ts"),
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
    `export interface ${addName("RealtimeKitOperations", "the method map")} {`,
    ...rendered.map((operation) => operation.member),
    "}",
    "",
    "/** The method names of the paged list operations. */",
    `export type ${addName("RealtimeKitPagedOperation", "the paged method names")} = ${paged.join(" | ") || "never"};`,
    "",
    "/** Any failure body any operation is documented to answer with. */",
    `export type ${addName("ErrorBody", "the union of failure bodies")} = ${allErrorBodies.join(" | ") || "never"};`,
    "",
  ].join("\n"),
  // Shipped as @realtimekit-api/types/openapi.json: the exact document the types were generated from.
  [`${packageDir}openapi.json`]: specText,
});
