// pnpm spec:sync <upstream .json | .json.gz | .yaml> [--date YYYY-MM-DD] [--check] [--config <sync config>]
// Writes openapi/realtimekit.openapi.json from Cloudflare's published document (see openapi/README.md).
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { syncSpec } from "./lib/sync-spec.ts";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { date: { type: "string" }, check: { type: "boolean" }, config: { type: "string" } },
});
if (positionals.length !== 1) {
  console.error(
    "usage: pnpm spec:sync <upstream file (.json, .json.gz or .yaml)> [--date YYYY-MM-DD] [--check] [--config <sync config>]",
  );
  process.exit(2);
}
// pnpm runs this in scripts/; paths given on the command line are relative to where the user typed them.
const fromUser = (path: string) => resolve(process.env.INIT_CWD ?? process.cwd(), path);
const configFile = values.config
  ? fromUser(values.config)
  : resolve(import.meta.dirname, "../openapi/sync.config.json");
try {
  const { text, output } = syncSpec(configFile, fromUser(positionals[0]!), values.date);
  if (values.check) {
    const same = readFileSync(output, "utf8") === text;
    console.log(same ? `${output} is up to date` : `${output} differs from what the upstream document gives`);
    process.exit(same ? 0 : 1);
  }
  writeFileSync(output, text);
  console.log(`wrote ${output}`);
} catch (error) {
  console.error(`spec:sync: ${(error as Error).message}`);
  process.exit(1);
}
