// pnpm spec:diff <base> <head> [--json]
// The semver bump a spec change calls for, from the consumer's side (see lib/spec-diff/index.ts). Exits 0
// whatever the bump: the verdict is the output; 2 is a usage error, 1 an input that cannot be compared.
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { loadOpenApiDocument } from "./lib/load-document.ts";
import { formatDiff } from "./lib/spec-diff/format.ts";

const USAGE = "usage: pnpm spec:diff <base spec> <head spec> [--json]   (JSON or YAML, OpenAPI 3.0 or 3.1)";
let args: ReturnType<typeof parseArgs<{ allowPositionals: true; options: { json: { type: "boolean" } } }>>;
try {
  args = parseArgs({ allowPositionals: true, options: { json: { type: "boolean" } } });
} catch (error) {
  console.error(`spec:diff: ${(error as Error).message}\n${USAGE}`);
  process.exit(2);
}
if (args.positionals.length !== 2) {
  console.error(USAGE);
  process.exit(2);
}
// pnpm runs this in scripts/; paths given on the command line are relative to where the user typed them.
const fromUser = (path: string) => resolve(process.env.INIT_CWD ?? process.cwd(), path);
try {
  const [base, head] = args.positionals.map((file) => loadOpenApiDocument(fromUser(file)).document);
  // Loaded once the inputs are known to be good: the compiler and the type generator take seconds to load.
  const { diffSpecs } = await import("./lib/spec-diff/index.ts");
  const diff = await diffSpecs(base!, head!);
  console.log(args.values.json ? JSON.stringify(diff, null, 2) : formatDiff(diff));
} catch (error) {
  console.error(`spec:diff: ${(error as Error).message}`);
  process.exit(1);
}
