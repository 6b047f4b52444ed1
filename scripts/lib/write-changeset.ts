import { rmSync, writeFileSync } from "node:fs";
import type { Change, Level } from "./spec-diff/change.ts";

export type SpecChangeset = { bump: Level; changes: Change[]; upstream: { date: string; sha256: string } };

/** One change as a Markdown list item, for the changeset and the pull request. */
export const changeItem = (change: Change) => `- **${change.level}** ${change.message} (\`${change.pointer}\`)`;

/**
 * Writes the one changeset that describes the pending upstream spec update, for both packages (the client's
 * generated table changes with the spec). One fixed file, so running the update again replaces it.
 */
export function writeSpecChangeset(file: string, packages: string[], changeset: SpecChangeset | undefined): void {
  if (!changeset) {
    rmSync(file, { force: true });
    return;
  }
  const { bump, changes, upstream } = changeset;
  const frontMatter = packages.map((name) => `"${name}": ${bump}`).join("\n");
  // Per operation, by client method, in the order the diff lists them (most severe first).
  const byOperation = new Map<string, Change[]>();
  for (const change of changes) {
    const heading = change.operation ? `\`${change.operation}\`` : "The document";
    byOperation.set(heading, [...(byOperation.get(heading) ?? []), change]);
  }
  const sections = [...byOperation].map(([heading, list]) => `#### ${heading}\n\n${list.map(changeItem).join("\n")}`);
  const source = `Cloudflare's API document of ${upstream.date} (sha256 \`${upstream.sha256.slice(0, 12)}…\`)`;
  writeFileSync(file, `---\n${frontMatter}\n---\n\nUpdate to ${source}.\n\n${sections.join("\n\n")}\n`);
}
