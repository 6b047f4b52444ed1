// pnpm spec:diff: the semver bump a spec change calls for, from the consumer's side (see lib/spec-diff/index.ts).
// Exits 0 whatever the bump: the verdict is the output; 2 is a usage error, 1 an input that cannot be compared.
import { fromUser, runCommand } from "./lib/command-line.ts";
import { loadOpenApiDocument } from "./lib/openapi.ts";
import { formatDiff } from "./lib/spec-diff/change.ts";

const USAGE = "usage: pnpm spec:diff <base spec> <head spec> [--json]   (JSON or YAML, OpenAPI 3.0 or 3.1)";
await runCommand("spec:diff", USAGE, 2, { json: { type: "boolean" } }, async ({ values, positionals }) => {
  const [base, head] = positionals.map((file) => loadOpenApiDocument(fromUser(file)).document);
  // Loaded once the inputs are known to be good: the compiler and the type generator take seconds to load.
  const { diffSpecs } = await import("./lib/spec-diff/index.ts");
  const diff = await diffSpecs(base!, head!);
  console.log(values.json ? JSON.stringify(diff, null, 2) : formatDiff(diff));
});
