// Per-attempt timeouts, the call's deadline, and the caller's own abort signal, per client and per call.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRealtimeKitClient, RealtimeKitError, RealtimeKitTimeoutError } from "../src/index.ts";
import { FAST_BACKOFF, json, TOKEN, validParams, waitFor, watchUnhandledRejections } from "./helpers.ts";
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

const hangingClient = (options = {}) =>
  createRealtimeKitClient({
    apiToken: TOKEN,
    baseUrl: faults.baseUrl("headers-never-sent"),
    backoff: FAST_BACKOFF,
    ...options,
  });

describe("timeoutMs", () => {
  it("per client: every attempt gets it", async () => {
    const before = faults.hits("headers-never-sent");
    const error = await hangingClient({ timeoutMs: 100, maxRetries: 1 })
      .getMeetingParticipant(validParams())
      .catch((e) => e);
    expect(error).toBeInstanceOf(RealtimeKitTimeoutError);
    expect(error).toMatchObject({ scope: "attempt", timeoutMs: 100, attempts: 2, retryable: true });
    expect(faults.hits("headers-never-sent") - before).toBe(2);
  });

  it("per call: overrides the client's, and so does maxRetries", async () => {
    const before = faults.hits("headers-never-sent");
    const client = hangingClient({ timeoutMs: 60_000, maxRetries: 5 });
    const error = await client.getMeetingParticipant(validParams(), { timeoutMs: 80, maxRetries: 0 }).catch((e) => e);
    expect(error).toMatchObject({ name: "RealtimeKitTimeoutError", scope: "attempt", timeoutMs: 80, attempts: 1 });
    expect(faults.hits("headers-never-sent") - before).toBe(1);
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

  it("Infinity means no attempt timeout, not an immediate one", async () => {
    const client = createRealtimeKitClient({
      apiToken: TOKEN,
      baseUrl: "http://127.0.0.1:9",
      timeoutMs: Infinity,
      fetch: async () => json(successBody()),
    });
    await expect(client.getMeetingParticipant(validParams())).resolves.toEqual(successBody().data);
  });
});

describe("deadlineMs", () => {
  it("per client: bounds retries and waits together", async () => {
    const before = faults.hits("headers-never-sent");
    const client = hangingClient({ timeoutMs: 100, deadlineMs: 250, maxRetries: 10 });
    const error = await client.getMeetingParticipant(validParams()).catch((e) => e);
    expect(error).toBeInstanceOf(RealtimeKitTimeoutError);
    expect(error).toMatchObject({ scope: "deadline", timeoutMs: 250 });
    // How many 100 ms attempts fit before the deadline depends on the machine's load; that they were retried does not.
    expect(error.attempts).toBeGreaterThanOrEqual(2);
    expect(faults.hits("headers-never-sent") - before).toBe(error.attempts);
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
    const before = faults.hits("headers-never-sent");
    const controller = new AbortController();
    const call = hangingClient({ timeoutMs: 60_000 }).getMeetingParticipant(validParams(), {
      signal: controller.signal,
    });
    await waitFor(() => faults.hits("headers-never-sent") > before, "the request to arrive");
    controller.abort();
    const error = await call.catch((e) => e);
    expect(error).toBeInstanceOf(DOMException);
    expect(error.name).toBe("AbortError");
    expect(error).not.toBeInstanceOf(RealtimeKitError);
    expect(faults.hits("headers-never-sent") - before).toBe(1);
  });

  it("aborts a retry wait at once", async () => {
    const before = faults.hits("status-503");
    const controller = new AbortController();
    const client = createRealtimeKitClient({
      apiToken: TOKEN,
      baseUrl: faults.baseUrl("status-503"),
      backoff: { initialDelayMs: 60_000 },
    });
    const call = client.getMeetingParticipant(validParams(), { signal: controller.signal });
    await waitFor(() => faults.hits("status-503") > before, "the first attempt");
    controller.abort();
    await expect(call).rejects.toMatchObject({ name: "AbortError" });
    expect(faults.hits("status-503") - before).toBe(1);
  });

  it("surfaces the caller's own abort reason", async () => {
    const reason = new Error("user navigated away");
    const controller = new AbortController();
    const call = hangingClient().getMeetingParticipant(validParams(), { signal: controller.signal });
    controller.abort(reason);
    await expect(call).rejects.toBe(reason);
  });

  it("an already-aborted signal sends nothing", async () => {
    const before = faults.hits("ok");
    const client = createRealtimeKitClient({ apiToken: TOKEN, baseUrl: faults.baseUrl("ok") });
    await expect(client.getMeetingParticipant(validParams(), { signal: AbortSignal.abort() })).rejects.toMatchObject({
      name: "AbortError",
    });
    expect(faults.hits("ok") - before).toBe(0);
  });
});
