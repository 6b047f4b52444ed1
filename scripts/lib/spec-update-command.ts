import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { fromUser, runCommand } from "./command-line.ts";
import { describeNaming } from "./sync-spec.ts";
import { type SpecUpdate, updateSpec } from "./update-spec.ts";

/**
 * spec:update and spec:update:ci: `<upstream file or https URL> [--date YYYY-MM-DD] [--base <spec file>]`, the
 * update, its naming advice, then `report`.
 */
export function runSpecUpdate(command: string, report: (update: SpecUpdate) => void): Promise<void> {
  const usage = `usage: pnpm ${command} <upstream file (.json, .json.gz or .yaml) or https URL> [--date YYYY-MM-DD] [--base <spec file>]`;
  const options = { date: { type: "string" }, base: { type: "string" } } as const;
  return runCommand(command, usage, 1, options, async ({ values, positionals }) => {
    const base = values.base === undefined ? undefined : { text: read(values.base), label: values.base };
    const source = fromUser(positionals[0]!);
    const update = await updateSpec(resolve(import.meta.dirname, "../.."), source, { date: values.date, base });
    for (const line of describeNaming(update.naming)) console.warn(line);
    report(update);
  });
}

function read(file: string): string {
  try {
    return readFileSync(fromUser(file), "utf8");
  } catch (error) {
    throw new Error(`${file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? error})`);
  }
}
