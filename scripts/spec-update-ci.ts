// pnpm spec:update:ci: `pnpm spec:update` for the spec-update workflow, the same update, then its results for the
// next steps — bump, and the pull request's title and body — in $GITHUB_OUTPUT (printed when that is not set).
import { randomUUID } from "node:crypto";
import { appendFileSync } from "node:fs";
import { describeNaming } from "./lib/sync-spec.ts";
import { changeItem, describeUpstream, runSpecUpdate, SPEC_CHANGESET } from "./lib/update-spec.ts";

// GitHub refuses pull request bodies over 65,536 characters; the changeset has the whole list anyway.
const LISTED_CHANGES = 50;

await runSpecUpdate("spec:update:ci", ({ bump, changes, upstream, against, naming }) => {
  const list = changes.slice(0, LISTED_CHANGES).map(changeItem);
  const unlisted = changes.length - LISTED_CHANGES;
  if (unlisted > 0) list.push(`- … and ${unlisted} more, listed in \`${SPEC_CHANGESET}\``);
  const body = [
    `${describeUpstream(upstream)}, compared with ${against}: **${bump}**.`,
    list.join("\n") || "The published operations did not change.",
    describeNaming(naming)
      .map((line) => `- ${line}`)
      .join("\n"),
    bump === "none"
      ? ""
      : `Review \`openapi/realtimekit.openapi.json\` and the generated files, then merge: \`${SPEC_CHANGESET}\` ` +
        `makes the release workflow open a version pull request for this ${bump} release.`,
  ]
    .filter(Boolean)
    .join("\n\n");
  const file = process.env.GITHUB_OUTPUT;
  for (const [name, value] of Object.entries({ bump, title: `Upstream spec ${upstream.date}: ${bump}`, body })) {
    // Each in the multi-line form, with a delimiter that cannot occur in it: a body with newlines or `=` arrives whole.
    const delimiter = `EOF_${randomUUID()}`;
    if (file) appendFileSync(file, `${name}<<${delimiter}\n${value}\n${delimiter}\n`);
    else console.log(value.includes("\n") ? `${name}:\n${value}` : `${name}: ${value}`);
  }
});
