// Two builds of the client, one call each, timed in one process in alternating batches: whether a change made the
// call cheaper or dearer, steadier than two bench runs, since both builds share every round's machine state.
// Usage (in packages/bench): node --expose-gc --import tsx src/compare-builds.ts <a/dist/index.mjs> <b/dist/index.mjs>
// Build the other one from a worktree of the commit to compare with (`git worktree add`, `pnpm install`, build).
// Prints each build's CPU microseconds per call (median of the batches) and b ÷ a, paired by batch: above 1, a is
// the cheaper.
import { resolve } from "node:path";
import { createCall } from "./contenders.ts";
import { participantBodyText, responseHeaders } from "./participant-fixture.ts";
import { median, pairedRatio } from "./statistics.ts";

const BATCHES = 21;
const WARMUP_BATCHES = 3;
const CALLS_PER_BATCH = 2000;

const builds = process.argv.slice(2).map((path) => resolve(path));
if (builds.length !== 2) throw new Error("usage: compare-builds.ts <a/dist/index.mjs> <b/dist/index.mjs>");

// Built before each batch, so building them is not timed; the stub hands the next one out.
let responses: Response[] = [];
let next = 0;
const fetch = async () => responses[next++]!;
// Each build as the overhead benchmark calls ours: every safety on, response validation included.
const calls = await Promise.all(
  builds.map((clientModule) =>
    createCall("ours", { baseUrl: "https://api.cloudflare.com/client/v4", fetch, clientModule }),
  ),
);

const microseconds: number[][] = [[], []];
for (let batch = 0; batch < BATCHES + WARMUP_BATCHES; batch++) {
  for (const [i, call] of calls.entries()) {
    responses = Array.from(
      { length: CALLS_PER_BATCH },
      () => new Response(participantBodyText, { headers: responseHeaders }),
    );
    next = 0;
    (globalThis as { gc?: () => void }).gc?.();
    const start = process.cpuUsage();
    for (let n = 0; n < CALLS_PER_BATCH; n++) await call();
    const { user, system } = process.cpuUsage(start);
    if (batch >= WARMUP_BATCHES) microseconds[i]!.push((user + system) / CALLS_PER_BATCH);
  }
}
for (const [i, build] of builds.entries()) console.log(`${median(microseconds[i]!).toFixed(1)} µs/call  ${build}`);
const ratio = pairedRatio(microseconds[1]!, microseconds[0]!);
console.log(`b ÷ a: ${ratio.median.toFixed(2)} (${ratio.min.toFixed(2)}–${ratio.max.toFixed(2)})`);
