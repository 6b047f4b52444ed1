import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { isUrl } from "./download-document.ts";

export type SpecUpdateArgs = {
  source: string;
  date?: string | undefined;
  base?: { text: string; label: string } | undefined;
};

/**
 * The command line shared by spec:update and spec:update:ci: `<upstream file or https URL> [--date YYYY-MM-DD]
 * [--base <spec file>]`. Exits 2 with the usage on a wrong command line, 1 when the base cannot be read.
 */
export function parseSpecUpdateArgs(command: string): SpecUpdateArgs {
  const usage = `usage: pnpm ${command} <upstream file (.json, .json.gz or .yaml) or https URL> [--date YYYY-MM-DD] [--base <spec file>]`;
  let parsed: { values: { date?: string; base?: string }; positionals: string[] };
  try {
    parsed = parseArgs({ allowPositionals: true, options: { date: { type: "string" }, base: { type: "string" } } });
  } catch (error) {
    console.error(`${command}: ${(error as Error).message}\n${usage}`);
    process.exit(2);
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) {
    console.error(usage);
    process.exit(2);
  }
  if (!values.base) return { source: fromUser(positionals[0]!), date: values.date };
  try {
    return {
      source: fromUser(positionals[0]!),
      date: values.date,
      base: { text: readFileSync(fromUser(values.base), "utf8"), label: values.base },
    };
  } catch (error) {
    console.error(`${command}: ${values.base}: cannot be read (${(error as NodeJS.ErrnoException).code ?? error})`);
    process.exit(1);
  }
}

/** pnpm runs the scripts in scripts/; paths given on the command line are relative to where the user typed them. */
export const fromUser = (path: string) => (isUrl(path) ? path : resolve(process.env.INIT_CWD ?? process.cwd(), path));
