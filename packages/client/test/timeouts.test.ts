// Per-attempt timeouts, the call's deadline, and the caller's own abort signal, per client and per call.
import { getEventListeners } from "node:events";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import {
  createRealtimeKitClient,
  type FetchFunction,
  RealtimeKitConnectionError,
  RealtimeKitError,
  RealtimeKitTimeoutError,
} from "../src/index.ts";
import { FAST_BACKOFF, json, TOKEN, validParams, waitFor, watch, watchUnhandledRejections } from "./helpers.ts";
import { type FaultServer, startFaultServer } from "./support/fault-server.ts";
import { successBody } from "./support/participant.ts";

const rejections = watchUnhandledRejections();
let faults: FaultServer;
beforeAll(async () => {
  faults = await startFaultServer();
});
afterAll(async () => {
  await faults.close();
  rejections.stop();
  expect(rejections.seen).toEqual([]);
});
afterEach(() => {
  // Spies first: a spy on the fake setTimeout left in place would outlive the fake clock, and no later timer in
  // this worker would ever fire.
  vi.restoreAllMocks();
  vi.useRealTimers();
});

/** A fetch that answers only when the test says so (or never). */
function heldFetch() {
  let answer: (response: Response) => void = () => {};
  const fetch: FetchFunction = () => new Promise<Response>((resolve) => (answer = resolve));
  return { fetch, answer: (response: Response) => answer(response) };
}

/**
 * The client as a fresh module graph, for tests that count timers: its timers module then holds no timer that
 * earlier tests (in whatever order they ran) left armed.
 */
async function freshClientModule() {
  vi.resetModules();
  return await import("../src/index.ts");
}

/** Lets every promise reaction that is already due run: what settles "at once" has settled after this. */
const afterPendingReactions = () => new Promise((resolve) => setImmediate(resolve));

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Parameters naming a participant of the test's own, and how many requests for it the fault server has seen:
 * a request of another test that arrives late (one aborted as it was sent, say) is not counted.
 */
let participants = 0;
function ownParticipant() {
  const participant_id = `timeouts-${++participants}`;
  return {
    params: { ...validParams(), participant_id },
    requests: () => faults.requests.filter((request) => request.url.endsWith(`/participants/${participant_id}`)).length,
  };
}

const hangingClient = (options = {}) =>
  createRealtimeKitClient({
    apiToken: TOKEN,
    baseUrl: faults.baseUrl("headers-never-sent"),
    backoff: FAST_BACKOFF,
    ...options,
  });

describe("timeoutMs", () => {
  it("per client: every attempt gets it", async () => {
    const own = ownParticipant();
    const error = await hangingClient({ timeoutMs: 100, maxRetries: 1 })
      .getMeetingParticipant(own.params)
      .catch((e) => e);
    expect(error).toBeInstanceOf(RealtimeKitTimeoutError);
    expect(error).toMatchObject({ scope: "attempt", timeoutMs: 100, attempts: 2, retryable: true });
    expect(own.requests()).toBe(2);
  });

  it("per call: overrides the client's, and so does maxRetries", async () => {
    const own = ownParticipant();
    const client = hangingClient({ timeoutMs: 60_000, maxRetries: 5 });
    const error = await client.getMeetingParticipant(own.params, { timeoutMs: 80, maxRetries: 0 }).catch((e) => e);
    expect(error).toMatchObject({ name: "RealtimeKitTimeoutError", scope: "attempt", timeoutMs: 80, attempts: 1 });
    expect(own.requests()).toBe(1);
  });

  it("is enforced even when a custom fetch ignores the abort signal", async () => {
    const client = createRealtimeKitClient({
      apiToken: TOKEN,
      baseUrl: "http://127.0.0.1:9",
      backoff: FAST_BACKOFF,
      fetch: () => new Promise<Response>(() => {}),
    });
    const error = await client.getMeetingParticipant(validParams(), { timeoutMs: 50, maxRetries: 1 }).catch((e) => e);
    expect(error).toMatchObject({ name: "RealtimeKitTimeoutError", scope: "attempt", attempts: 2 });
  });

  it("aborts the signal a custom fetch was given, one signal per attempt", async () => {
    const signals: AbortSignal[] = [];
    const client = createRealtimeKitClient({
      apiToken: TOKEN,
      baseUrl: "http://127.0.0.1:9",
      backoff: FAST_BACKOFF,
      fetch: (_url, init) =>
        new Promise<Response>((_, reject) => {
          signals.push(init.signal!);
          init.signal!.addEventListener("abort", () => reject(init.signal!.reason));
        }),
    });
    const error = await client.getMeetingParticipant(validParams(), { timeoutMs: 50, maxRetries: 1 }).catch((e) => e);
    expect(error).toMatchObject({ name: "RealtimeKitTimeoutError", scope: "attempt", attempts: 2 });
    expect(signals).toHaveLength(2);
    expect(signals[0]).not.toBe(signals[1]);
    expect(signals.map((signal) => signal.aborted)).toEqual([true, true]);
  });

  it("defaults to 60 000 ms per attempt", async () => {
    vi.useFakeTimers();
    const { fetch } = heldFetch();
    const client = createRealtimeKitClient({ apiToken: TOKEN, baseUrl: "http://127.0.0.1:9", maxRetries: 0, fetch });
    const call = watch(client.getMeetingParticipant(validParams()));
    await vi.advanceTimersByTimeAsync(59_999);
    expect(call.outcome).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(call.outcome?.error).toBeInstanceOf(RealtimeKitTimeoutError);
    expect(call.outcome?.error).toMatchObject({ scope: "attempt", timeoutMs: 60_000, attempts: 1 });
  });

  it.each([
    ["timeoutMs", { timeoutMs: Infinity }],
    ["deadlineMs", { deadlineMs: Infinity }],
    ["both", { timeoutMs: Infinity, deadlineMs: Infinity }],
  ])("Infinity turns the limit off (%s), rather than making it fire at once", async (_, limits) => {
    vi.useFakeTimers();
    const { fetch, answer } = heldFetch();
    // An attempt timeout of its own (a day) where the attempt timeout is not the limit under test.
    const client = createRealtimeKitClient({
      apiToken: TOKEN,
      baseUrl: "http://127.0.0.1:9",
      timeoutMs: 30 * DAY_MS,
      fetch,
      ...limits,
    });
    const call = watch(client.getMeetingParticipant(validParams()));
    await vi.advanceTimersByTimeAsync(29 * DAY_MS);
    expect(call.outcome).toBeUndefined();
    answer(json(successBody()));
    await vi.advanceTimersByTimeAsync(0);
    expect(call.outcome).toEqual({ value: successBody().data });
  });

  it("a finite limit above 2^31-1 ms (about 24.8 days) neither fires early nor re-arms in a loop", async () => {
    vi.useFakeTimers();
    const armed = vi.spyOn(globalThis, "setTimeout");
    const { fetch } = heldFetch();
    const timeoutMs = 2 ** 31 + 1_000;
    const { createRealtimeKitClient } = await freshClientModule();
    const client = createRealtimeKitClient({ apiToken: TOKEN, baseUrl: "http://127.0.0.1:9", maxRetries: 0, fetch });
    const call = watch(client.getMeetingParticipant(validParams(), { timeoutMs }));
    await vi.advanceTimersByTimeAsync(1_000);
    // A platform timer cannot wait that long (Node.js fires it after 1 ms instead): one timer, armed for the most
    // it can wait, and nothing else since.
    expect(armed.mock.calls.map(([, ms]) => ms)).toEqual([2 ** 31 - 1]);
    await vi.advanceTimersByTimeAsync(timeoutMs - 1_001);
    expect(call.outcome).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(call.outcome?.error).toMatchObject({ name: "RealtimeKitTimeoutError", timeoutMs });
    expect(armed.mock.calls.length).toBeLessThanOrEqual(3);
  });
});

describe("deadlineMs", () => {
  it("per client: bounds retries and waits together", async () => {
    // On the fake clock, so a busy machine cannot move where the deadline falls: attempts end at 100 and ~210 ms,
    // each followed by a wait of at most 10 ms, and the third attempt is cut by the deadline at 250 ms.
    vi.useFakeTimers();
    let requests = 0;
    const client = createRealtimeKitClient({
      apiToken: TOKEN,
      baseUrl: "http://127.0.0.1:9",
      timeoutMs: 100,
      deadlineMs: 250,
      maxRetries: 10,
      backoff: { initialDelayMs: 10, maxDelayMs: 10 },
      fetch: () => {
        requests++;
        return new Promise<Response>(() => {});
      },
    });
    const call = watch(client.getMeetingParticipant(validParams()));
    await vi.advanceTimersByTimeAsync(249);
    expect(call.outcome).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(call.outcome?.error).toBeInstanceOf(RealtimeKitTimeoutError);
    expect(call.outcome?.error).toMatchObject({ scope: "deadline", timeoutMs: 250, attempts: 3 });
    expect(requests).toBe(3);
  });

  it("per call: overrides the client's", async () => {
    const client = hangingClient({ deadlineMs: 60_000, maxRetries: 0 });
    const error = await client.getMeetingParticipant(validParams(), { deadlineMs: 60 }).catch((e) => e);
    expect(error).toMatchObject({
      name: "RealtimeKitTimeoutError",
      scope: "deadline",
      timeoutMs: 60,
      attempts: 1,
      retryable: false,
    });
  });

  it("a deadline that ends with the attempt's timeout is reported as the deadline", async () => {
    vi.useFakeTimers();
    const { fetch } = heldFetch();
    const client = createRealtimeKitClient({ apiToken: TOKEN, baseUrl: "http://127.0.0.1:9", fetch });
    const call = watch(client.getMeetingParticipant(validParams(), { timeoutMs: 1_000, deadlineMs: 1_000 }));
    await vi.advanceTimersByTimeAsync(1_000);
    expect(call.outcome?.error).toMatchObject({
      name: "RealtimeKitTimeoutError",
      scope: "deadline",
      retryable: false,
      attempts: 1,
    });
  });

  it("does not start a retry wait that would end just as it does", async () => {
    vi.useFakeTimers();
    let requests = 0;
    const client = createRealtimeKitClient({
      apiToken: TOKEN,
      baseUrl: "http://127.0.0.1:9",
      fetch: async () => {
        requests++;
        return json({ success: false, errors: [] }, 503, { "retry-after-ms": "1000" });
      },
    });
    const call = watch(client.getMeetingParticipant(validParams(), { deadlineMs: 1_000 }));
    await vi.advanceTimersByTimeAsync(0);
    expect(call.outcome?.error).toMatchObject({ name: "RealtimeKitApiError", status: 503, attempts: 1 });
    expect(requests).toBe(1);
  });

  it("does not start a retry wait that would end past it: the real failure is reported", async () => {
    let requests = 0;
    const client = createRealtimeKitClient({
      apiToken: TOKEN,
      baseUrl: "http://127.0.0.1:9",
      fetch: async () => {
        requests++;
        return json({ success: false, errors: [{ code: 1, message: "busy" }] }, 503, { "retry-after": "30" });
      },
    });
    const error = await client.getMeetingParticipant(validParams(), { deadlineMs: 5_000 }).catch((e) => e);
    expect(error).toMatchObject({ name: "RealtimeKitApiError", status: 503, attempts: 1 });
    expect(requests).toBe(1);
  });
});

describe("the caller's signal", () => {
  it("aborts an attempt in flight at once, as the platform's AbortError, without retry", async () => {
    const own = ownParticipant();
    const controller = new AbortController();
    const call = hangingClient({ timeoutMs: 60_000 }).getMeetingParticipant(own.params, {
      signal: controller.signal,
    });
    await waitFor(() => own.requests() > 0, "the request to arrive");
    controller.abort();
    const error = await call.catch((e) => e);
    expect(error).toBeInstanceOf(DOMException);
    expect(error.name).toBe("AbortError");
    expect(error).not.toBeInstanceOf(RealtimeKitError);
    expect(own.requests()).toBe(1);
  });

  it("aborts a retry wait at once", async () => {
    const own = ownParticipant();
    const controller = new AbortController();
    const client = createRealtimeKitClient({
      apiToken: TOKEN,
      baseUrl: faults.baseUrl("status-503"),
      backoff: { initialDelayMs: 60_000 },
    });
    const call = client.getMeetingParticipant(own.params, { signal: controller.signal });
    await waitFor(() => own.requests() > 0, "the first attempt");
    controller.abort();
    await expect(call).rejects.toMatchObject({ name: "AbortError" });
    expect(own.requests()).toBe(1);
  });

  it("surfaces the caller's own abort reason", async () => {
    const reason = new Error("user navigated away");
    const controller = new AbortController();
    const call = hangingClient().getMeetingParticipant(validParams(), { signal: controller.signal });
    controller.abort(reason);
    await expect(call).rejects.toBe(reason);
  });

  it.each([0, 2])(
    "an abort in flight rejects at once with the signal's reason (maxRetries %i): no retry line, no wait, no connection error",
    async (maxRetries) => {
      const reason = new Error("the caller gave up");
      const controller = new AbortController();
      const warnings: string[] = [];
      let requests = 0;
      const client = createRealtimeKitClient({
        apiToken: TOKEN,
        baseUrl: "http://127.0.0.1:9",
        maxRetries,
        // A wait this long could not pass unnoticed: the call would not have settled below.
        backoff: { initialDelayMs: 60_000, maxDelayMs: 60_000 },
        logger: { warn: (message) => warnings.push(message) },
        // As the platform's fetch does when its signal aborts: it fails with an error of its own.
        fetch: (_url, init) => {
          requests++;
          return new Promise<Response>((_, reject) =>
            init.signal!.addEventListener("abort", () => reject(new TypeError("fetch failed"))),
          );
        },
      });
      const call = watch(client.getMeetingParticipant(validParams(), { signal: controller.signal }));
      controller.abort(reason);
      await afterPendingReactions();
      expect(call.outcome?.error).toBe(reason);
      expect(call.outcome?.error).not.toBeInstanceOf(RealtimeKitConnectionError);
      expect(warnings).toEqual([]);
      expect(requests).toBe(1);
    },
  );

  it("a signal used for many calls keeps no listener once each has settled", async () => {
    const controller = new AbortController();
    const listeners = () => getEventListeners(controller.signal, "abort").length;
    let mostSeen = 0;
    const answers: Array<() => Promise<Response>> = [
      async () => json(successBody()),
      async () => json({ success: false, errors: [] }, 503),
      async () => json({ success: false, errors: [] }, 503),
      async () => json(successBody()),
      async () => {
        throw new TypeError("fetch failed");
      },
      () => new Promise<Response>(() => {}),
    ];
    const client = createRealtimeKitClient({
      apiToken: TOKEN,
      baseUrl: "http://127.0.0.1:9",
      backoff: FAST_BACKOFF,
      maxRetries: 0,
      timeoutMs: 20,
      fetch: async () => {
        // The client listens once the attempt has started, just after calling fetch.
        await null;
        mostSeen = Math.max(mostSeen, listeners());
        return answers.shift()!();
      },
    });
    const signal = controller.signal;
    // A success; a success after a retry wait; a connection error; an attempt timeout; a refused parameter.
    await client.getMeetingParticipant(validParams(), { signal });
    expect(listeners()).toBe(0);
    await client.getMeetingParticipant(validParams(), { signal, maxRetries: 2, timeoutMs: 5_000 });
    expect(listeners()).toBe(0);
    await client.getMeetingParticipant(validParams(), { signal }).catch(() => {});
    expect(listeners()).toBe(0);
    await client.getMeetingParticipant(validParams(), { signal }).catch(() => {});
    expect(listeners()).toBe(0);
    await client.getMeetingParticipant({ ...validParams(), meeting_id: "x" }, { signal }).catch(() => {});
    expect(listeners()).toBe(0);
    expect(answers).toEqual([]);
    // The calls did listen while they ran, so the zeros above are the listeners removed.
    expect(mostSeen).toBeGreaterThan(0);
  });

  it("an already-aborted signal sends nothing", async () => {
    const own = ownParticipant();
    const client = createRealtimeKitClient({ apiToken: TOKEN, baseUrl: faults.baseUrl("ok") });
    await expect(client.getMeetingParticipant(own.params, { signal: AbortSignal.abort() })).rejects.toMatchObject({
      name: "AbortError",
    });
    expect(own.requests()).toBe(0);
  });
});
