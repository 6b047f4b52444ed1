// Starting measured work in fresh processes: a worker per contender keeps one contender's JIT state,
// garbage and module cache from colouring another's numbers.
import { spawn } from "node:child_process";
import { benchRoot } from "./paths.ts";

export type Finished = { code: number | null; stdout: string; stderr: string; seconds: number };

/** Runs a command to the end and times it from spawn to exit. Never throws for a non-zero exit. */
export function run(
  command: string,
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(command, args, {
      cwd: options.cwd ?? benchRoot,
      env: options.env ?? process.env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) =>
      resolve({ code, stdout, stderr, seconds: Number(process.hrtime.bigint() - started) / 1e9 }),
    );
  });
}

/**
 * Runs a TypeScript worker under tsx with `--expose-gc` and returns the JSON it prints last. The loader only
 * translates the worker's own files at start-up; the code under test is plain built JavaScript. `tsx` resolves
 * from the bench package, the working directory.
 */
export async function runWorker<T>(script: string, args: readonly string[]): Promise<T> {
  const { code, stdout, stderr } = await run(process.execPath, ["--expose-gc", "--import", "tsx", script, ...args]);
  if (code !== 0) throw new Error(`${script} ${args.join(" ")} exited ${code}\n${stderr}`);
  const lastLine = stdout.trim().split("\n").at(-1) ?? "";
  return JSON.parse(lastLine) as T;
}
