// @realtimekit-api/testing's cost to a consumer's test run: handler creation for all operations, and the time a
// request takes through the kit against a hand-written MSW handler for the same call, measured in the same
// process (the ratio), over a few fresh processes.
import { runWorker } from "./child-process.ts";
import { workerScript } from "./paths.ts";
import { pairedRatio, type Spread, spread } from "./statistics.ts";

export const KIT_SETTINGS = { rounds: 3, creations: 50, requestsPerSample: 200, samplesPerRound: 5 } as const;

export type KitResult = {
  settings: typeof KIT_SETTINGS;
  /** One `mockRealtimeKit()`: handlers for every operation, ms. */
  creationMs: Spread;
  /** One request answered by the kit (token check, validation, answer, record), µs. */
  kitRequestUs: Spread;
  /** The same request answered by a hand-written MSW handler, µs. */
  handRequestUs: Spread;
  /** kit ÷ hand-written, paired by round; lower is better. */
  requestRatio: Spread;
};

export async function measureKit(log: (line: string) => void): Promise<KitResult> {
  const { rounds, creations, requestsPerSample, samplesPerRound } = KIT_SETTINGS;
  const creation: number[] = [];
  const kit: number[] = [];
  const hand: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const result = await runWorker<{ creationMs: number; kitRequestUs: number; handRequestUs: number }>(
      workerScript("kit-worker.ts"),
      [String(creations), String(requestsPerSample), String(samplesPerRound)],
    );
    creation.push(result.creationMs);
    kit.push(result.kitRequestUs);
    hand.push(result.handRequestUs);
    log(
      `kit round ${round + 1}/${rounds}: creation ${result.creationMs.toFixed(2)} ms, request ${Math.round(result.kitRequestUs)} µs (hand-written ${Math.round(result.handRequestUs)} µs)`,
    );
  }
  return {
    settings: KIT_SETTINGS,
    creationMs: spread(creation),
    kitRequestUs: spread(kit),
    handRequestUs: spread(hand),
    requestRatio: pairedRatio(kit, hand),
  };
}

const range = (s: Spread, digits: number) =>
  `${s.median.toFixed(digits)} (${s.min.toFixed(digits)}–${s.max.toFixed(digits)})`;

/** The kit's section of the printed report. */
export function renderKit(result: KitResult): string {
  return [
    "",
    `### Testing kit (@realtimekit-api/testing), ${result.settings.rounds} processes (median, min–max)`,
    "",
    "| measure | value |",
    "|---|---|",
    `| \`mockRealtimeKit()\`: handlers for every operation | ${range(result.creationMs, 2)} ms |`,
    `| one request through the kit | ${range(result.kitRequestUs, 0)} µs |`,
    `| the same request, hand-written MSW handler | ${range(result.handRequestUs, 0)} µs |`,
    `| kit ÷ hand-written (same process, paired) | **${result.requestRatio.median.toFixed(2)}×** (${result.requestRatio.min.toFixed(2)}–${result.requestRatio.max.toFixed(2)}) |`,
    "",
  ].join("\n");
}
