// The generated names cover the shipped spec, as the compiler sees the package: one RealtimeKitOperations entry
// per operation of openapi.json (named by its x-client-method), and no hand-written export in index.ts hiding a
// generated one (`export *` lets a local name win silently).
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const packageFile = (path: string) => fileURLToPath(new URL(`../${path}`, import.meta.url));

const spec = JSON.parse(readFileSync(packageFile("openapi.json"), "utf8"));
const clientMethods: string[] = Object.values<any>(spec.paths).flatMap((item) =>
  Object.values<any>(item).flatMap((operation) => operation?.["x-client-method"] ?? []),
);

const config = ts.getParsedCommandLineOfConfigFile(
  packageFile("tsconfig.json"),
  {},
  {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"));
    },
  },
)!;
const program = ts.createProgram([packageFile("src/index.ts")], config.options);
const checker = program.getTypeChecker();
const moduleExports = (path: string) => {
  const source = program.getSourceFile(packageFile(path));
  if (!source) throw new Error(`${path} is not part of the program`);
  return checker.getExportsOfModule(checker.getSymbolAtLocation(source)!);
};
const declared = (symbol: ts.Symbol) =>
  symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
const indexExports = new Map(moduleExports("src/index.ts").map((symbol) => [symbol.name, declared(symbol)]));
const typeOf = (name: string) => checker.getDeclaredTypeOfSymbol(indexExports.get(name)!);

describe("generated operation types", () => {
  it("has one RealtimeKitOperations entry per operation of the shipped spec, by its client method", () => {
    const keys = typeOf("RealtimeKitOperations")
      .getProperties()
      .map((property) => property.name);
    expect(clientMethods.length).toBeGreaterThan(0);
    expect(new Set(clientMethods).size).toBe(clientMethods.length);
    expect(keys.length).toBe(clientMethods.length);
    expect(keys.sort()).toEqual([...clientMethods].sort());
  });

  it("names only operations as paged", () => {
    const paged = typeOf("RealtimeKitPagedOperation");
    const members = (paged.isUnion() ? paged.types : [paged]).map((type) => (type as ts.StringLiteralType).value);
    expect(members.length).toBeGreaterThan(0);
    expect(clientMethods).toEqual(expect.arrayContaining(members));
  });

  it("exports every generated name from the package as generated, none shadowed by index.ts", () => {
    const generated = moduleExports("src/generated/operations.ts");
    expect(generated.length).toBeGreaterThan(clientMethods.length);
    const shadowed = generated.filter((symbol) => indexExports.get(symbol.name) !== declared(symbol));
    expect(shadowed.map((symbol) => symbol.name)).toEqual([]);
  });
});

describe("schema-subset.json", () => {
  it("lists exactly the keywords of JsonSchemaSubset, and formats by name with the export of each one's pattern", () => {
    const subset = JSON.parse(readFileSync(packageFile("schema-subset.json"), "utf8"));
    const keywords = checker.getPropertiesOfType(typeOf("JsonSchemaSubset")).map((property) => property.name);
    expect([...subset.keywords].sort()).toEqual(keywords.sort());
    expect(new Set(subset.keywords).size).toBe(subset.keywords.length);
    for (const [format, pattern] of Object.entries(subset.formats)) {
      expect(format).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(pattern).toMatch(/^[a-z][A-Za-z]*Format$/);
    }
  });
});
