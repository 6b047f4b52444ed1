// The built ESM client (dist/index.mjs and the chunk it imports) in the real Cloudflare Workers runtime,
// workerd, through miniflare: esbuild bundles a small worker around the published build (never src/), the
// worker takes its token from an env binding, and calls local servers over plain http on 127.0.0.1.
// Workers differ from Node where the client cares: setTimeout returns a number (so each attempt keeps its own
// timer, see src/timers.ts), there is no `process`, and fetch is the runtime's own.
import type { ServerResponse } from "node:http";
import { relative } from "node:path";
import { build } from "esbuild";
import { Miniflare } from "miniflare";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FAST_BACKOFF, TOKEN, validParams, waitFor } from "./helpers.ts";
import { DIST_DIR, ESM_BUILD, ensureFreshBuild, PACKAGE_DIR } from "./support/built-client.ts";
import { type FaultServer, startFaultServer } from "./support/fault-server.ts";
import { startServer, type TestServer } from "./support/http-server.ts";
import { successBody, successJson } from "./support/participant.ts";

// Runs in workerd. Each request's JSON body says where to call and with which options; the answer is the
// participant, or the error made JSON-friendly (stack included, so the token check below covers it), plus
// every line the client logged at debug level and what the runtime's setTimeout returns.
const WORKER = `
import * as api from ${JSON.stringify(ESM_BUILD)};

const plain = (_key, value) => (value instanceof Error ? { name: value.name, message: value.message, stack: value.stack } : value);
const answer = (body) => new Response(JSON.stringify(body, plain), { headers: { "content-type": "application/json" } });

export default {
  async fetch(request, env) {
    const { baseUrl, params, options } = await request.json();
    const logs = [];
    const logger = Object.fromEntries(["debug", "info", "warn", "error"].map((level) => [level, (message, details) => logs.push({ level, message, details })]));
    const probe = setTimeout(() => {}, 0);
    clearTimeout(probe);
    const base = { timerType: typeof probe, hasProcess: typeof process !== "undefined", logs };
    try {
      const client = api.createRealtimeKitClient({ apiToken: env.CLOUDFLARE_API_TOKEN, baseUrl, logger, logLevel: "debug", ...options });
      return answer({ ...base, participant: await client.getMeetingParticipant(params) });
    } catch (error) {
      const { name, message, status, scope, attempts, field, rule, timeoutMs, stack } = error;
      const isRealtimeKitError = error instanceof api.RealtimeKitError;
      return answer({ ...base, error: { name, message, status, scope, attempts, field, rule, timeoutMs, isRealtimeKitError, stack } });
    }
  },
};
`;

type WorkerError = {
  name: string;
  message: string;
  status?: number;
  scope?: string;
  attempts?: number;
  field?: string;
  rule?: string;
  timeoutMs?: number;
  isRealtimeKitError: boolean;
};
type WorkerAnswer = {
  text: string;
  timerType: string;
  hasProcess: boolean;
  logs: unknown[];
  participant?: unknown;
  error?: WorkerError;
};

const STARTUP_MS = 60_000;

let faults: FaultServer;
/** Answers the participant, but only when the test calls release(). */
let held: TestServer;
const waiting: ServerResponse[] = [];
const release = () => {
  for (const response of waiting.splice(0))
    response.writeHead(200, { "content-type": "application/json" }).end(successJson());
};
let script: string;
let bundledInputs: string[];
let worker: Miniflare;
const workers: Miniflare[] = [];

/** A fresh workerd with the bundled worker; disposed in afterAll. */
async function startWorker(): Promise<Miniflare> {
  const mf = new Miniflare({
    modules: true,
    script,
    compatibilityDate: "2026-07-01",
    bindings: { CLOUDFLARE_API_TOKEN: TOKEN },
  });
  workers.push(mf);
  await mf.ready;
  return mf;
}

/** Asks `mf`'s worker to fetch the participant from `baseUrl`. */
async function call(
  mf: Miniflare,
  baseUrl: string,
  options: Record<string, unknown> = {},
  params: Record<string, string> = validParams(),
): Promise<WorkerAnswer> {
  const body = JSON.stringify({ baseUrl, params, options: { backoff: FAST_BACKOFF, ...options } });
  const response = await mf.dispatchFetch("http://worker.test/", { method: "POST", body });
  const text = await response.text();
  expect(response.status, text).toBe(200);
  return { text, ...(JSON.parse(text) as Omit<WorkerAnswer, "text">) };
}

/** `call`, and how long it took as seen from Node. */
async function timed(mf: Miniflare, baseUrl: string, options?: Record<string, unknown>) {
  const started = performance.now();
  const result = await call(mf, baseUrl, options);
  return { ...result, elapsedMs: performance.now() - started };
}

beforeAll(async () => {
  ensureFreshBuild();
  const bundle = await build({
    stdin: { contents: WORKER, loader: "js", resolveDir: PACKAGE_DIR, sourcefile: "worker.mjs" },
    bundle: true,
    format: "esm",
    platform: "neutral",
    target: "es2022",
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  script = bundle.outputFiles[0]!.text;
  bundledInputs = Object.keys(bundle.metafile.inputs);
  [faults, held, worker] = await Promise.all([
    startFaultServer(),
    startServer((_, response) => void waiting.push(response)),
    startWorker(),
  ]);
}, STARTUP_MS);

afterAll(async () => {
  await Promise.all(workers.map((mf) => mf.dispose()));
  release();
  await Promise.all([faults?.close(), held?.close()]);
});

describe("the built ESM client in workerd (miniflare)", () => {
  it("is bundled from dist/ (the entry and its chunks), not from src/", () => {
    const distRelative = relative(PACKAGE_DIR, DIST_DIR);
    const modules = bundledInputs.filter((input) => input !== "worker.mjs");
    expect(modules).toContain(`${distRelative}/index.mjs`);
    expect(modules.length).toBeGreaterThan(1);
    for (const input of modules) expect(input).toMatch(new RegExp(`^${distRelative}/[^/]+\\.mjs$`));
  });

  it("runs in a Workers runtime: setTimeout returns a number and there is no process", async () => {
    const result = await call(worker, faults.baseUrl("ok"));
    expect(result).toMatchObject({ timerType: "number", hasProcess: false });
  });

  it("fetches the participant the server sent, authenticating with the token from the env binding", async () => {
    const before = faults.requests.length;
    const result = await call(worker, faults.baseUrl("ok"));
    expect(result.error).toBeUndefined();
    expect(result.participant).toEqual(successBody().data);
    const seen = faults.requests.slice(before);
    expect(seen).toHaveLength(1);
    const { account_id, app_id, meeting_id, participant_id } = validParams();
    expect(seen[0]!.url).toBe(
      `/ok/accounts/${account_id}/realtime/kit/${app_id}/meetings/${meeting_id}/participants/${participant_id}`,
    );
    expect(seen[0]!.headers.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it("refuses a malformed meeting_id before any request", async () => {
    const before = faults.requests.length;
    const result = await call(worker, faults.baseUrl("ok"), {}, { ...validParams(), meeting_id: "not-a-uuid" });
    expect(result.error).toMatchObject({
      name: "RealtimeKitValidationError",
      field: "meeting_id",
      rule: "format",
      isRealtimeKitError: true,
    });
    expect(faults.requests.length).toBe(before);
  });

  it("times out each attempt of a server that never answers, then gives up after maxRetries", async () => {
    const before = faults.hits("headers-never-sent");
    const result = await timed(worker, faults.baseUrl("headers-never-sent"), { timeoutMs: 300, maxRetries: 1 });
    expect(result.error).toMatchObject({
      name: "RealtimeKitTimeoutError",
      scope: "attempt",
      timeoutMs: 300,
      attempts: 2,
      isRealtimeKitError: true,
    });
    expect(faults.hits("headers-never-sent") - before).toBe(2);
    // Two attempts of 300 ms each (timer granularity aside), and nowhere near the 60 s default.
    expect(result.elapsedMs).toBeGreaterThanOrEqual(580);
    expect(result.elapsedMs).toBeLessThan(5_000);
  });

  // In workerd a timer belongs to the request that set it and is cancelled when that request ends. Were calls
  // in two requests to share one timer (as they did in Node, when the client had a scheduler), the one set first (for the call that goes on to
  // succeed, whose deadline is the earlier) would serve both and die with its request: the other call would
  // never time out. The succeeding call is held by its server until the other call's request has arrived, so
  // both are in flight at once, in that order. A fresh isolate also covers the first call there, made before
  // the client has seen what setTimeout returns.
  it("settles concurrent calls, one succeeding and one timing out, each on its own timer (fresh isolate)", async () => {
    const fresh = await startWorker();
    const hangsBefore = faults.hits("headers-never-sent");
    const heldBefore = held.requests.length;
    const okCall = timed(fresh, held.origin, { timeoutMs: 500 });
    await waitFor(() => held.requests.length > heldBefore, "the succeeding call's request");
    const hangingCall = timed(fresh, faults.baseUrl("headers-never-sent"), { timeoutMs: 500, maxRetries: 1 });
    await waitFor(() => faults.hits("headers-never-sent") > hangsBefore, "the hanging call's first request");
    release();
    const [ok, hanging] = await Promise.all([okCall, hangingCall]);
    expect(ok.timerType).toBe("number");
    expect(ok.error).toBeUndefined();
    expect(ok.participant).toEqual(successBody().data);
    expect(hanging.error).toMatchObject({
      name: "RealtimeKitTimeoutError",
      scope: "attempt",
      timeoutMs: 500,
      attempts: 2,
    });
    expect(faults.hits("headers-never-sent") - hangsBefore).toBe(2);
    expect(hanging.elapsedMs).toBeGreaterThanOrEqual(970);
    expect(hanging.elapsedMs).toBeLessThan(5_000);
  }, 15_000);

  it("keeps the token out of errors even when the server quotes it back", async () => {
    const result = await call(worker, faults.baseUrl("echoes-token"), { maxRetries: 0 });
    expect(result.error).toMatchObject({ name: "RealtimeKitApiError", status: 401, attempts: 1 });
    // The server did quote it; the client replaced it in the message (and the stack) and in its log lines.
    expect(result.error!.message).toContain('"Bearer [redacted]"');
    expect(result.text).toContain('"authorization":"[redacted]"');
    expect(result.text).not.toContain(TOKEN);
  });

  it("sent `Authorization: Bearer <token>` on every request, and never put the token in what it returned", async () => {
    const before = faults.requests.length;
    // A success, an error the server quotes the token in, a refusal before sending, and a timeout after a retry.
    const texts = [
      await call(worker, faults.baseUrl("ok")),
      await call(worker, faults.baseUrl("echoes-token"), { maxRetries: 0 }),
      await call(worker, faults.baseUrl("ok"), {}, { ...validParams(), meeting_id: "not-a-uuid" }),
      await call(worker, faults.baseUrl("headers-never-sent"), { timeoutMs: 100, maxRetries: 1 }),
    ].map((answer) => answer.text);
    const requests = faults.requests.slice(before);
    expect(requests).toHaveLength(4);
    for (const request of requests) expect(request.headers.authorization).toBe(`Bearer ${TOKEN}`);
    for (const text of texts) expect(text).not.toContain(TOKEN);
    // What was checked was real: three answers hold an error (message, stack), three the debug lines of requests.
    expect(texts.filter((text) => text.includes('"error":'))).toHaveLength(3);
    expect(texts.filter((text) => text.includes('"message":"[realtimekit-api] request"'))).toHaveLength(3);
  });
});
