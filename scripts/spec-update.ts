// pnpm spec:update <upstream file> [--date YYYY-MM-DD] [--base <spec of the last release>]
// sync → diff against the last release → regenerate → one changeset with the bump the diff decided.
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { lastReleasedSpec } from "./lib/last-release-spec.ts";
import { diffSpecs } from "./lib/spec-diff/index.ts";
import { syncSpec } from "./lib/sync-spec.ts";
import { writeSpecChangeset } from "./lib/write-changeset.ts";

const ROOT = resolve(import.meta.dirname, "..");
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { date: { type: "string" }, base: { type: "string" } },
});
if (positionals.length !== 1) {
  console.error(
    "usage: pnpm spec:update <upstream file (.json, .json.gz or .yaml)> [--date YYYY-MM-DD] [--base <spec file>]",
  );
  process.exit(2);
}
const fromUser = (path: string) => resolve(process.env.INIT_CWD ?? process.cwd(), path);
try {
  const { text, output } = syncSpec(`${ROOT}/openapi/sync.config.json`, fromUser(positionals[0]!), values.date);
  // The base is what consumers have: the last published spec, or, before the first release, the committed one.
  const given = values.base ? { text: readFileSync(fromUser(values.base), "utf8"), label: values.base } : undefined;
  const published = given ? undefined : lastReleasedSpec();
  const released = given ?? (published && { text: published.text, label: `the last release (${published.version})` });
  const baseText = released?.text ?? readFileSync(output, "utf8");
  writeFileSync(output, text);
  execFileSync("pnpm", ["run", "generate"], { cwd: ROOT, stdio: "inherit" });
  const head = JSON.parse(text);
  const { bump, changes } = await diffSpecs(JSON.parse(baseText), head);
  console.log(`against ${released ? released.label : "the committed spec"}: ${bump}`);
  for (const change of changes) console.log(`  ${change.level.padEnd(5)} ${change.kind}: ${change.message}`);
  writeSpecChangeset(
    `${ROOT}/.changeset/upstream-spec-update.md`,
    ["@realtimekit-api/types", "@realtimekit-api/client"],
    bump === "none" ? undefined : { bump, changes, upstream: head.info["x-upstream"] },
  );
  console.log(bump === "none" ? "no release needed: no changeset written" : "wrote .changeset/upstream-spec-update.md");
} catch (error) {
  console.error(`spec:update: ${(error as Error).message}`);
  process.exit(1);
}
