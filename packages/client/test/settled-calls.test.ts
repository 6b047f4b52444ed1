// When a call settles, nothing it started may keep a Node.js process alive. process-exit.test.ts checks the built
// package in a process of its own; this checks src/ in the test's own process, by looking at each platform timer
// the client created.
import { afterEach, expect, it, type MockInstance, vi } from "vitest";
import type { FetchFunction } from "../src/index.ts";
import { json, TOKEN, validParams, watch } from "./helpers.ts";
import { successBody } from "./support/participant.ts";

afterEach(() => {
  vi.restoreAllMocks();
});

type Timer = ReturnType<typeof setTimeout> & { _destroyed?: boolean };

/**
 * Counts the timers made through the global setTimeout from now on that would keep the process alive: still
 * pending (Node.js marks a timer that fired or was cleared `_destroyed`) and ref'd (the client's shared timer is
 * unref'd once nothing waits on it).
 */
function watchTimers() {
  const created: MockInstance<typeof setTimeout> = vi.spyOn(globalThis, "setTimeout");
  return () =>
    created.mock.results.filter(({ value }) => {
      const timer = value as Timer;
      return !timer._destroyed && timer.hasRef();
    }).length;
}

/** The client as a fresh module graph: its timers module then holds no timer that another test left armed. */
async function freshClient(fetch: FetchFunction, options: Record<string, unknown> = {}) {
  vi.resetModules();
  const { createRealtimeKitClient } = await import("../src/index.ts");
  return createRealtimeKitClient({ apiToken: TOKEN, baseUrl: "http://127.0.0.1:9", fetch, ...options });
}

/** Lets every promise reaction that is already due run. */
const afterPendingReactions = () => new Promise((resolve) => setImmediate(resolve));

it("an abort during a retry wait leaves no timer running", async () => {
  const controller = new AbortController();
  let waiting!: () => void;
  const waitStarted = new Promise<void>((resolve) => (waiting = resolve));
  const client = await freshClient(async () => json({ success: false, errors: [] }, 503), {
    // Ten minutes: far longer than the test may take, so only a cancelled wait lets it pass.
    backoff: { initialDelayMs: 600_000, maxDelayMs: 600_000 },
    // The retry line is logged just before the wait starts.
    logger: { warn: () => setImmediate(waiting) },
  });
  const liveTimers = watchTimers();
  const call = watch(client.getMeetingParticipant(validParams(), { signal: controller.signal }));
  await waitStarted;
  expect(liveTimers()).toBe(1);
  controller.abort();
  await afterPendingReactions();
  expect(call.outcome?.error).toMatchObject({ name: "AbortError" });
  expect(liveTimers()).toBe(0);
});

it("an attempt in flight keeps its timer alive; once the call settles, no timer is", async () => {
  let answer!: (response: Response) => void;
  let started!: () => void;
  const attemptStarted = new Promise<void>((resolve) => (started = resolve));
  const client = await freshClient(() => {
    setImmediate(started);
    return new Promise<Response>((resolve) => (answer = resolve));
  });
  const liveTimers = watchTimers();
  const call = watch(client.getMeetingParticipant(validParams()));
  await attemptStarted;
  // The default 60 s attempt timeout, which must keep the process alive while the attempt is pending.
  expect(liveTimers()).toBe(1);
  answer(json(successBody()));
  await afterPendingReactions();
  expect(call.outcome).toEqual({ value: successBody().data });
  expect(liveTimers()).toBe(0);
});
