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
// keeps a timer of its own (the first one, before that is known, clears the shared timer as it settles).
// Deadlines are read from the monotonic clock, as timers run: a step of the wall clock moves none of them.
type Pending = { at: number; run: () => void };
const pending = new Set<Pending>();
let timer: ReturnType<typeof setTimeout> | undefined;
let armedFor = Infinity;
// The setTimeout that armed the timer: a test framework's fake timers may have replaced it since, and a timer
// of theirs might never fire.
let armedWith: unknown;

/** (Re)arms the timer for `at`, the earliest pending deadline; Infinity leaves it unarmed. */
function arm(at: number): void {
  clearTimeout(timer);
  armedFor = at;
  armedWith = setTimeout;
  if (at < Infinity) timer = setTimeout(fire, delay(at - performance.now()));
}

/** Runs what is due and re-arms for the rest: one pass over the pending set per wake-up. */
function fire(): void {
  const now = performance.now();
  const due: Pending[] = [];
  let next = Infinity;
  for (const entry of pending) {
    if (entry.at <= now) {
      pending.delete(entry);
      due.push(entry);
    } else if (entry.at < next) next = entry.at;
  }
  // Re-armed first, so that a callback which threw could not stop the others' timers.
  arm(next);
  for (const entry of due) entry.run();
}

/** Runs `callback` after `ms` (NaN counts as 0), unless the function it returns is called first. */
export function startTimer(callback: () => void, ms: number): () => void {
  if (typeof timer === "number") {
    const own = setTimeout(callback, delay(ms));
    return () => clearTimeout(own);
  }
  const entry = { at: performance.now() + (ms || 0), run: callback };
  pending.add(entry);
  // Deadlines mostly come in increasing order, so the armed timer usually stays as it is.
  if (entry.at < armedFor || armedWith !== setTimeout) arm(Math.min(entry.at, armedFor));
  else (timer as { ref?: () => void } | undefined)?.ref?.();
  return () => {
    pending.delete(entry);
    if (!pending.size) (timer as { unref?: () => unknown } | undefined)?.unref?.() ?? arm(Infinity);
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
