// Generates the client's operation tables from the spec: for every operation, its HTTP method, path, the schema
// its parameters are validated against, its query parameters and success status; one function per operation; and,
// in modules of their own, the request body and success schemas (a bundle carries them only when it asks for that
// validation). The client's runtime reads these facts from here only, so a spec update needs no code edits.
//
//   tsx scripts/codegen/client.ts [--spec <openapi.json>] [--out <operations.ts>] [--check]
//
// The flags let a test generate the tables from a changed copy of the spec into a scratch folder.
import { dirname, join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { COMBINATORS, listOperations, loadPaging, loadSpec, type SpecOperation } from "../lib/openapi.ts";
import { banner, REPO_ROOT, writeGenerated } from "./generated-file.ts";
import { SCHEMA_SUBSET, schemaConstraints } from "./schema-constraints.ts";

const CLIENT_SOURCE = `${REPO_ROOT}packages/client/src/`;
/** Checked by the validator itself, before any keyword rule. */
const CORE_KEYWORDS = new Set(["type", "nullable"]);

const { values } = parseArgs({
  options: { spec: { type: "string" }, out: { type: "string" }, check: { type: "boolean" } },
});
const spec = loadSpec(values.spec && resolve(values.spec));
/** The operation tables' module; the others are written beside it. */
const outFile = values.out ? resolve(values.out) : `${CLIENT_SOURCE}generated/operations.ts`;
const beside = (name: string) => join(dirname(outFile), name);
/** How the generated modules import one of the client's sources: a quoted path relative to them. */
const from = (module: string) => {
  const path = relative(dirname(outFile), `${CLIENT_SOURCE}${module}`);
  return JSON.stringify(path.startsWith(".") ? path : `./${path}`);
};

/**
 * A rules object's source: each keyword the schemas use, mapped to its rule in schema-rules.ts, and only those,
 * so a bundle carries nothing else. A format the subset has no pattern for is an annotation, as JSON Schema says,
 * and is reported.
 */
function rulesSource(schemas: any[], warnings: Set<string>): string {
  const keywords = new Set<string>();
  const formats = new Set<string>();
  const visit = (schema: any) => {
    for (const [keyword, value] of Object.entries<any>(schema)) {
      if (!CORE_KEYWORDS.has(keyword)) keywords.add(keyword);
      if (keyword === "format") formats.add(value);
      if (keyword === "properties" || keyword === "required") {
        // Names become JSON pointer segments in validation errors, unescaped (see schema-rules.ts).
        const bad = (keyword === "required" ? value : Object.keys(value)).find((name: string) => /[~/]/.test(name));
        if (bad)
          throw new Error(
            `property name ${JSON.stringify(bad)} holds "~" or "/", which the validator's error pointers do not escape`,
          );
      }
      if (keyword === "properties") Object.values(value).forEach(visit);
      if (keyword === "items" || (keyword === "additionalProperties" && value !== false)) visit(value);
      if (COMBINATORS.includes(keyword)) value.forEach(visit);
    }
  };
  schemas.forEach(visit);
  // The schemas hold only the subset's keywords (schemaConstraints keeps no others), and schema-rules.ts has a rule
  // for each: the client's test holds it to the subset, and the generated tables would not compile without one.
  const entries = [...keywords].sort().flatMap((keyword) => {
    if (keyword !== "format") return [`  ${JSON.stringify(keyword)}: rules.${keyword},`];
    const known = [...formats].sort().filter((name) => Object.hasOwn(SCHEMA_SUBSET.formats, name));
    const unknown = [...formats].sort().filter((name) => !known.includes(name));
    if (unknown.length)
      warnings.add(`formats without a pattern in the schema subset, not checked: ${unknown.join(", ")}`);
    // With no pattern to check, a format rule would never fire: the schemas' formats are annotations only.
    if (known.length === 0) return [];
    const patterns = known.map((name) => `${JSON.stringify(name)}: rules.${SCHEMA_SUBSET.formats[name]}`).join(", ");
    // Marked pure so that a bundle which never reads the table (the raw client's) can drop it whole.
    return [`  "format": /* @__PURE__ */ rules.format({ ${patterns} }),`];
  });
  return `{\n${entries.join("\n")}\n}`;
}

/** The table of facts about one operation that the client needs at run time (rules added by the caller). */
function tableOf(operation: SpecOperation) {
  const { parameters, operationId } = operation;
  if (parameters.some((p) => p.name === "body")) throw new Error(`${operationId} has a parameter named "body"`);
  // One property per name; the client also tells query from path parameters by name (those the path holds).
  const names = parameters.map((p) => p.name);
  if (new Set(names).size < names.length) throw new Error(`${operationId} has two parameters of one name`);
  const required = parameters.filter((p) => p.required).map((p) => p.name);
  const commaSeparated = parameters.filter((p) => p.in === "query" && !p.explode).map((p) => p.name);
  return {
    // As fetch takes it (the spec names methods in lower case).
    method: operation.httpMethod.toUpperCase(),
    path: operation.path,
    // The call's argument as operation-table.ts says. The body's own schema is in `requestBodySchemas`: a preset's
    // alone would outweigh a one-call bundle.
    parametersSchema: {
      type: "object",
      required: operation.body?.required ? [...required, "body"] : required,
      properties: Object.fromEntries(parameters.map((p) => [p.name, schemaConstraints(spec, p.schema)])),
    },
    // Arrays sent as one comma-separated value (OpenAPI's form style with explode: false).
    ...(commaSeparated.length ? { commaSeparated } : {}),
    successStatus: operation.successStatus,
    // The envelope's payload: the property beside `success` that holds the result.
    resultProperty: "data",
    ...(operation.paged ? { paged: true } : {}),
  };
}

const docComment = (operation: SpecOperation) =>
  `/** ${operation.summary ?? operation.operationId}: \`${operation.route}\`. */`;

const operations = listOperations(spec);
const ruleSets = new Map<string, string>();
// Said once, however many operations share the cause.
const warnings = new Set<string>();
const tables = operations.map((operation) => {
  const table = tableOf(operation);
  const rules = rulesSource([table.parametersSchema], warnings);
  // Operations with the same keywords share one rules object.
  if (!ruleSets.has(rules)) ruleSets.set(rules, `rules${ruleSets.size}`);
  // Functions by reference: only the operations that need them pull them into a bundle.
  const references = [
    `"rules": ${ruleSets.get(rules)}`,
    ...(operation.parameters.some((p) => p.in === "query") ? ['"writeQuery": queryString'] : []),
    ...(operation.body ? ['"writeBody": jsonBody'] : []),
  ];
  const source = JSON.stringify(table, null, 2).replace(/\n}$/, `,\n  ${references.join(",\n  ")}\n}`);
  return `${docComment(operation)}\nexport const ${operation.method}Operation: OperationTable = ${source};\n`;
});
/** A module of schemas keyed by HTTP method and path, as the tables have them, with the rules they use. */
const schemaModule = (exportName: string, comment: string, schemas: Record<string, unknown>) =>
  `${banner("scripts/codegen/client.ts")}\n${comment}` +
  `import type { OperationSchemas } from ${from("operation-table.ts")};\n` +
  `import * as rules from ${from("schema-rules.ts")};\n\n` +
  `export const ${exportName}: OperationSchemas = {\n` +
  `  rules: ${rulesSource(Object.values(schemas), warnings).replaceAll("\n", "\n  ")},\n` +
  `  schemas: ${JSON.stringify(schemas, null, 2).replaceAll("\n", "\n  ")},\n` +
  "};\n";
const files = {
  [outFile]:
    `${banner("scripts/codegen/client.ts")}\n` +
    `import type { OperationTable } from ${from("operation-table.ts")};\n` +
    `import { queryString } from ${from("query-string.ts")};\n` +
    `import { jsonBody } from ${from("request-body.ts")};\n` +
    `import * as rules from ${from("schema-rules.ts")};\n\n` +
    "/** The spec's server: the default base URL. Its own export, so the raw client needs nothing else from here. */\n" +
    `export const defaultBaseUrl = ${JSON.stringify(spec.servers?.[0]?.url)};\n\n` +
    "/** How the API pages a list, by the names openapi/sync.config.json gives it: what `paginate` reads and sends. */\n" +
    `export const paging = ${JSON.stringify(loadPaging())};\n\n` +
    [...ruleSets].map(([source, name]) => `const ${name} = ${source};\n`).join("\n") +
    "\n" +
    tables.join("\n") +
    "\n/** Every operation's table, by client method name. */\n" +
    `export const operations = {\n${operations.map((o) => `  ${o.method}: ${o.method}Operation,`).join("\n")}\n};\n`,
  [beside("functions.ts")]:
    `${banner("scripts/codegen/client.ts")}\n` +
    "// One function per operation, called with a RealtimeKit from createRealtimeKit(): an application bundles the\n" +
    "// tables of the operations it calls, and no others.\n" +
    `import { operationFunction } from ${from("operation-function.ts")};\n` +
    'import * as tables from "./operations.ts";\n\n' +
    operations
      .map(
        (o) =>
          `${docComment(o)}\nexport const ${o.method} = /* @__PURE__ */ operationFunction<"${o.method}">(tables.${o.method}Operation);\n`,
      )
      .join("\n"),
  [beside("response-schemas.ts")]: schemaModule(
    "responseSchemas",
    "// Every operation's success schema, keyed by HTTP method and path, with the rules they use: what\n" +
      "// `validateResponses` checks answers against. Apart from the tables, so that a bundle without response\n" +
      "// validation carries none of it.\n",
    Object.fromEntries(operations.map((o) => [o.route, schemaConstraints(spec, o.successSchema)])),
  ),
  [beside("request-body-schemas.ts")]: schemaModule(
    "requestBodySchemas",
    "// The request body schema of every operation that takes a body, keyed by HTTP method and path, with the rules\n" +
      "// they use: what bodies are checked against before sending (always by createRealtimeKitClient, with\n" +
      "// `validateBodies` by createRealtimeKit). Apart from the tables: some bodies outweigh the client's core.\n",
    Object.fromEntries(operations.flatMap((o) => (o.body ? [[o.route, schemaConstraints(spec, o.body.schema)]] : []))),
  ),
};
for (const message of warnings) console.warn(message);
writeGenerated(files);
