import {
  type RealtimeKitApiError,
  RealtimeKitConnectionError,
  RealtimeKitError,
  RealtimeKitTimeoutError,
} from "./errors.ts";
import type { Log } from "./logger.ts";
import { type Backoff, mayRetry, retryDelayMs } from "./retry-policy.ts";
import { sleep, startTimer } from "./timers.ts";

export type CallPolicy = {
  maxRetries: number;
  timeoutMs: number;
  deadlineMs: number | undefined;
  /** False for POST and PATCH: then only failures the server certainly did not act on are retried. */
  idempotent: boolean;
  backoff: Backoff;
  signal: AbortSignal | undefined;
  log: Log | undefined;
  redact: (text: string) => string;
};

/**
 * Runs `attempt` until it succeeds, fails for good, or runs out of retries or time. Each attempt gets its own
 * signal, aborted by its timeout, the call's deadline or the caller's signal, and is abandoned at that moment
 * even if it ignores the signal (a custom fetch might). Every timer and listener is removed before this
 * settles, so nothing keeps the process alive afterwards.
 */
export async function callWithRetries<T>(
  attempt: (signal: AbortSignal, attempts: number) => Promise<T>,
  policy: CallPolicy,
): Promise<T> {
  const { signal: callerSignal, deadlineMs, timeoutMs } = policy;
  const deadline = Date.now() + (deadlineMs ?? Infinity);
  for (let attempts = 1; ; attempts++) {
    // Before every attempt: an abort may land just as a retry wait ends.
    callerSignal?.throwIfAborted();
    const remaining = deadline - Date.now();
    const deadlineFirst = remaining <= timeoutMs;
    const controller = new AbortController();
    let timedOut = false;
    let abandon!: (reason?: unknown) => void;
    // Settles with the attempt, or rejects the moment the attempt is aborted, whether or not it heeds its signal.
    const settled = new Promise<T>((resolve, reject) => {
      abandon = reject;
      attempt(controller.signal, attempts).then(resolve, reject);
    });
    const abort = (reason?: unknown) => {
      controller.abort(reason);
      abandon(reason);
    };
    const cancelTimer = startTimer(
      () => {
        timedOut = true;
        abort();
      },
      deadlineFirst ? remaining : timeoutMs,
    );
    const forwardAbort = () => abort(callerSignal!.reason);
    callerSignal?.addEventListener("abort", forwardAbort);

    let failure: RealtimeKitError;
    try {
      return await settled;
    } catch (error) {
      // A caller's abort is the caller's own decision: surface it as the platform does, never retried.
      if (callerSignal?.aborted) throw callerSignal.reason;
      failure = timedOut
        ? new RealtimeKitTimeoutError(
            deadlineFirst ? "deadline" : "attempt",
            deadlineFirst ? deadlineMs! : timeoutMs,
            attempts,
          )
        : error instanceof RealtimeKitError
          ? error
          : new RealtimeKitConnectionError(error, attempts, policy.redact);
    } finally {
      cancelTimer();
      callerSignal?.removeEventListener("abort", forwardAbort);
    }

    if (!mayRetry(failure, policy.idempotent) || attempts > policy.maxRetries) throw failure;
    // Only an API error has headers, and so a server's wait.
    const delay = retryDelayMs(attempts, (failure as Partial<RealtimeKitApiError>).headers, policy.backoff);
    // A wait that would end past the deadline can only end in a timeout: report the real failure instead.
    if (Date.now() + delay >= deadline) throw failure;
    policy.log?.("warn", "retrying", { attempt: attempts, delayMs: Math.round(delay), reason: failure.message });
    await sleep(delay, callerSignal);
  }
}
