import { describeNaming } from "./sync-spec.ts";
import { SPEC_CHANGESET, type SpecUpdate } from "./update-spec.ts";
import { changeItem } from "./write-changeset.ts";

// GitHub refuses pull request bodies over 65,536 characters; the changeset has the whole list anyway.
const LISTED_CHANGES = 50;

/** Title and body of the pull request the spec-update workflow opens; the title carries the changeset's bump. */
export function specUpdatePullRequest({ bump, changes, upstream, against, naming }: SpecUpdate): {
  title: string;
  body: string;
} {
  const title = `Upstream spec ${upstream.date}: ${bump}`;
  const list = changes.slice(0, LISTED_CHANGES).map(changeItem);
  if (changes.length > LISTED_CHANGES) {
    list.push(`- … and ${changes.length - LISTED_CHANGES} more, listed in \`${SPEC_CHANGESET}\``);
  }
  const body = [
    `Cloudflare's API document of ${upstream.date} (sha256 \`${upstream.sha256.slice(0, 12)}…\`), compared with ${against}: **${bump}**.`,
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
  return { title, body };
}
