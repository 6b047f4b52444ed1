// Timers whose delay may come from options or servers. setTimeout treats anything above 2^31-1 ms as 1 ms,
// so an "infinite" timeout would fire at once; the clamp keeps such a timer merely very long. Below 0 it is
// clamped too: newer Node versions warn about negative delays.
const MAX_TIMER_MS = 2_147_483_647;
const delay = (ms: number) => Math.max(0, Math.min(ms, MAX_TIMER_MS));

// In Node.js, attempt timeouts share one platform timer, armed for the earliest of them. Creating and clearing a
// timer for every attempt cost about a seventh of the client's own time per call; with one shared timer, an
// attempt that settles only leaves the set. While no attempt is pending the timer is unref'd, so it never keeps
// a process alive; while one is, it does, as the attempt's own timer would. Where a timer is a plain number
// (browsers, Workers, Deno) it may belong to one request's context and end with it, so there each attempt
// keeps a timer of its own.
type Pending = { at: number; run: () => void };
const pending = new Set<Pending>();
let timer: ReturnType<typeof setTimeout> | undefined;
let armedFor = Infinity;

/** (Re)arms the timer for the earliest pending deadline. */
function arm(): void {
  clearTimeout(timer);
  armedFor = Infinity;
  for (const entry of pending) armedFor = Math.min(armedFor, entry.at);
  if (armedFor < Infinity) timer = setTimeout(fire, delay(armedFor - Date.now()));
}

function fire(): void {
  const now = Date.now();
  for (const entry of pending) {
    if (entry.at <= now) {
      pending.delete(entry);
      entry.run();
    }
  }
  arm();
}

/** Runs `callback` after `ms`, unless the function it returns is called first. */
export function startTimer(callback: () => void, ms: number): () => void {
  if (typeof timer === "number") {
    const own = setTimeout(callback, delay(ms));
    return () => clearTimeout(own);
  }
  const entry = { at: Date.now() + ms, run: callback };
  pending.add(entry);
  // Deadlines mostly come in increasing order, so the armed timer usually stays as it is.
  if (entry.at < armedFor) arm();
  else (timer as { ref?: () => void } | undefined)?.ref?.();
  return () => {
    pending.delete(entry);
    if (!pending.size) (timer as { unref?: () => void } | undefined)?.unref?.();
  };
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
