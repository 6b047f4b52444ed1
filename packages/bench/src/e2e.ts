// End to end: the one call over real HTTP to a local keep-alive server, one request at a time and 64 at
// once. The server runs in its own process, started on a free port and stopped afterwards.
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";
import { runWorker } from "./child-process.ts";
import type { Contender } from "./contenders.ts";
import type { Load } from "./e2e-worker.ts";
import { benchRoot, workerScript } from "./paths.ts";
import { pairedRatio, type Spread, spread } from "./statistics.ts";

export const E2E_SETTINGS = { rounds: 3, sequentialRequests: 1000, concurrentRequests: 4000, concurrency: 64 } as const;
export const E2E_CONTENDERS = ["ours", "raw-fetch", "cloudflare-sdk"] as const satisfies readonly Contender[];
type E2eContender = (typeof E2E_CONTENDERS)[number];
type Mode = "sequential" | "concurrent";
type Metric = keyof Load;

export type E2eResult = {
  settings: typeof E2E_SETTINGS;
  /** Per mode, contender and metric: the spread over rounds. */
  figures: Record<Mode, Record<E2eContender, Record<Metric, Spread>>>;
  /** Per mode, ours ÷ baseline for each metric, paired by round (requests/s: higher is better; latency: lower). */
  oursRatio: Record<Mode, Record<Exclude<E2eContender, "ours">, Record<Metric, Spread>>>;
};

async function startServer(): Promise<{ server: ChildProcess; port: number }> {
  const server = spawn(process.execPath, ["--import", "tsx", workerScript("e2e-server.ts")], {
    cwd: benchRoot,
    stdio: ["ignore", "pipe", "inherit"],
  });
  const [line] = (await Promise.race([
    once(createInterface({ input: server.stdout! }), "line"),
    once(server, "exit").then(([code]) => Promise.reject(new Error(`the e2e server exited ${code} before listening`))),
  ])) as [string];
  return { server, port: (JSON.parse(line) as { port: number }).port };
}

async function stopServer(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null) return;
  const exited = once(server, "exit");
  server.kill("SIGTERM");
  await exited;
}

export async function measureEndToEnd(options: {
  clientModule?: string | undefined;
  log: (line: string) => void;
}): Promise<E2eResult> {
  const { rounds, sequentialRequests, concurrentRequests, concurrency } = E2E_SETTINGS;
  const { server, port } = await startServer();
  const baseUrl = `http://127.0.0.1:${port}/client/v4`;
  const perRound = Object.fromEntries(E2E_CONTENDERS.map((c) => [c, [] as Array<Record<Mode, Load>>])) as Record<
    E2eContender,
    Array<Record<Mode, Load>>
  >;
  try {
    for (let round = 0; round < rounds; round++) {
      const order = E2E_CONTENDERS.map((_, i) => E2E_CONTENDERS[(i + round) % E2E_CONTENDERS.length]!);
      for (const contender of order) {
        const args = [contender, baseUrl, String(sequentialRequests), String(concurrentRequests), String(concurrency)];
        if (options.clientModule) args.push(options.clientModule);
        perRound[contender].push(await runWorker<Record<Mode, Load>>(workerScript("e2e-worker.ts"), args));
      }
      const rates = E2E_CONTENDERS.map((c) => {
        const { sequential, concurrent } = perRound[c].at(-1)!;
        return `${c} ${Math.round(sequential.requestsPerSecond)}/${Math.round(concurrent.requestsPerSecond)} req/s`;
      });
      options.log(`e2e round ${round + 1}/${rounds}: ${rates.join(", ")}`);
    }
  } finally {
    await stopServer(server);
  }

  const series = (contender: E2eContender, mode: Mode, metric: Metric) =>
    perRound[contender].map((r) => r[mode][metric]);
  const metrics: Metric[] = ["requestsPerSecond", "p50Ms", "p99Ms"];
  const byMetric = (make: (metric: Metric) => Spread) =>
    Object.fromEntries(metrics.map((m) => [m, make(m)])) as Record<Metric, Spread>;
  const modes: Mode[] = ["sequential", "concurrent"];
  return {
    settings: E2E_SETTINGS,
    figures: Object.fromEntries(
      modes.map((mode) => [
        mode,
        Object.fromEntries(E2E_CONTENDERS.map((c) => [c, byMetric((m) => spread(series(c, mode, m)))])),
      ]),
    ) as E2eResult["figures"],
    oursRatio: Object.fromEntries(
      modes.map((mode) => [
        mode,
        {
          "raw-fetch": byMetric((m) => pairedRatio(series("ours", mode, m), series("raw-fetch", mode, m))),
          "cloudflare-sdk": byMetric((m) => pairedRatio(series("ours", mode, m), series("cloudflare-sdk", mode, m))),
        },
      ]),
    ) as E2eResult["oursRatio"],
  };
}
