// When to retry and how long to wait: the policy of Cloudflare's own SDK (408, 409, 429 and 5xx, the server's
// `retry-after-ms` / `Retry-After` when it is sane, otherwise exponential backoff with jitter). The SDK also
// obeys an `x-should-retry` header; the API's spec declares none, so the status alone decides here.

export type Backoff = { initialDelayMs: number; maxDelayMs: number };

export const DEFAULT_BACKOFF: Backoff = { initialDelayMs: 500, maxDelayMs: 8_000 };

/** A server-requested wait longer than this is ignored in favour of backoff, so a bad header can't stall a call. */
export const MAX_RETRY_AFTER_MS = 60_000;

export const isRetryableResponse = (status: number) =>
  status === 408 || status === 409 || status === 429 || status >= 500;

// Failures before a connection existed: nothing reached the server. (Where the platform does not say, as in
// browsers, a failed connection is not known to be one of these and a write is not retried.)
const NOT_SENT = /^(ECONNREFUSED|ENOTFOUND|EAI_AGAIN)$/;

/**
 * Whether `failure` may be retried. A write that is not idempotent (POST, PATCH) is retried only where the
 * server certainly did not act on it: a 429, or a connection that was never made. After a timeout, a reset or a
 * 5xx it may have acted, and a retry could act twice.
 */
export function mayRetry(failure: object, idempotent: boolean): boolean {
  const { retryable, status, code } = failure as { retryable?: boolean; status?: number; code?: string };
  return retryable === true && (idempotent || status === 429 || NOT_SENT.test(code ?? ""));
}

/** How long to wait before retry number `retry` (1-based), given the failed response's headers if any. */
export function retryDelayMs(retry: number, headers: Headers | undefined, backoff: Backoff): number {
  const requested = headers ? requestedDelayMs(headers) : NaN;
  // NaN (no header, or one that doesn't parse) fails this range check too.
  if (requested >= 0 && requested <= MAX_RETRY_AFTER_MS) return requested;
  const exponential = Math.min(backoff.initialDelayMs * 2 ** (retry - 1), backoff.maxDelayMs);
  // Up to 25% jitter, downwards, so many clients don't retry in step.
  return exponential * (1 - Math.random() * 0.25);
}

/** The wait the server asks for, in ms, or NaN. */
function requestedDelayMs(headers: Headers): number {
  const milliseconds = Number.parseFloat(headers.get("retry-after-ms")!);
  if (Number.isFinite(milliseconds)) return milliseconds;
  // Cloudflare sends delta-seconds. RFC 9110 also allows an HTTP date, which reads as NaN here: backoff applies.
  return Number.parseFloat(headers.get("retry-after")!) * 1000;
}
