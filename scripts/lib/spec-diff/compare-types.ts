// Type-level compatibility, decided by the TypeScript compiler on the types openapi-typescript generates for
// both documents: a new response must be assignable to the old one (old code reads it), old parameters and
// request bodies must be assignable to the new ones (old code sends them). One program per comparison holds
// both generated files and a check file naming each pair; type-walker.ts then finds where a pair stops being
// assignable, so the change can name the field. Every verdict is the checker's.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import ts from "typescript";
import type { OpenApiDocument } from "../openapi.ts";
import type { Change } from "./change.ts";
import { generateTypes } from "./generate-types.ts";
import { type Locate, locateParameter, locateRequestBody, locateResponse } from "./locate-schema.ts";
import type { OperationPair, ResponsePair, Side } from "./operations.ts";
import { type Comparison, type Root, walkTypes } from "./type-walker.ts";

const OPTIONS: ts.CompilerOptions = {
  // Nothing is emitted, and the check file's `import type` may name a .ts file without allowImportingTsExtensions.
  strict: true,
  exactOptionalPropertyTypes: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  // The generated types need nothing newer; one small lib, and no @types packages, keep a compiler run to tens of
  // milliseconds.
  lib: ["lib.es5.d.ts"],
  types: [],
};
const LIB_DIR = dirname(ts.getDefaultLibFilePath(OPTIONS));
// Lib files are parsed and bound once per process and shared by every program (as the language service does).
const libFiles = new Map<string, ts.SourceFile>();

/** The changes found, by operationId. */
export async function compareTypes(
  documents: Record<Side, OpenApiDocument>,
  pairs: OperationPair[],
): Promise<Map<string, Change[]>> {
  const changes = new Map<string, Change[]>(pairs.map((pair) => [pair.head.id, []]));
  if (pairs.length === 0) return changes;
  const ids = pairs.map((pair) => pair.head.id);
  const [baseTypes, headTypes] = await Promise.all([
    generateTypes(documents.base, ids),
    generateTypes(documents.head, ids),
  ]);

  const comparisons: Comparison[] = [];
  const lines = [
    'import type { operations as Base } from "./base.ts";',
    'import type { operations as Head } from "./head.ts";',
  ];
  for (const pair of pairs) {
    const [id, name] = [JSON.stringify(pair.head.id), pair.head.id];
    const status = (response: ResponsePair, side: Side) => `["responses"][${JSON.stringify(response[side].status)}]`;
    const roots: Array<[Root, string, Locate, string, string]> = [
      ["parameters", "parameters", locateParameter(pair), '["parameters"]', '["parameters"]'],
      // The whole operation, so that whether the request body is optional is seen too.
      ["requestBody", "request body", locateRequestBody(pair), "", ""],
      ...pair.responses.map((response): [Root, string, Locate, string, string] => [
        "response",
        `response ${response.head.status}`,
        locateResponse(pair, response),
        status(response, "base"),
        status(response, "head"),
      ]),
    ];
    for (const [root, what, locate, before, after] of roots) {
      lines.push(`export type Old${comparisons.length} = Base[${id}]${before};`);
      lines.push(`export type New${comparisons.length} = Head[${id}]${after};`);
      comparisons.push({ root, operations: pair, label: `${name} ${what}`, locate });
    }
  }

  const dir = mkdtempSync(join(tmpdir(), "spec-diff-"));
  try {
    writeFileSync(join(dir, "base.ts"), baseTypes);
    writeFileSync(join(dir, "head.ts"), headTypes);
    writeFileSync(join(dir, "check.ts"), `${lines.join("\n")}\n`);
    const program = ts.createProgram([join(dir, "check.ts")], OPTIONS, compilerHost());
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
    comparisons.forEach((comparison, index) => {
      const found = changes.get(comparison.operations.head.id)!;
      walkTypes(checker, comparison, found, aliases[2 * index]!, aliases[2 * index + 1]!);
    });
    return changes;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function compilerHost(): ts.CompilerHost {
  const host = ts.createCompilerHost(OPTIONS);
  const read = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, ...rest) => {
    if (dirname(fileName) !== LIB_DIR) return read(fileName, languageVersion, ...rest);
    let file = libFiles.get(fileName);
    if (!file) {
      file = read(fileName, languageVersion, ...rest);
      if (file) libFiles.set(fileName, file);
    }
    return file;
  };
  return host;
}
