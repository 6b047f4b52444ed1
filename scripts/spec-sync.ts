// pnpm spec:sync: writes openapi/realtimekit.openapi.json from Cloudflare's published document (see openapi/README.md).
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { fromUser, runCommand } from "./lib/command-line.ts";
import { describeNaming, syncSpecFrom } from "./lib/sync-spec.ts";

const USAGE =
  "usage: pnpm spec:sync <upstream file (.json, .json.gz or .yaml) or https URL> [--date YYYY-MM-DD] [--check] [--config <sync config>]";
const OPTIONS = { date: { type: "string" }, check: { type: "boolean" }, config: { type: "string" } } as const;
await runCommand("spec:sync", USAGE, 1, OPTIONS, async ({ values, positionals }) => {
  const configFile = fromUser(values.config ?? resolve(import.meta.dirname, "../openapi/sync.config.json"));
  const { text, output, naming } = await syncSpecFrom(configFile, fromUser(positionals[0]!), { date: values.date });
  for (const line of describeNaming(naming)) console.warn(line);
  if (values.check) {
    const same = readFileSync(output, "utf8") === text;
    console.log(same ? `${output} is up to date` : `${output} differs from what the upstream document gives`);
    process.exit(same ? 0 : 1);
  }
  writeFileSync(output, text);
  console.log(`wrote ${output}`);
});
