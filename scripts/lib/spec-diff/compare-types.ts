// Type-level compatibility, decided by the TypeScript compiler on the types openapi-typescript generates for
// both documents: a new response must be assignable to the old one (old code reads it), old parameters and
// request bodies must be assignable to the new ones (old code sends them). One program per comparison holds
// both generated files and a check file naming each pair; type-walker.ts then finds where a pair stops being
// assignable, so the change can name the field. Every verdict is the checker's.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import openapiTS, { astToString } from "openapi-typescript";
import ts from "typescript";
import { extractOperations } from "../extract-operations.ts";
import type { OpenApiDocument } from "../openapi.ts";
import type { Change } from "./change.ts";
import { type Locate, locateParameter, locateRequestBody, locateResponse } from "./locate-schema.ts";
import type { OperationPair, Side } from "./operations.ts";
import { type Comparison, type Root, walkTypes } from "./type-walker.ts";

const OPTIONS: ts.CompilerOptions = {
  // Nothing is emitted, and the check file's `import type` may name a .ts file without allowImportingTsExtensions.
  strict: true,
  exactOptionalPropertyTypes: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  // The generated types need nothing newer; one small lib and no @types packages keep a run to tens of milliseconds.
  lib: ["lib.es5.d.ts"],
  types: [],
};
const LIB_DIR = dirname(ts.getDefaultLibFilePath(OPTIONS));
// Lib files are parsed and bound once per process and shared by every program (as the language service does).
const libFiles = new Map<string, ts.SourceFile>();
const host = ts.createCompilerHost(OPTIONS);
const read = host.getSourceFile.bind(host);
host.getSourceFile = (fileName, ...rest) => {
  if (dirname(fileName) !== LIB_DIR) return read(fileName, ...rest);
  const file = libFiles.get(fileName) ?? read(fileName, ...rest);
  if (file) libFiles.set(fileName, file);
  return file;
};

/** The changes found, by operationId. */
export async function compareTypes(documents: Record<Side, OpenApiDocument>, pairs: OperationPair[]) {
  const changes = new Map<string, Change[]>(pairs.map((pair) => [pair.head.id, []]));
  if (pairs.length === 0) return changes;

  const comparisons: Comparison[] = [];
  const lines = [
    'import type { operations as Base } from "./base.ts";',
    'import type { operations as Head } from "./head.ts";',
  ];
  for (const pair of pairs) {
    const [id, found] = [JSON.stringify(pair.head.id), changes.get(pair.head.id)!];
    const compare = (root: Root, what: string, locate: Locate, before: string, after = before) => {
      lines.push(`export type Old${comparisons.length} = Base[${id}]${before};`);
      lines.push(`export type New${comparisons.length} = Head[${id}]${after};`);
      comparisons.push({ root, pair, label: `${pair.head.id} ${what}`, locate, changes: found });
    };
    compare("parameters", "parameters", locateParameter(pair), '["parameters"]');
    // The whole operation, so that whether the request body is optional is seen too.
    compare("requestBody", "request body", locateRequestBody(pair), "");
    for (const response of pair.responses) {
      const status = (side: Side) => `["responses"][${JSON.stringify(response[side].status)}]`;
      const what = `response ${response.head.status}`;
      compare("response", what, locateResponse(pair, response), status("base"), status("head"));
    }
  }

  const dir = mkdtempSync(join(tmpdir(), "spec-diff-"));
  try {
    const ids = pairs.map((pair) => pair.head.id);
    writeFileSync(join(dir, "base.ts"), await generateTypes(documents.base, ids));
    writeFileSync(join(dir, "head.ts"), await generateTypes(documents.head, ids));
    writeFileSync(join(dir, "check.ts"), `${lines.join("\n")}\n`);
    const program = ts.createProgram([join(dir, "check.ts")], OPTIONS, host);
    const check = program.getSourceFile(join(dir, "check.ts"))!;
    const problems = program.getSemanticDiagnostics(check);
    if (problems.length > 0) {
      const text = problems.map((problem) => ts.flattenDiagnosticMessageText(problem.messageText, "\n")).join("\n");
      throw new Error(`the generated types do not have the expected shape:\n${text}`);
    }
    const checker = program.getTypeChecker();
    const aliases = check.statements
      .filter(ts.isTypeAliasDeclaration)
      .map((alias) => checker.getTypeFromTypeNode(alias.type));
    for (const [index, comparison] of comparisons.entries()) {
      walkTypes(checker, comparison, aliases[2 * index]!, aliases[2 * index + 1]!);
    }
    return changes;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The TypeScript that @realtimekit-api/types would ship for a document, as scripts/codegen/types.ts makes it. */
async function generateTypes(document: OpenApiDocument, operationIds: string[]): Promise<string> {
  let source = document;
  try {
    // Only what the operations reach: an upstream document is thousands of operations we do not publish.
    source = extractOperations(document, operationIds);
  } catch {
    // References extraction does not follow (deeper than a component): generate from the whole document.
  }
  // Options as in scripts/codegen/types.ts, so these are the published types; openapiTS gets a copy to own.
  return astToString(await openapiTS(structuredClone(source) as any, { alphabetize: true, silent: true }));
}
