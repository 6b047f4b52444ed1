// The attempt timers: each must fire its callback at its own time, whatever order they were started in, never
// fire a cancelled one, and hold waits longer than a platform timer can. Fake timers stand in for the clock
// (performance.now included) wherever a test is about when something fires, and each test loads a fresh timers
// module, so that no test meets a timer another one left armed.
import { afterEach, describe, expect, it, vi } from "vitest";

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

async function freshTimers() {
  vi.resetModules();
  return await import("../src/timers.ts");
}

type Timer = ReturnType<typeof setTimeout> & { _destroyed?: boolean };

describe("startTimer", () => {
  it("fires each callback at its own time, an earlier one started later included", async () => {
    vi.useFakeTimers();
    const { startTimer } = await freshTimers();
    const fired: string[] = [];
    startTimer(() => fired.push("late"), 120);
    startTimer(() => fired.push("middle"), 60);
    startTimer(() => fired.push("early"), 20);
    vi.advanceTimersByTime(19);
    expect(fired).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(fired).toEqual(["early"]);
    vi.advanceTimersByTime(39);
    expect(fired).toEqual(["early"]);
    vi.advanceTimersByTime(1);
    expect(fired).toEqual(["early", "middle"]);
    vi.advanceTimersByTime(60);
    expect(fired).toEqual(["early", "middle", "late"]);
  });

  it("after one fires, the next is the earliest of the rest, whatever order they were started in", async () => {
    vi.useFakeTimers();
    const { startTimer } = await freshTimers();
    const fired: string[] = [];
    startTimer(() => fired.push("first"), 10);
    startTimer(() => fired.push("second"), 30);
    startTimer(() => fired.push("third"), 50);
    vi.advanceTimersByTime(30);
    expect(fired).toEqual(["first", "second"]);
  });

  it("never fires a cancelled callback, and the others still fire", async () => {
    vi.useFakeTimers();
    const { startTimer } = await freshTimers();
    const fired: string[] = [];
    const cancelFirst = startTimer(() => fired.push("first"), 20);
    startTimer(() => fired.push("second"), 40);
    cancelFirst();
    vi.advanceTimersByTime(100);
    expect(fired).toEqual(["second"]);
  });

  it("a timer started after all others were cancelled still fires on time", async () => {
    vi.useFakeTimers();
    const { startTimer } = await freshTimers();
    startTimer(() => {}, 10)();
    let fired = false;
    startTimer(() => (fired = true), 50);
    vi.advanceTimersByTime(49);
    expect(fired).toBe(false);
    vi.advanceTimersByTime(1);
    expect(fired).toBe(true);
  });

  it("a timer armed under fake timers is not trusted once real timers are back", async () => {
    const { startTimer } = await freshTimers();
    vi.useFakeTimers();
    try {
      startTimer(() => {}, 1_000)();
      startTimer(() => {}, 5_000);
    } finally {
      vi.useRealTimers();
    }
    await new Promise<void>((resolve) => startTimer(resolve, 30));
  });

  it("a NaN delay fires at once rather than never", async () => {
    vi.useFakeTimers();
    const { startTimer } = await freshTimers();
    let fired = false;
    startTimer(() => (fired = true), Number.NaN);
    vi.advanceTimersByTime(0);
    expect(fired).toBe(true);
  });

  it("an infinite delay never fires", async () => {
    vi.useFakeTimers();
    const { startTimer } = await freshTimers();
    let fired = false;
    const cancel = startTimer(() => (fired = true), Infinity);
    vi.advanceTimersByTime(10 * 2 ** 31);
    expect(fired).toBe(false);
    cancel();
  });

  it("leaves no live platform timer once the last callback has run", async () => {
    const { startTimer } = await freshTimers();
    const created = vi.spyOn(globalThis, "setTimeout");
    await new Promise<void>((resolve) => startTimer(resolve, 5));
    const live = created.mock.results.filter(({ value }) => !(value as Timer)._destroyed && (value as Timer).hasRef());
    expect(live).toEqual([]);
  });

  it("where a timer is a number (browsers, Workers), each attempt keeps a timer of its own", async () => {
    vi.useFakeTimers();
    // Number ids over the fake timers, as a browser's setTimeout returns them.
    const [fakeSet, fakeClear] = [setTimeout, clearTimeout];
    const handles = new Map<number, ReturnType<typeof setTimeout>>();
    const armed: number[] = [];
    vi.stubGlobal("setTimeout", (run: () => void, ms: number) => {
      armed.push(ms);
      handles.set(handles.size + 1, fakeSet(run, ms));
      return handles.size;
    });
    vi.stubGlobal("clearTimeout", (id: number) => fakeClear(handles.get(id)));
    const { startTimer } = await freshTimers();
    const fired: string[] = [];
    startTimer(() => fired.push("first"), 10);
    const cancelSecond = startTimer(() => fired.push("second"), 20);
    startTimer(() => fired.push("third"), 30);
    cancelSecond();
    expect(armed).toEqual([10, 20, 30]);
    vi.advanceTimersByTime(30);
    expect(fired).toEqual(["first", "third"]);
  });
});

describe("sleep", () => {
  it("resolves after the delay", async () => {
    vi.useFakeTimers();
    const { sleep } = await freshTimers();
    let done = false;
    sleep(30, undefined).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(29);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(done).toBe(true);
  });

  it("rejects with the signal's reason as soon as it aborts", async () => {
    const { sleep } = await freshTimers();
    const controller = new AbortController();
    const waiting = sleep(10_000, controller.signal);
    controller.abort(new Error("stop"));
    await expect(waiting).rejects.toThrow("stop");
  });
});
