import { resolve } from "node:path";
import { type ParseArgsConfig, parseArgs } from "node:util";
import { isUrl } from "./download-document.ts";

type Args<Options extends ParseArgsConfig["options"]> = ReturnType<
  typeof parseArgs<{ allowPositionals: true; options: Options }>
>;

/**
 * Runs a command of this package: its command line is `count` arguments and `options`, else it exits 2 with
 * `usage`; an error `main` throws exits 1, said as `<command>: <message>`.
 */
export async function runCommand<const Options extends NonNullable<ParseArgsConfig["options"]>>(
  command: string,
  usage: string,
  count: number,
  options: Options,
  main: (args: Args<Options>) => Promise<void>,
): Promise<void> {
  let args: Args<Options> | undefined;
  try {
    args = parseArgs({ allowPositionals: true, options });
  } catch (error) {
    console.error(`${command}: ${(error as Error).message}`);
  }
  if (args?.positionals.length !== count) {
    console.error(usage);
    process.exit(2);
  }
  await main(args).catch((error: Error) => {
    console.error(`${command}: ${error.message}`);
    process.exit(1);
  });
}

/** pnpm runs the scripts in scripts/; paths given on the command line are relative to where the user typed them. */
export const fromUser = (path: string) => (isUrl(path) ? path : resolve(process.env.INIT_CWD ?? process.cwd(), path));
