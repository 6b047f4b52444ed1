// The testing kit's cost, in its own process: creating the handlers for every operation, and a request answered
// by the kit against the same request answered by a hand-written MSW handler, in alternating samples.
// Usage: kit-worker.ts <creations> <requestsPerSample> <samples>
// Prints {"creationMs", "kitRequestUs", "handRequestUs"} (medians of the samples) as JSON.
import { mockRealtimeKit } from "@realtimekit-api/testing";
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { PARTICIPANT_ID, participantBody } from "./participant-fixture.ts";
import { median } from "./statistics.ts";

const [creations, requestsPerSample, samples] = process.argv.slice(2).map(Number) as [number, number, number];
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});

// Neither host exists: MSW answers every request in this process, nothing leaves it.
const KIT = "https://kit.bench.invalid/client/v4";
const HAND = "https://hand.bench.invalid/client/v4";
const PATH = `/accounts/023e105f4ecef8ad9ca31a8372d0c353/realtime/kit/5c0b2d6e-8f3a-4e1b-9c7d-2a4f6e8b0c1d/meetings/550e8400-e29b-41d4-a716-446655440000/participants/${PARTICIPANT_ID}`;
const init = { headers: { authorization: "Bearer bench-token" } };

function creationMs(): number {
  gc();
  const started = performance.now();
  for (let i = 0; i < creations; i++) mockRealtimeKit();
  return (performance.now() - started) / creations;
}

const kit = mockRealtimeKit({ baseUrl: KIT });
// The hand-written handler a team would otherwise write: the same path, a fixed answer, no checks.
const hand = http.get(`${HAND}/accounts/:account_id/realtime/kit/:app_id/meetings/:meeting_id/participants/:id`, () =>
  HttpResponse.json(participantBody),
);
const server = setupServer(...kit.handlers, hand);
server.listen({ onUnhandledRequest: "error" });

async function requestUs(url: string): Promise<number> {
  gc();
  const started = performance.now();
  for (let i = 0; i < requestsPerSample; i++) await (await fetch(url, init)).json();
  return ((performance.now() - started) * 1000) / requestsPerSample;
}

const creation: number[] = [];
const kitRequests: number[] = [];
const handRequests: number[] = [];
await requestUs(`${KIT}${PATH}`);
await requestUs(`${HAND}${PATH}`);
for (let sample = 0; sample < samples; sample++) {
  creation.push(creationMs());
  // Alternating which goes first spreads any ordering effect over both.
  const pair = sample % 2 ? [HAND, KIT] : [KIT, HAND];
  for (const base of pair) (base === KIT ? kitRequests : handRequests).push(await requestUs(`${base}${PATH}`));
  kit.reset();
}
server.close();
console.log(
  JSON.stringify({
    creationMs: median(creation),
    kitRequestUs: median(kitRequests),
    handRequestUs: median(handRequests),
  }),
);
