// pnpm spec:sync <upstream file or https URL> [--date YYYY-MM-DD] [--check] [--config <sync config>]
// Writes openapi/realtimekit.openapi.json from Cloudflare's published document (see openapi/README.md).
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { isUrl } from "./lib/download-document.ts";
import { describeNaming, syncSpecFrom } from "./lib/sync-spec.ts";

const USAGE =
  "usage: pnpm spec:sync <upstream file (.json, .json.gz or .yaml) or https URL> [--date YYYY-MM-DD] [--check] [--config <sync config>]";
let args: { values: { date?: string; check?: boolean; config?: string }; positionals: string[] };
try {
  args = parseArgs({
    allowPositionals: true,
    options: { date: { type: "string" }, check: { type: "boolean" }, config: { type: "string" } },
  });
} catch (error) {
  console.error(`spec:sync: ${(error as Error).message}\n${USAGE}`);
  process.exit(2);
}
const { values, positionals } = args;
if (positionals.length !== 1) {
  console.error(USAGE);
  process.exit(2);
}
// pnpm runs this in scripts/; paths given on the command line are relative to where the user typed them.
const fromUser = (path: string) => (isUrl(path) ? path : resolve(process.env.INIT_CWD ?? process.cwd(), path));
const configFile = values.config
  ? fromUser(values.config)
  : resolve(import.meta.dirname, "../openapi/sync.config.json");
try {
  const { text, output, naming } = await syncSpecFrom(configFile, fromUser(positionals[0]!), { date: values.date });
  for (const line of describeNaming(naming)) console.warn(line);
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
