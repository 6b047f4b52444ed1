// Generates the client's operation table from the spec: method, path, default server, the parameter
// schema its requests are validated against, and the success schema its responses may be validated against.
// The client's runtime reads these facts from here only, so a spec update flows through without code edits.
//
//   tsx scripts/codegen/client.ts [--spec <openapi.json>] [--out <operation.ts>] [--check]
//
// Without flags it reads openapi/realtimekit.openapi.json and writes packages/client/src/generated/operation.ts;
// the flags let a test generate the table from a changed copy of the spec into a scratch file.
import { readFileSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import * as availableRules from "../../packages/client/src/schema-rules.ts";
import { banner, REPO_ROOT, SPEC_FILE, writeGenerated } from "./generated-file.ts";
import { dereference, schemaConstraints } from "./schema-constraints.ts";

export const OPERATION_ID = "get_meeting_participant";
export const OPERATION_FILE = `${REPO_ROOT}packages/client/src/generated/operation.ts`;
const RULES_MODULE = `${REPO_ROOT}packages/client/src/schema-rules.ts`;
/** Checked by the validator itself, before any keyword rule. */
const CORE_KEYWORDS = new Set(["type", "nullable"]);

/** The keywords and formats `schemas` use, each once, sorted. */
function keywordsAndFormats(schemas: any[]): { keywords: string[]; formats: string[] } {
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
      if (keyword === "items") visit(value);
      if (keyword === "allOf" || keyword === "anyOf" || keyword === "oneOf") value.forEach(visit);
    }
  };
  schemas.forEach(visit);
  return { keywords: [...keywords].sort(), formats: [...formats].sort() };
}

const formatExport = (name: string) => `${name.replace(/-(\w)/g, (_, c: string) => c.toUpperCase())}Format`;

/**
 * The `rules` property's source: each keyword the schemas use, mapped to its rule in schema-rules.ts, and only
 * those, so the bundle carries nothing else. A keyword without a rule fails generation (it would otherwise go
 * unchecked); a format without a pattern there is an annotation, as JSON Schema says, and is reported.
 */
function rulesSource(schemas: any[]): string {
  const { keywords, formats } = keywordsAndFormats(schemas);
  const missing = keywords.filter((keyword) => !(keyword in availableRules));
  if (missing.length)
    throw new Error(`no rule in packages/client/src/schema-rules.ts for the keyword(s) ${missing.join(", ")}`);
  const entries = keywords.map((keyword) => {
    if (keyword !== "format") return `    ${JSON.stringify(keyword)}: rules.${keyword},`;
    const known = formats.filter((name) => formatExport(name) in availableRules);
    const unknown = formats.filter((name) => !known.includes(name));
    if (unknown.length)
      console.warn(`formats without a pattern in schema-rules.ts, not checked: ${unknown.join(", ")}`);
    // Marked pure so that a bundle which never reads the table (the raw client's) can drop it whole.
    return `    "format": /* @__PURE__ */ rules.format({ ${known.map((name) => `${JSON.stringify(name)}: rules.${formatExport(name)}`).join(", ")} }),`;
  });
  return `{\n${entries.join("\n")}\n  }`;
}

/** The operation table's source text, for the OpenAPI document `spec`. */
export function generateOperationSource(spec: any, specFile = SPEC_FILE, outFile = OPERATION_FILE): string {
  const [path, method, operation] =
    Object.entries<any>(spec.paths)
      .flatMap(([path, item]) => Object.entries<any>(item).map(([method, op]) => [path, method, op] as const))
      .find(([, , op]) => op.operationId === OPERATION_ID) ?? [];
  if (!operation) throw new Error(`${OPERATION_ID} is not in ${specFile}`);

  const pathParameters = operation.parameters.map((p: any) => dereference(spec, p)).filter((p: any) => p.in === "path");
  const parametersSchema = {
    type: "object",
    required: pathParameters.filter((p: any) => p.required).map((p: any) => p.name),
    properties: Object.fromEntries(pathParameters.map((p: any) => [p.name, schemaConstraints(spec, p.schema)])),
  };
  const [successStatus, success] = Object.entries<any>(operation.responses).find(([status]) => /^2\d\d$/.test(status))!;
  const successSchema = schemaConstraints(spec, dereference(spec, success).content["application/json"].schema);
  // The envelope's payload: the one object-valued property beside `success`.
  const resultProperty = Object.entries<any>(successSchema.properties).find(([, s]) => s.type === "object")![0];

  const table = {
    // As fetch takes it (the spec names methods in lower case).
    method: method!.toUpperCase(),
    path,
    defaultBaseUrl: spec.servers[0].url,
    parametersSchema,
    successStatus: Number(successStatus),
    resultProperty,
    successSchema,
  };
  // Relative to the file being written, so a table generated into a scratch folder (tests) imports the same rules.
  let rulesImport = relative(dirname(outFile), RULES_MODULE);
  if (!rulesImport.startsWith(".")) rulesImport = `./${rulesImport}`;
  const tableSource = JSON.stringify(table, null, 2).replace(
    /\n}$/,
    `,\n  "rules": ${rulesSource([parametersSchema, successSchema])}\n}`,
  );
  return (
    `${banner("scripts/codegen/client.ts")}\n` +
    `import * as rules from ${JSON.stringify(rulesImport)};\n\n` +
    `/** The spec's server: the default base URL. Its own export, so the raw client needs nothing else from here. */\n` +
    `export const defaultBaseUrl = ${JSON.stringify(table.defaultBaseUrl)};\n\n` +
    `/** The facts about \`${OPERATION_ID}\` that the client needs at run time, with the schema rules its schemas use. */\n` +
    `export const getMeetingParticipantOperation = ${tableSource} as const;\n`
  );
}

function main(): void {
  const { values } = parseArgs({
    options: { spec: { type: "string" }, out: { type: "string" }, check: { type: "boolean" } },
  });
  const specFile = values.spec ? resolve(values.spec) : SPEC_FILE;
  const outFile = values.out ? resolve(values.out) : OPERATION_FILE;
  const spec = JSON.parse(readFileSync(specFile, "utf8"));
  writeGenerated({ [outFile]: generateOperationSource(spec, specFile, outFile) }, values.check === true);
}

// Run as a script, not when a test imports generateOperationSource.
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
