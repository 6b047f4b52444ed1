// The attempt timers: in Node.js they share one platform timer, which must still fire each callback at its own
// time, whatever order they were started in, and never fire a cancelled one.
import { describe, expect, it, vi } from "vitest";
import { sleep, startTimer } from "../src/timers.ts";

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("startTimer", () => {
  it("fires each callback at its own time, an earlier one started later included", async () => {
    const started = Date.now();
    const fired: Array<[string, number]> = [];
    const mark = (name: string) => () => fired.push([name, Date.now() - started]);
    startTimer(mark("late"), 120);
    startTimer(mark("middle"), 60);
    startTimer(mark("early"), 20);
    await settle(200);
    expect(fired.map(([name]) => name)).toEqual(["early", "middle", "late"]);
    for (const [name, at] of fired)
      expect(at, name).toBeGreaterThanOrEqual({ early: 19, middle: 59, late: 119 }[name]!);
  });

  it("never fires a cancelled callback, and the others still fire", async () => {
    const fired: string[] = [];
    const cancelFirst = startTimer(() => fired.push("first"), 20);
    startTimer(() => fired.push("second"), 40);
    cancelFirst();
    await settle(80);
    expect(fired).toEqual(["second"]);
  });

  it("a timer started after all others were cancelled still fires on time", async () => {
    startTimer(() => {}, 10)();
    let firedAt = 0;
    const started = Date.now();
    startTimer(() => (firedAt = Date.now() - started), 50);
    await settle(100);
    expect(firedAt).toBeGreaterThanOrEqual(49);
  });

  it("a timer armed under fake timers is not trusted once real timers are back", async () => {
    vi.useFakeTimers();
    try {
      startTimer(() => {}, 1_000)();
      startTimer(() => {}, 5_000);
    } finally {
      vi.useRealTimers();
    }
    let fired = false;
    startTimer(() => (fired = true), 30);
    await settle(80);
    expect(fired).toBe(true);
  });

  it("a NaN delay fires at once rather than never", async () => {
    let fired = false;
    startTimer(() => (fired = true), Number.NaN);
    await settle(20);
    expect(fired).toBe(true);
  });

  it("an infinite delay never fires", async () => {
    let fired = false;
    const cancel = startTimer(() => (fired = true), Infinity);
    await settle(30);
    cancel();
    expect(fired).toBe(false);
  });
});

describe("sleep", () => {
  it("resolves after the delay", async () => {
    const started = Date.now();
    await sleep(30, undefined);
    expect(Date.now() - started).toBeGreaterThanOrEqual(29);
  });

  it("rejects with the signal's reason as soon as it aborts", async () => {
    const controller = new AbortController();
    const waiting = sleep(10_000, controller.signal);
    controller.abort(new Error("stop"));
    await expect(waiting).rejects.toThrow("stop");
  });
});
