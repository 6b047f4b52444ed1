// One contender's client overhead, in its own process: the one call against a fetch that answers at once.
// Usage: overhead-worker.ts <contender> <callsPerSample> <warmupSamples> <samples> [clientModule]
// Prints {"contender", "opsPerSecond", "opsPerCpuSecond", "samples"} as JSON.
import { type Contender, createCall } from "./contenders.ts";
import { PARTICIPANT_ID, participantBody, participantBodyText, responseHeaders } from "./participant-fixture.ts";
import { median } from "./statistics.ts";

const [contender, callsArg, warmupArg, samplesArg, clientModule] = process.argv.slice(2) as [
  Contender,
  string,
  string,
  string,
  string?,
];
const callsPerSample = Number(callsArg);
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});

// A Response body can be read once, so each call gets its own. They are built before the timed loop, so
// building them is not counted against any contender; the stub itself only hands the next one out.
let prebuilt: Response[] = [];
let next = 0;
function prebuild(count: number): void {
  prebuilt = Array.from(
    { length: count },
    () => new Response(participantBodyText, { status: 200, headers: responseHeaders }),
  );
  next = 0;
}
const stubFetch = async (): Promise<Response> => {
  const response = prebuilt[next++];
  if (!response)
    throw new Error("the stub ran out of prebuilt responses: a contender made more than one request per call");
  return response;
};

const call = await createCall(contender, {
  baseUrl: "https://api.cloudflare.com/client/v4",
  fetch: stubFetch,
  clientModule,
});

// Every contender must do the same job: the participant, parsed.
prebuild(1);
const first = (await call()) as { id?: string; custom_participant_id?: string };
if (first.id !== participantBody.data.id || first.custom_participant_id !== PARTICIPANT_ID) {
  throw new Error(`${contender} returned ${JSON.stringify(first)}`);
}

/**
 * Calls per wall-clock second, and per CPU second of this process. On a machine shared with other work the
 * second is steadier: time spent descheduled counts against wall clock but not against CPU time.
 */
async function sample(): Promise<{ wall: number; cpu: number }> {
  prebuild(callsPerSample);
  // Collect the garbage of the previous sample now, not during this one.
  gc();
  const cpuStart = process.cpuUsage();
  const started = performance.now();
  for (let i = 0; i < callsPerSample; i++) await call();
  const wallSeconds = (performance.now() - started) / 1000;
  const { user, system } = process.cpuUsage(cpuStart);
  return { wall: callsPerSample / wallSeconds, cpu: callsPerSample / ((user + system) / 1e6) };
}

for (let i = 0; i < Number(warmupArg); i++) await sample();
const samples: Array<{ wall: number; cpu: number }> = [];
for (let i = 0; i < Number(samplesArg); i++) samples.push(await sample());
console.log(
  JSON.stringify({
    contender,
    opsPerSecond: median(samples.map((s) => s.wall)),
    opsPerCpuSecond: median(samples.map((s) => s.cpu)),
    samples: samples.map((s) => Math.round(s.wall)),
  }),
);
