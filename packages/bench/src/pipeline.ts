// The maintainers' pipeline in seconds: code generation, a cold build (turbo's cache bypassed), a warm build
// (every task a cache hit), and spec:sync of Cloudflare's full 12.5 MB document in --check mode (writes
// nothing). These are absolute times, not ratios: there is no baseline pipeline to compare with.
import { existsSync } from "node:fs";
import { run } from "./child-process.ts";
import { repoRoot, upstreamSpec } from "./paths.ts";
import { type Spread, spread } from "./statistics.ts";

export const PIPELINE_SETTINGS = { rounds: 3 } as const;

type Step = "generate" | "coldBuild" | "warmBuild" | "specSync";
export type PipelineResult = {
  settings: typeof PIPELINE_SETTINGS;
  seconds: Partial<Record<Step, Spread>>;
  notes: string[];
};

const env = { ...process.env, TURBO_TELEMETRY_DISABLED: "1", TURBO_NO_UPDATE_NOTIFIER: "1" };

async function timed(
  label: string,
  args: string[],
  accept: (code: number | null, output: string) => string | undefined,
): Promise<number> {
  const { code, stdout, stderr, seconds } = await run("pnpm", args, { cwd: repoRoot, env });
  const problem = accept(code, stdout + stderr);
  if (problem) throw new Error(`${label}: ${problem}\n${stdout}\n${stderr}`);
  return seconds;
}

const succeeded = (code: number | null) => (code === 0 ? undefined : `exited ${code}`);

export async function measurePipeline(log: (line: string) => void): Promise<PipelineResult> {
  const notes: string[] = [];
  const seconds: Record<Step, number[]> = { generate: [], coldBuild: [], warmBuild: [], specSync: [] };
  const haveUpstream = existsSync(upstreamSpec);
  if (!haveUpstream)
    notes.push(
      `spec:sync skipped: ${upstreamSpec} is absent (it sits beside the repository on maintainers' machines only)`,
    );

  for (let round = 0; round < PIPELINE_SETTINGS.rounds; round++) {
    seconds.generate.push(await timed("generate", ["exec", "turbo", "run", "generate", "--force"], succeeded));
    seconds.coldBuild.push(await timed("cold build", ["exec", "turbo", "run", "build", "--force"], succeeded));
    seconds.warmBuild.push(
      await timed(
        "warm build",
        ["exec", "turbo", "run", "build"],
        (code, output) =>
          succeeded(code) ??
          (/FULL TURBO/.test(output) ? undefined : "expected every task to be a cache hit (FULL TURBO)"),
      ),
    );
    if (haveUpstream) {
      // --check exits 1 when the committed spec differs from what upstream gives: a finding, still a full run.
      seconds.specSync.push(
        await timed("spec:sync", ["spec:sync", upstreamSpec, "--check"], (code, output) => {
          if (code === 1 && /differs from what the upstream document gives/.test(output)) {
            if (round === 0)
              notes.push("spec:sync --check: the committed spec differs from the 2026-08-14 upstream document");
            return undefined;
          }
          return succeeded(code);
        }),
      );
    }
    log(
      `pipeline round ${round + 1}/${PIPELINE_SETTINGS.rounds}: ${Object.entries(seconds)
        .filter(([, s]) => s.length)
        .map(([step, s]) => `${step} ${s.at(-1)!.toFixed(2)} s`)
        .join(", ")}`,
    );
  }
  const result: PipelineResult = { settings: PIPELINE_SETTINGS, seconds: {}, notes };
  for (const step of Object.keys(seconds) as Step[])
    if (seconds[step].length) result.seconds[step] = spread(seconds[step]);
  return result;
}
