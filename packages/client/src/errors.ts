// The client's error model. Every error it throws is a RealtimeKitError, except a caller's own abort,
// which surfaces as the platform's AbortError. No error ever holds the API token or request headers.

// `instanceof` must work when one process loads both the ESM and the CJS build (two copies of each class):
// classes are matched by a registered symbol brand rather than by prototype identity.
const KINDS = Symbol.for("@realtimekit-api/client.error-kinds");

export class RealtimeKitError extends Error {
  static readonly kind: string = "RealtimeKitError";
  declare readonly [KINDS]: readonly string[];

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    const kinds: string[] = [];
    for (let c: any = new.target; c && c.kind; c = Object.getPrototypeOf(c)) kinds.push(c.kind);
    Object.defineProperty(this, KINDS, { value: kinds });
    // An own, non-enumerable name survives minifiers that rename classes.
    Object.defineProperty(this, "name", { value: (new.target as typeof RealtimeKitError).kind, enumerable: false });
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    const kinds = (value as { [KINDS]?: readonly string[] } | null)?.[KINDS];
    return Array.isArray(kinds) && kinds.includes(this.kind);
  }
}

/** A parameter or option broke a rule; nothing was sent. */
export class RealtimeKitValidationError extends RealtimeKitError {
  static override readonly kind: string = "RealtimeKitValidationError";
  /** The parameter or option, e.g. `meeting_id` or `baseUrl`. */
  readonly field: string;
  /** The rule it broke, e.g. `format`, `maxLength`, `required`, `pathSegment`. */
  readonly rule: string;

  constructor(field: string, rule: string, message: string) {
    super(`Invalid ${field}: ${message} (rule: ${rule})`);
    this.field = field;
    this.rule = rule;
  }
}

export type ApiErrorDetail = { code: number | undefined; message: string };

/** The API answered with a status other than success. */
export class RealtimeKitApiError extends RealtimeKitError {
  static override readonly kind: string = "RealtimeKitApiError";
  readonly status: number;
  /** The first error code in the body, if any. */
  readonly code: number | undefined;
  /** Every error code and message from the body, from either envelope. */
  readonly errors: ApiErrorDetail[];
  /** Cloudflare's request id (`cf-ray`), to quote to support. */
  readonly requestId: string | undefined;
  /** Whether the client considers the failure transient (it retries those). */
  readonly retryable: boolean;
  /** How many requests were made, retries included. */
  readonly attempts: number;
  /** A short excerpt of a body that was not JSON, such as a proxy's HTML page. */
  readonly bodyExcerpt: string | undefined;
  /** The response's headers (rate-limit and retry hints among them). */
  readonly headers: Headers;

  constructor(init: {
    status: number;
    headers: Headers;
    errors: ApiErrorDetail[];
    requestId: string | undefined;
    retryable: boolean;
    attempts: number;
    bodyExcerpt?: string | undefined;
    message?: string;
  }) {
    const summary = init.message ?? (init.errors.map((e) => (e.code === undefined ? e.message : `${e.code} ${e.message}`)).join("; ") ||
      init.bodyExcerpt || "no error details in the body");
    super(`RealtimeKit API answered ${init.status}: ${summary}${init.requestId ? ` (cf-ray ${init.requestId})` : ""}`);
    this.status = init.status;
    this.errors = init.errors;
    this.code = init.errors[0]?.code;
    this.requestId = init.requestId;
    this.retryable = init.retryable;
    this.attempts = init.attempts;
    this.bodyExcerpt = init.bodyExcerpt;
    this.headers = init.headers;
  }

  get codes(): Array<number | undefined> {
    return this.errors.map((e) => e.code);
  }

  get messages(): string[] {
    return this.errors.map((e) => e.message);
  }
}

/** An attempt, or the whole call's deadline, ran out of time. */
export class RealtimeKitTimeoutError extends RealtimeKitError {
  static override readonly kind: string = "RealtimeKitTimeoutError";
  readonly timeoutMs: number;
  readonly scope: "attempt" | "deadline";
  readonly attempts: number;
  readonly retryable = true;

  constructor(scope: "attempt" | "deadline", timeoutMs: number, attempts: number) {
    super(`${scope === "attempt" ? "Request attempt" : "Call deadline"} timed out after ${timeoutMs} ms (${attempts} attempt${attempts === 1 ? "" : "s"})`);
    this.scope = scope;
    this.timeoutMs = timeoutMs;
    this.attempts = attempts;
  }
}

/** No answer: the connection was refused, reset, or closed before the body was complete. */
export class RealtimeKitConnectionError extends RealtimeKitError {
  static override readonly kind: string = "RealtimeKitConnectionError";
  readonly attempts: number;
  readonly retryable = true;

  constructor(cause: unknown, attempts: number) {
    const reason = (cause as { cause?: { code?: string } })?.cause?.code ?? (cause as Error)?.message ?? String(cause);
    super(`Connection failed: ${reason} (${attempts} attempt${attempts === 1 ? "" : "s"})`, { cause });
    this.attempts = attempts;
  }
}

export type ResponseIssue = { pointer: string; message: string };

/** A success status came with a body that is not what the spec promises. */
export class RealtimeKitResponseValidationError extends RealtimeKitError {
  static override readonly kind: string = "RealtimeKitResponseValidationError";
  readonly status: number;
  readonly issues: ResponseIssue[];
  readonly requestId: string | undefined;

  constructor(status: number, issues: ResponseIssue[], requestId: string | undefined) {
    super(`Unexpected ${status} response body: ${issues.map((i) => `${i.pointer || "/"} ${i.message}`).join("; ")}`);
    this.status = status;
    this.issues = issues;
    this.requestId = requestId;
  }
}
