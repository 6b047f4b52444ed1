// What the classifier reports. Levels are semver levels from the point of view of code that uses the packages.
export type Level = "major" | "minor" | "patch";
export type Bump = Level | "none";
export type Change = {
  level: Level;
  kind: string;
  pointer: string;
  message: string;
  /** The client method of the operation the change was found in (a shared definition: the first one). */
  operation?: string;
};
export type SpecDiff = { bump: Bump; changes: Change[] };

export const LEVELS: readonly Level[] = ["major", "minor", "patch"];

export const change = (level: Level, kind: string, pointer: string, message: string): Change => ({
  level,
  kind,
  pointer,
  message,
});

/** The bump a list of changes calls for: the highest level among them. */
export function bumpFor(changes: readonly Change[]): Bump {
  return LEVELS.find((level) => changes.some((change) => change.level === level)) ?? "none";
}

/**
 * One change per place and kind (a shared component reached through several responses is one edit), most
 * severe first, then by place, so the same inputs always print the same list.
 */
export function sortChanges(changes: Change[]): Change[] {
  return [...groupBy(changes, (change) => `${change.level}\0${change.kind}\0${change.pointer}`).values()]
    .map(([first, ...others]) => {
      const more = new Set(others.map((other) => other.message).filter((message) => message !== first!.message)).size;
      if (!more) return first!;
      const places = `${more} more place${more === 1 ? "" : "s"}`;
      return { ...first!, message: `${first!.message} (and ${places} using the same definition)` };
    })
    .sort(
      (a, b) =>
        LEVELS.indexOf(a.level) - LEVELS.indexOf(b.level) ||
        compareText(a.pointer, b.pointer) ||
        compareText(a.kind, b.kind) ||
        compareText(a.message, b.message),
    );
}

/** The diff for a person: the bump, then one change per entry, most severe first. */
export function formatDiff(diff: SpecDiff): string {
  if (diff.changes.length === 0) return "bump: none (the published operations did not change)";
  const count = `${diff.changes.length} change${diff.changes.length === 1 ? "" : "s"}`;
  const entries = diff.changes.map(
    ({ level, kind, pointer, message }) => `  ${level.padEnd(5)}  ${kind}  ${pointer}\n         ${message}`,
  );
  return [`bump: ${diff.bump} (${count})`, ...entries].join("\n");
}

/** `items` by `key`, each group in the order of `items`, the groups in the order of their first item. */
export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

/** `text`, cut short with an ellipsis when longer than `max` characters. */
export const shorten = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 3)}…` : text);

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
