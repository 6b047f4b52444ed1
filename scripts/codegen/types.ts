// Generates @realtimekit-api/types from the spec: the openapi-typescript output, friendly names for every
// operation and schema (operation-types.ts), and the spec as JSON.
import { readFileSync } from "node:fs";
import openapiTS, { astToString } from "openapi-typescript";
import ts from "typescript";
import { type OpenApiDocument, SPEC_FILE } from "../lib/openapi.ts";
import { banner, REPO_ROOT, writeGenerated } from "./generated-file.ts";
import { renderOperationTypes } from "./operation-types.ts";

const packageDir = `${REPO_ROOT}packages/types/`;
const INDEX_FILE = `${packageDir}src/index.ts`;

/** The names index.ts exports itself (declarations and named re-exports; `export *` adds none of its own). */
function handWrittenNames(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest);
  return source.statements.flatMap((statement) => {
    if (ts.isExportDeclaration(statement)) {
      return statement.exportClause && ts.isNamedExports(statement.exportClause)
        ? statement.exportClause.elements.map((element) => element.name.text)
        : [];
    }
    const exported = ts.canHaveModifiers(statement)
      ? ts.getModifiers(statement)?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword)
      : false;
    if (!exported) return [];
    if (ts.isVariableStatement(statement)) {
      return statement.declarationList.declarations.flatMap((d) => (ts.isIdentifier(d.name) ? [d.name.text] : []));
    }
    const name = (statement as { name?: ts.Node }).name;
    return name && ts.isIdentifier(name) ? [name.text] : [];
  });
}

const specText = readFileSync(SPEC_FILE, "utf8");
// alphabetize: the output's order follows names, not upstream's order, so it changes only when content does.
const ast = await openapiTS(JSON.parse(specText), { alphabetize: true });
const operationTypes = renderOperationTypes(JSON.parse(specText) as OpenApiDocument, handWrittenNames(INDEX_FILE));
writeGenerated({
  [`${packageDir}src/generated/openapi.ts`]: `${banner("scripts/codegen/types.ts (openapi-typescript)")}\n${astToString(ast)}`,
  [`${packageDir}src/generated/operations.ts`]: `${banner("scripts/codegen/types.ts")}\n${operationTypes}`,
  // Shipped as @realtimekit-api/types/openapi.json: the exact document the types were generated from.
  [`${packageDir}openapi.json`]: specText,
});
