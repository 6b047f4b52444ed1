// Timers whose delay may come from options or servers. setTimeout treats anything above 2^31-1 ms as 1 ms,
// so an "infinite" timeout would fire at once: longer waits are served in parts of at most that. Below 0 a delay
// is clamped to 0: newer Node versions warn about negative delays.
const MAX_TIMER_MS = 2_147_483_647;
const delay = (ms: number) => Math.max(0, Math.min(ms, MAX_TIMER_MS));

/**
 * Runs `callback` after `ms` (NaN counts as 0; Infinity never), unless the function it returns is called first.
 * A wait longer than a platform timer can hold is served in parts. One platform timer per wait: a shared
 * scheduler saved microseconds per call, which no network call notices, and cost bytes and subtlety.
 */
export function startTimer(callback: () => void, ms: number): () => void {
  let timer: ReturnType<typeof setTimeout>;
  const wait = (left: number) => {
    timer = setTimeout(left > MAX_TIMER_MS ? () => wait(left - MAX_TIMER_MS) : callback, delay(left));
  };
  wait(ms || 0);
  return () => clearTimeout(timer);
}

/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts; leaves no timer or listener behind. */
export function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      cancel();
      reject(signal!.reason);
    };
    const cancel = startTimer(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort);
  });
}
