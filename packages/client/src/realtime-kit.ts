import { callWithRetries } from "./call-with-retries.ts";
import { checkLimits } from "./check-options.ts";
import { type ConnectionOptions, connectionFor, withoutCredential } from "./connection.ts";
import { RealtimeKitValidationError, refusal } from "./errors.ts";
import { defaultBaseUrl } from "./generated/operations.ts";
import type { Log } from "./logger.ts";
import type { OperationTable, RequestBodySchemas, ResponseSchemas } from "./operation-table.ts";
import { fillPath } from "./path-segments.ts";
import { readApiError, readSuccess } from "./read-response.ts";
import { type Backoff, DEFAULT_BACKOFF } from "./retry-policy.ts";
import { validateSchema } from "./validate-schema.ts";

/** Limits that apply per client and may be overridden per call. */
export type CallLimits = {
  /**
   * Retries after the first attempt, on connection errors, timeouts, 408, 409, 429 and 5xx. Default 2. POST and
   * PATCH are retried only where the server certainly did not act (429, a refused connection), unless
   * `retryNonIdempotent` is set.
   */
  maxRetries?: number;
  /** Time allowed for one attempt, body included. Default 60 000 ms. */
  timeoutMs?: number;
  /** Time allowed for the whole call, retries and waits included. Default: none. */
  deadlineMs?: number;
  /**
   * Retry POST and PATCH as GET, PUT and DELETE are (after timeouts, resets and 5xx too). Cloudflare documents
   * no idempotency key, so such a retry may act twice (two participants added). Default false.
   */
  retryNonIdempotent?: boolean;
};

/** The shape of the platform's `fetch`, as the typed methods call it: a URL string and an init. */
export type FetchFunction = (url: string, init: RequestInit) => Promise<Response>;

export type RealtimeKitClientOptions = CallLimits &
  ConnectionOptions & {
    /**
     * A `fetch` to use instead of the global one (tests, proxies, instrumentation). It is called as
     * `fetch(url, { method, headers, body, redirect: "manual", signal })`; one that ignores `signal` is still
     * abandoned on timeout or abort.
     */
    fetch?: FetchFunction;
    /** Check each success body against the spec's schema. Default false. */
    validateResponses?: boolean;
    /** Largest response body read, in bytes. Default 4 MiB. */
    maxResponseBytes?: number;
    /** Retry waits when the server gives none. Default 500 ms doubling up to 8 s. */
    backoff?: Partial<Backoff>;
  };

/**
 * createRealtimeKit's options: a client's, but request bodies and answers are checked against the spec when their
 * schemas are passed (`validateBodies: requestBodySchemas`, `validateResponses: responseSchemas`), so that an
 * application which does not ask for a check bundles none of its schemas. Path and query parameters are always
 * checked.
 */
export type RealtimeKitOptions = Omit<RealtimeKitClientOptions, "validateResponses" | "logger" | "logLevel"> & {
  /**
   * Where log lines go: `logTo(logger, logLevel)` (console, pino …; credentials redacted), or any function of
   * `(level, message, details)`. Default: none.
   */
  log?: Log | undefined;
  /** `requestBodySchemas` to check each request body against the spec's schema before sending. Default: no check. */
  validateBodies?: RequestBodySchemas | false;
  /** `responseSchemas` to check each success body against the spec's schema. Default: no check. */
  validateResponses?: ResponseSchemas | false;
};

export type CallOptions = CallLimits & {
  /** Aborts the call at once, without retry; the call rejects with the signal's reason (an AbortError). */
  signal?: AbortSignal;
  headers?: Record<string, string>;
};

/**
 * The connection, limits and options of a client, without its methods: what the per-operation functions
 * (`getMeetingParticipant(realtimeKit, params)`) take, so an application bundles only the operations it calls.
 */
export interface RealtimeKit {
  /** Calls the operation `table` describes; resolves to the answer's result, or with `envelope` its whole body. */
  readonly call: (table: OperationTable, params: unknown, options?: CallOptions, envelope?: boolean) => Promise<any>;
}

/** POST and PATCH may act twice if retried after the server received them (no idempotency key exists). */
const NOT_IDEMPOTENT = /^P(OST|ATCH)$/;

/** A RealtimeKit for the per-operation functions. Throws RealtimeKitValidationError on a bad option. */
export function createRealtimeKit(options: RealtimeKitOptions = {}): RealtimeKit {
  const { baseUrl, headers, redact } = connectionFor(defaultBaseUrl, options);
  const { log } = options;
  checkLimits({ ...options, ...options.backoff });
  const maxResponseBytes = options.maxResponseBytes ?? 4 * 1024 * 1024;
  const backoff = { ...DEFAULT_BACKOFF, ...options.backoff };
  const fetch = options.fetch ?? globalThis.fetch;
  // `true` is the typed client's option for answers; here it names no schemas, and each call would fail untyped.
  for (const [name, schemas] of [
    ["validateBodies", "requestBodySchemas"],
    ["validateResponses", "responseSchemas"],
  ] as const)
    if (options[name] && !options[name].schemas)
      throw new RealtimeKitValidationError(name, "type", `must be the ${schemas} export, or false`);
  const bodies = options.validateBodies || undefined;
  const responses = options.validateResponses || undefined;

  async function call(operation: OperationTable, params: any, call: CallOptions = {}, envelope = false) {
    const { method, path } = operation;
    const key = `${method} ${path}`;
    const violation = validateSchema(operation.parametersSchema, params, operation.rules)[0];
    if (violation) throw refusal(violation);
    const body = operation.writeBody?.(params.body, bodies?.schemas[key], bodies?.rules);
    checkLimits(call);
    const url = baseUrl + fillPath(path, params) + (operation.writeQuery?.(operation, params) ?? "");
    // Names are lower case on both sides, so a call's header replaces the client's whatever its spelling; it
    // never replaces the credential.
    const callHeaders =
      body === undefined && !call.headers
        ? headers
        : { ...headers, ...(body && { "content-type": "application/json" }), ...withoutCredential(call.headers) };
    const contract = {
      schema: responses?.schemas[key],
      rules: responses?.rules,
      resultProperty: operation.resultProperty,
      envelope,
    };
    return callWithRetries(
      async (signal, attempts) => {
        // A log may be the caller's own function: the token never reaches it.
        log?.("debug", "request", { method, url, headers: { ...callHeaders, authorization: "[redacted]" } });
        // The API does not redirect. Following one could carry the token to another origin, so none is followed.
        // Each attempt gets its own copy: a custom fetch that edits `init.headers` must not change later requests.
        // A call without a body sends an init without one, not `body: undefined`.
        const response = await fetch(url, {
          method,
          headers: { ...callHeaders },
          ...(body && { body }),
          redirect: "manual",
          signal,
        });
        log?.("debug", "response", { status: response.status, requestId: response.headers.get("cf-ray") });
        if (response.status === operation.successStatus)
          return readSuccess(response, contract, maxResponseBytes, attempts);
        throw await readApiError(response, attempts, redact, maxResponseBytes);
      },
      {
        maxRetries: call.maxRetries ?? options.maxRetries ?? 2,
        timeoutMs: call.timeoutMs ?? options.timeoutMs ?? 60_000,
        deadlineMs: call.deadlineMs ?? options.deadlineMs,
        idempotent: !NOT_IDEMPOTENT.test(method) || (call.retryNonIdempotent ?? options.retryNonIdempotent) === true,
        backoff,
        signal: call.signal,
        log,
        redact,
      },
    );
  }

  return { call };
}
