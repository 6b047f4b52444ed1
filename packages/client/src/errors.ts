// The client's error model. Every error it throws is a RealtimeKitError, except a caller's own abort,
// which surfaces as the platform's AbortError. No error ever holds the API token or request headers.
import type { Violation } from "./validate-schema.ts";

// `instanceof` must work when one process loads both the ESM and the CJS build (two copies of each class):
// the package's own classes are matched by a registered symbol brand rather than by prototype identity.
const KINDS = Symbol.for("@realtimekit-api/client.error-kinds");

// Named like the field that holds it.
const attemptsNote = (attempts: number) => `(attempts: ${attempts})`;

export class RealtimeKitError extends Error {
  static readonly kind: string = "RealtimeKitError";
  declare readonly [KINDS]: readonly string[];

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    const kinds: string[] = [];
    // Only classes that declare their own kind are brands; a caller's subclass keeps ordinary instanceof.
    for (let c: any = new.target; c.kind; c = Object.getPrototypeOf(c))
      if (Object.hasOwn(c, "kind")) kinds.push(c.kind);
    Object.defineProperty(this, KINDS, { value: kinds });
    // An own, non-enumerable name survives minifiers that rename classes.
    Object.defineProperty(this, "name", { value: kinds[0], configurable: true, writable: true });
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    return Object.hasOwn(this, "kind")
      ? (value as { [KINDS]?: string[] } | null)?.[KINDS]?.includes(this.kind) === true
      : Function.prototype[Symbol.hasInstance].call(this, value);
  }
}

/** A parameter or option broke a rule; nothing was sent. */
export class RealtimeKitValidationError extends RealtimeKitError {
  static override readonly kind: string = "RealtimeKitValidationError";
  /** The parameter or option, e.g. `meeting_id` or `baseUrl`. */
  declare readonly field: string;
  /** The rule it broke, e.g. `format`, `maxLength`, `required`, `pathSegment`. */
  declare readonly rule: string;

  constructor(field: string, rule: string, message: string) {
    super(`Invalid ${field}: ${message} (rule: ${rule})`);
    Object.assign(this, { field, rule });
  }
}

/** A broken rule of a call's argument as the error the call rejects with, naming the field by its pointer. */
export const refusal = (violation: Violation) =>
  new RealtimeKitValidationError(violation.pointer.slice(1) || "params", violation.rule, violation.message);

export type ApiErrorDetail = { code: number | undefined; message: string };

/** The API answered with a status other than success (a redirect included: the client never follows one). */
export class RealtimeKitApiError extends RealtimeKitError {
  static override readonly kind: string = "RealtimeKitApiError";
  /** The HTTP status; 0 is a browser's opaque redirect. */
  declare readonly status: number;
  /** The first error code in the body, if any. */
  declare readonly code: number | undefined;
  /** Every error code and message from the body, from either envelope. */
  declare readonly errors: ApiErrorDetail[];
  /** Cloudflare's request id (`cf-ray`), to quote to support. */
  declare readonly requestId: string | undefined;
  /** Whether the client considers the failure transient (it retries those). */
  declare readonly retryable: boolean;
  /** How many requests were made, retries included. */
  declare readonly attempts: number;
  /** A short excerpt of a body that was not JSON, such as a proxy's HTML page. */
  declare readonly bodyExcerpt: string | undefined;
  /** The response's headers (rate-limit and retry hints among them). Not enumerable, so logs stay short. */
  declare readonly headers: Headers;

  constructor(init: {
    status: number;
    headers: Headers;
    errors: ApiErrorDetail[];
    requestId: string | undefined;
    retryable: boolean;
    attempts: number;
    bodyExcerpt?: string | undefined;
    message?: string | undefined;
  }) {
    const summary =
      init.message ??
      (init.errors.map((e) => (e.code === undefined ? e.message : `${e.code} ${e.message}`)).join("; ") ||
        init.bodyExcerpt ||
        "no error details");
    super(
      `RealtimeKit API answered ${init.status}: ${summary}${init.requestId ? ` (cf-ray ${init.requestId})` : ""} ${attemptsNote(init.attempts)}`,
    );
    const { message, headers, ...fields } = init;
    Object.assign(this, fields, { code: fields.errors[0]?.code });
    Object.defineProperty(this, "headers", { value: headers });
  }
}

/** An attempt, or the whole call's deadline, ran out of time. */
export class RealtimeKitTimeoutError extends RealtimeKitError {
  static override readonly kind: string = "RealtimeKitTimeoutError";
  /** The limit that ran out: `timeoutMs` for an attempt, `deadlineMs` for the call. */
  declare readonly timeoutMs: number;
  declare readonly scope: "attempt" | "deadline";
  declare readonly attempts: number;
  /** Whether the client considers the failure transient; a deadline is final. */
  declare readonly retryable: boolean;

  constructor(scope: "attempt" | "deadline", timeoutMs: number, attempts: number) {
    super(
      `${scope === "attempt" ? "Request attempt" : "Call deadline"} timed out after ${timeoutMs} ms ${attemptsNote(attempts)}`,
    );
    Object.assign(this, { scope, timeoutMs, attempts, retryable: scope === "attempt" });
  }
}

/** No answer: the connection was refused, reset, or closed before the body was complete. */
export class RealtimeKitConnectionError extends RealtimeKitError {
  static override readonly kind: string = "RealtimeKitConnectionError";
  declare readonly attempts: number;
  declare readonly retryable: true;
  /** The platform's error code, where it gives one (Node.js: `ECONNREFUSED`, `ECONNRESET`, `ENOTFOUND` …). */
  declare readonly code: string | undefined;

  /** `redact` removes the credential from the cause's text before it becomes this error's message. */
  constructor(cause: unknown, attempts: number, redact: (text: string) => string = String) {
    const code = (cause as { cause?: { code?: string } })?.cause?.code;
    const reason = code ?? (cause as Error)?.message ?? String(cause);
    super(`Connection failed: ${redact(reason)} ${attemptsNote(attempts)}`, { cause: redactedCause(cause, redact) });
    Object.assign(this, { attempts, retryable: true, code });
  }
}

/**
 * The cause as it came, unless its text (or its own causes') holds the credential: then a plain Error with the
 * redacted message and the original `code`, so `util.inspect(error)` cannot show the token.
 */
function redactedCause(cause: any, redact: (text: string) => string): unknown {
  let text = "";
  for (let c = cause, depth = 0; c != null && depth < 8; c = c.cause, depth++)
    text += `${c.message ?? c}\n${c.stack}\n`;
  return redact(text) === text
    ? cause
    : Object.assign(new Error(redact(String(cause?.message ?? cause))), { code: cause?.code });
}

/** One way a success body differs from the spec: where (JSON pointer, "" for the whole body) and how. */
export type ResponseIssue = { pointer: string; message: string; rule?: string };

/** A success status came with a body that is not what the spec promises (empty, not JSON, too large, off-schema). */
export class RealtimeKitResponseValidationError extends RealtimeKitError {
  static override readonly kind: string = "RealtimeKitResponseValidationError";
  declare readonly status: number;
  declare readonly issues: ResponseIssue[];
  declare readonly requestId: string | undefined;
  /** How many requests were made; a bad success body is not retried. */
  declare readonly attempts: number;

  constructor(status: number, issues: ResponseIssue[], requestId: string | undefined, attempts = 1) {
    super(`Unexpected ${status} response body: ${issues.map((i) => `${i.pointer || "/"} ${i.message}`).join("; ")}`);
    Object.assign(this, { status, issues, requestId, attempts });
  }
}
