import type { SpecDiff } from "./change.ts";

/** The diff for a person: the bump, then one change per entry, most severe first. */
export function formatDiff(diff: SpecDiff): string {
  if (diff.changes.length === 0) return "bump: none (the published operations did not change)";
  const count = `${diff.changes.length} change${diff.changes.length === 1 ? "" : "s"}`;
  const entries = diff.changes.map(
    ({ level, kind, pointer, message }) => `  ${level.padEnd(5)}  ${kind}  ${pointer}\n         ${message}`,
  );
  return [`bump: ${diff.bump} (${count})`, ...entries].join("\n");
}
