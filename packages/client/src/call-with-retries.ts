import {
  RealtimeKitApiError,
  RealtimeKitConnectionError,
  RealtimeKitError,
  RealtimeKitTimeoutError,
} from "./errors.ts";
import type { Log } from "./logger.ts";
import { type Backoff, retryDelayMs } from "./retry-policy.ts";

export type CallPolicy = {
  maxRetries: number;
  timeoutMs: number;
  deadlineMs: number | undefined;
  backoff: Backoff;
  signal: AbortSignal | undefined;
  log: Log;
};

/**
 * Runs `attempt` until it succeeds, fails for good, or runs out of retries or time. Each attempt gets its own
 * signal, aborted by its timeout, the call's deadline or the caller's signal. Every timer and listener is
 * removed before this settles, so nothing keeps the process alive afterwards.
 */
export async function callWithRetries<T>(
  attempt: (signal: AbortSignal, attemptNumber: number) => Promise<T>,
  policy: CallPolicy,
): Promise<T> {
  const { signal: callerSignal, deadlineMs } = policy;
  callerSignal?.throwIfAborted();
  const deadline = deadlineMs === undefined ? Infinity : Date.now() + deadlineMs;
  for (let attemptNumber = 1; ; attemptNumber++) {
    const remaining = deadline - Date.now();
    const limitedByDeadline = remaining <= policy.timeoutMs;
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, Math.max(0, Math.min(policy.timeoutMs, remaining)));
    const forwardAbort = () => controller.abort(callerSignal!.reason);
    callerSignal?.addEventListener("abort", forwardAbort, { once: true });

    let failure: RealtimeKitError;
    try {
      return await attempt(controller.signal, attemptNumber);
    } catch (error) {
      // A caller's abort is the caller's own decision: surface it as the platform does, never retried.
      if (callerSignal?.aborted) throw callerSignal.reason;
      if (timedOut) {
        failure = limitedByDeadline
          ? new RealtimeKitTimeoutError("deadline", deadlineMs!, attemptNumber)
          : new RealtimeKitTimeoutError("attempt", policy.timeoutMs, attemptNumber);
      } else if (error instanceof RealtimeKitError) failure = error;
      else failure = new RealtimeKitConnectionError(error, attemptNumber);
    } finally {
      clearTimeout(timer);
      callerSignal?.removeEventListener("abort", forwardAbort);
    }

    const retryable = (failure as { retryable?: boolean }).retryable === true;
    if (!retryable || attemptNumber > policy.maxRetries || (failure as RealtimeKitTimeoutError).scope === "deadline") {
      throw failure;
    }
    const headers = failure instanceof RealtimeKitApiError ? failure.headers : undefined;
    const delay = retryDelayMs(attemptNumber, headers, policy.backoff);
    if (Date.now() + delay >= deadline) throw failure;
    policy.log("warn", "retrying", { attempt: attemptNumber, delayMs: Math.round(delay), reason: failure.message });
    await sleep(delay, callerSignal);
  }
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
