// After a call settles, nothing the client started (attempt timers, retry waits, sockets) may keep a Node
// process alive: a CLI or a serverless handler must be able to end on its own. Each case runs the built
// client in its own `node` process, which must exit by itself once its one call has settled.
import { spawn } from "node:child_process";
import { afterAll, beforeAll, expect, it } from "vitest";
import { TOKEN } from "./helpers.ts";
import { ESM_BUILD } from "./support/built-client.ts";
import { type Fault, type FaultServer, startFaultServer } from "./support/fault-server.ts";

/** Far below the client's default 60 s attempt timeout and the server's 30 s keep-alive: a leak outlives it. */
const MUST_EXIT_WITHIN_MS = 10_000;

let faults: FaultServer;
beforeAll(async () => {
  faults = await startFaultServer();
  // A keep-alive socket held by a referenced handle would keep the child alive this long.
  faults.server.keepAliveTimeout = 30_000;
});
afterAll(() => faults.close());

// The child prints how the call settled; it never calls process.exit.
const CHILD = `
import { createRealtimeKitClient } from ${JSON.stringify(`file://${ESM_BUILD}`)};
const options = JSON.parse(process.env.CLIENT_OPTIONS);
const call = JSON.parse(process.env.CALL_OPTIONS);
if (call.abortAfterMs !== undefined) {
  const controller = new AbortController();
  setTimeout(() => controller.abort(), call.abortAfterMs);
  call.signal = controller.signal;
}
const params = { account_id: "023e105f4ecef8ad9ca31a8372d0c353", app_id: "my-app", meeting_id: "550e8400-e29b-41d4-a716-446655440000", participant_id: "p-1" };
createRealtimeKitClient(options).getMeetingParticipant(params, call).then(
  () => console.log("settled: resolved"),
  (error) => console.log("settled: " + error.name),
);
`;

function runChild(clientOptions: Record<string, unknown>, callOptions: Record<string, unknown>) {
  const child = spawn(process.execPath, ["--input-type=module", "--eval", CHILD], {
    env: { ...process.env, CLIENT_OPTIONS: JSON.stringify(clientOptions), CALL_OPTIONS: JSON.stringify(callOptions) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  return new Promise<{ output: string; exitedOnItsOwn: boolean; code: number | null }>((resolve) => {
    let killed = false;
    const guard = setTimeout(() => {
      killed = true;
      child.kill("SIGKILL");
    }, MUST_EXIT_WITHIN_MS);
    child.on("exit", (code) => {
      clearTimeout(guard);
      resolve({ output, exitedOnItsOwn: !killed, code });
    });
  });
}

it.each<[string, Fault, Record<string, unknown>, Record<string, unknown>, string]>([
  ["success, default 60 s timeout armed", "ok", {}, {}, "resolved"],
  ["success after a 429 and a retry wait", "rate-limited-then-ok", {}, {}, "resolved"],
  ["API error after all retries", "status-503", { backoff: { initialDelayMs: 20 } }, {}, "RealtimeKitApiError"],
  [
    "attempt timeouts with the server still holding the connection",
    "headers-never-sent",
    { timeoutMs: 100, maxRetries: 1 },
    {},
    "RealtimeKitTimeoutError",
  ],
  ["deadline during a slow body", "slow-body", {}, { deadlineMs: 150 }, "RealtimeKitTimeoutError"],
  ["caller abort in flight", "headers-never-sent", {}, { abortAfterMs: 100 }, "AbortError"],
  [
    "caller abort during a retry wait longer than the guard",
    "status-503",
    // maxDelayMs too: the default 8 s cap would end the wait before the guard, leaked timer or not.
    { backoff: { initialDelayMs: 60_000, maxDelayMs: 60_000 } },
    { abortAfterMs: 200 },
    "AbortError",
  ],
  [
    "body cut off at the size limit",
    "huge-body",
    { maxResponseBytes: 65_536 },
    {},
    "RealtimeKitResponseValidationError",
  ],
  ["connection reset mid-body", "reset-mid-body", { backoff: { initialDelayMs: 5 } }, {}, "RealtimeKitConnectionError"],
])("%s: the process exits on its own", async (_, fault, clientOptions, callOptions, outcome) => {
  const result = await runChild({ apiToken: TOKEN, baseUrl: faults.baseUrl(fault), ...clientOptions }, callOptions);
  expect(result.output.trim()).toBe(`settled: ${outcome}`);
  expect(result.exitedOnItsOwn, `still running ${MUST_EXIT_WITHIN_MS} ms after it started:\n${result.output}`).toBe(
    true,
  );
  expect(result.code).toBe(0);
});
