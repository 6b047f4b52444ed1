// Timers whose delay may come from options or servers. setTimeout treats anything above 2^31-1 ms as 1 ms,
// so an "infinite" timeout would fire at once; the clamp keeps such a timer merely very long.
const MAX_TIMER_MS = 2_147_483_647;

// Below 0 it is clamped too: newer Node versions warn about negative delays.
export const startTimer = (callback: () => void, ms: number) => setTimeout(callback, Math.max(0, Math.min(ms, MAX_TIMER_MS)));

/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts; leaves no timer or listener behind. */
export function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = startTimer(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort);
  });
}
