// pnpm spec:update <upstream file or https URL> [--date YYYY-MM-DD] [--base <spec of the last release>]
// sync → diff against the last release → regenerate → one changeset with the bump the diff decided.
import { resolve } from "node:path";
import { parseSpecUpdateArgs } from "./lib/spec-update-args.ts";
import { describeNaming } from "./lib/sync-spec.ts";
import { SPEC_CHANGESET, updateSpec } from "./lib/update-spec.ts";

const { source, ...options } = parseSpecUpdateArgs("spec:update");
try {
  const { bump, changes, against, naming } = await updateSpec(resolve(import.meta.dirname, ".."), source, options);
  for (const line of describeNaming(naming)) console.warn(line);
  console.log(`against ${against}: ${bump}`);
  for (const change of changes) console.log(`  ${change.level.padEnd(5)} ${change.kind}: ${change.message}`);
  console.log(bump === "none" ? "no release needed: no changeset written" : `wrote ${SPEC_CHANGESET}`);
} catch (error) {
  console.error(`spec:update: ${(error as Error).message}`);
  process.exit(1);
}
