// pnpm spec:update <upstream file or https URL> [--date YYYY-MM-DD] [--base <spec of the last release>]
import { runSpecUpdate, SPEC_CHANGESET } from "./lib/update-spec.ts";

await runSpecUpdate("spec:update", ({ bump, changes }) => {
  for (const change of changes) console.log(`  ${change.level.padEnd(5)} ${change.kind}: ${change.message}`);
  console.log(bump === "none" ? "no release needed: no changeset written" : `wrote ${SPEC_CHANGESET}`);
});
