// Client overhead: how many calls per second each contender completes when fetch costs nothing, so only the
// client's own work is timed. Each round starts one fresh process per contender, in a rotating order.

import { runWorker } from "./child-process.ts";
import { CONTENDERS, type Contender } from "./contenders.ts";
import { workerScript } from "./paths.ts";
import { pairedRatio, type Spread, spread } from "./statistics.ts";

export const OVERHEAD_SETTINGS = { rounds: 5, callsPerSample: 1000, warmupSamples: 3, samplesPerRound: 7 } as const;

export type OverheadResult = {
  settings: typeof OVERHEAD_SETTINGS;
  /** Calls per wall-clock second. */
  opsPerSecond: Record<Contender, Spread>;
  /** Calls per CPU second of the worker process (all its threads): steadier when other work shares the cores. */
  opsPerCpuSecond: Record<Contender, Spread>;
  /** ours ÷ each baseline, paired by round; higher is better. */
  oursRatio: Record<Exclude<Contender, "ours">, Spread>;
  oursRatioCpu: Record<Exclude<Contender, "ours">, Spread>;
};

export async function measureOverhead(options: {
  clientModule?: string | undefined;
  log: (line: string) => void;
}): Promise<OverheadResult> {
  const { rounds, callsPerSample, warmupSamples, samplesPerRound } = OVERHEAD_SETTINGS;
  const emptySeries = () =>
    Object.fromEntries(CONTENDERS.map((c) => [c, [] as number[]])) as Record<Contender, number[]>;
  const perRound = emptySeries();
  const perRoundCpu = emptySeries();
  for (let round = 0; round < rounds; round++) {
    // Rotating the order spreads any "first/last in the round" effect over every contender.
    const order = CONTENDERS.map((_, i) => CONTENDERS[(i + round) % CONTENDERS.length]!);
    for (const contender of order) {
      const args = [contender, String(callsPerSample), String(warmupSamples), String(samplesPerRound)];
      if (options.clientModule) args.push(options.clientModule);
      const { opsPerSecond, opsPerCpuSecond } = await runWorker<{ opsPerSecond: number; opsPerCpuSecond: number }>(
        workerScript("overhead-worker.ts"),
        args,
      );
      perRound[contender].push(opsPerSecond);
      perRoundCpu[contender].push(opsPerCpuSecond);
    }
    options.log(
      `overhead round ${round + 1}/${rounds}: ${CONTENDERS.map((c) => `${c} ${Math.round(perRound[c].at(-1)!)}/s`).join(", ")}`,
    );
  }
  const spreads = (series: Record<Contender, number[]>) =>
    Object.fromEntries(CONTENDERS.map((c) => [c, spread(series[c])])) as Record<Contender, Spread>;
  const ratios = (series: Record<Contender, number[]>) => ({
    "openapi-fetch": pairedRatio(series.ours, series["openapi-fetch"]),
    "raw-fetch": pairedRatio(series.ours, series["raw-fetch"]),
    "cloudflare-sdk": pairedRatio(series.ours, series["cloudflare-sdk"]),
  });
  return {
    settings: OVERHEAD_SETTINGS,
    opsPerSecond: spreads(perRound),
    opsPerCpuSecond: spreads(perRoundCpu),
    oursRatio: ratios(perRound),
    oursRatioCpu: ratios(perRoundCpu),
  };
}
