// One contender end to end against the local server, in its own process, over the platform's fetch (undici,
// keep-alive). Usage: e2e-worker.ts <contender> <baseUrl> <sequentialRequests> <concurrentRequests> <concurrency> [clientModule]
// Prints {"sequential": Load, "concurrent": Load} as JSON.
import { type Call, type Contender, createCall } from "./contenders.ts";
import { percentile } from "./statistics.ts";

export type Load = { requestsPerSecond: number; p50Ms: number; p99Ms: number };

const [contender, baseUrl, sequentialArg, concurrentArg, concurrencyArg, clientModule] = process.argv.slice(2) as [
  Contender,
  string,
  string,
  string,
  string,
  string?,
];
const call = await createCall(contender, { baseUrl, fetch: globalThis.fetch, clientModule });

/** `total` calls spread over `concurrency` loops that each wait for their previous call; latency per call. */
async function load(call: Call, total: number, concurrency: number): Promise<Load> {
  const latencies: number[] = [];
  let started = 0;
  const loop = async () => {
    while (started < total) {
      started++;
      const t0 = performance.now();
      await call();
      latencies.push(performance.now() - t0);
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: concurrency }, loop));
  const seconds = (performance.now() - t0) / 1000;
  return { requestsPerSecond: total / seconds, p50Ms: percentile(latencies, 50), p99Ms: percentile(latencies, 99) };
}

const sequentialTotal = Number(sequentialArg);
const concurrentTotal = Number(concurrentArg);
const concurrency = Number(concurrencyArg);
// Warm-up opens the connections and lets the JIT settle; a tenth of each run.
await load(call, Math.ceil(sequentialTotal / 10), 1);
const sequential = await load(call, sequentialTotal, 1);
await load(call, Math.ceil(concurrentTotal / 10), concurrency);
const concurrent = await load(call, concurrentTotal, concurrency);
console.log(JSON.stringify({ sequential, concurrent }));
