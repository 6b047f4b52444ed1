// Generates the client's operation table from the spec: method, path, default server, the parameter
// schema its requests are validated against, and the success schema its responses may be validated against.
// The client's runtime reads these facts from here only, so a spec update flows through without code edits.
//
//   tsx scripts/codegen/client.ts [--spec <openapi.json>] [--out <operation.ts>] [--check]
//
// Without flags it reads openapi/realtimekit.openapi.json and writes packages/client/src/generated/operation.ts;
// the flags let a test generate the table from a changed copy of the spec into a scratch file.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { banner, REPO_ROOT, SPEC_FILE, writeGenerated } from "./generated-file.ts";
import { dereference, schemaConstraints } from "./schema-constraints.ts";

export const OPERATION_ID = "get_meeting_participant";
export const OPERATION_FILE = `${REPO_ROOT}packages/client/src/generated/operation.ts`;

/** The operation table's source text, for the OpenAPI document `spec`. */
export function generateOperationSource(spec: any, specFile = SPEC_FILE): string {
  const [path, method, operation] = Object.entries<any>(spec.paths)
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
    operationId: OPERATION_ID,
    method,
    path,
    defaultBaseUrl: spec.servers[0].url,
    parametersSchema,
    successStatus: Number(successStatus),
    resultProperty,
    successSchema,
  };
  return (
    `${banner("scripts/codegen/client.ts")}\n` +
    `/** The facts about \`${OPERATION_ID}\` that the client needs at run time. */\n` +
    `export const getMeetingParticipantOperation = ${JSON.stringify(table, null, 2)} as const;\n`
  );
}

function main(): void {
  const { values } = parseArgs({
    options: { spec: { type: "string" }, out: { type: "string" }, check: { type: "boolean" } },
  });
  const specFile = values.spec ? resolve(values.spec) : SPEC_FILE;
  const outFile = values.out ? resolve(values.out) : OPERATION_FILE;
  const spec = JSON.parse(readFileSync(specFile, "utf8"));
  writeGenerated({ [outFile]: generateOperationSource(spec, specFile) }, values.check === true);
}

// Run as a script, not when a test imports generateOperationSource.
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
