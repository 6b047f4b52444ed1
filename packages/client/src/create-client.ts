import type { GetMeetingParticipantPathParams, Participant, paths } from "@realtimekit-api/types";
import createClient, { type Client, type Middleware } from "openapi-fetch";
import packageJson from "../package.json" with { type: "json" };
import { callWithRetries } from "./call-with-retries.ts";
import { RealtimeKitValidationError } from "./errors.ts";
import { getMeetingParticipantOperation as operation } from "./generated/operation.ts";
import { createLog, type Logger, type LogLevel, redactHeaders } from "./logger.ts";
import { fillPathTemplate } from "./path-segments.ts";
import { apiErrorFrom, readSuccess } from "./read-response.ts";
import { type Backoff, DEFAULT_BACKOFF } from "./retry-policy.ts";
import { validateSchema } from "./validate-schema.ts";

/** Limits that apply per client and may be overridden per call. */
export type CallLimits = {
  /** Retries after the first attempt, on connection errors, timeouts, 408, 409, 429 and 5xx. Default 2. */
  maxRetries?: number;
  /** Time allowed for one attempt, body included. Default 60 000 ms. */
  timeoutMs?: number;
  /** Time allowed for the whole call, retries and waits included. Default: none. */
  deadlineMs?: number;
};

export type RealtimeKitClientOptions = CallLimits & {
  /** A Cloudflare API token with the "Realtime" or "Realtime Admin" permission. Default: `CLOUDFLARE_API_TOKEN`. */
  apiToken?: string;
  /** Default: the spec's server, `https://api.cloudflare.com/client/v4`. Plain `http:` only for loopback hosts. */
  baseUrl?: string;
  /** A `fetch` to use instead of the global one (tests, proxies, instrumentation). */
  fetch?: (request: Request) => Promise<Response>;
  /** Extra headers on every request. */
  headers?: Record<string, string>;
  /** Check each success body against the spec's schema. Default false. */
  validateResponses?: boolean;
  /** Largest success body read, in bytes. Default 4 MiB. */
  maxResponseBytes?: number;
  /** Receives debug/info/warn/error lines; credentials are redacted. */
  logger?: Logger;
  /** Default "warn". */
  logLevel?: LogLevel;
  /** Retry waits when the server gives none. Default 500 ms doubling up to 8 s. */
  backoff?: Partial<Backoff>;
};

export type CallOptions = CallLimits & {
  /** Aborts the call at once, without retry; the call rejects with the signal's reason (an AbortError). */
  signal?: AbortSignal;
  headers?: Record<string, string>;
};

export interface RealtimeKitClient {
  /** Fetches a participant's detail; resolves to the participant (the answer's `data`). */
  getMeetingParticipant(params: GetMeetingParticipantPathParams, options?: CallOptions): Promise<Participant>;
  /** The typed openapi-fetch client underneath, authenticated, for full control over requests and answers. */
  readonly raw: Client<paths>;
  /** Adds openapi-fetch middleware (it sees every request, `raw`'s included). */
  use(...middleware: Middleware[]): void;
}

const LOOPBACK_HOST = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/;

export function createRealtimeKitClient(options: RealtimeKitClientOptions = {}): RealtimeKitClient {
  const apiToken = options.apiToken ?? (typeof process === "undefined" ? undefined : process.env?.CLOUDFLARE_API_TOKEN);
  if (typeof apiToken !== "string" || apiToken.trim() === "") {
    throw new RealtimeKitValidationError("apiToken", "required", "pass `apiToken` or set CLOUDFLARE_API_TOKEN");
  }
  const baseUrl = options.baseUrl ?? operation.defaultBaseUrl;
  const url = URL.canParse(baseUrl) ? new URL(baseUrl) : undefined;
  if (!url || (url.protocol !== "https:" && url.protocol !== "http:")) {
    throw new RealtimeKitValidationError("baseUrl", "url", "must be an absolute http(s) URL");
  }
  if (url.protocol === "http:" && !LOOPBACK_HOST.test(url.hostname)) {
    throw new RealtimeKitValidationError("baseUrl", "https", "must use https: the API token is never sent in clear text except to a loopback host");
  }
  const redact = (text: string) => text.split(apiToken).join("[redacted]");
  const log = createLog(options.logger, options.logLevel ?? "warn");
  const maxResponseBytes = options.maxResponseBytes ?? 4 * 1024 * 1024;
  const backoff = { ...DEFAULT_BACKOFF, ...options.backoff };

  const raw = createClient<paths>({
    baseUrl,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    headers: { ...options.headers, authorization: `Bearer ${apiToken}`, "user-agent": `@realtimekit-api/client/${packageJson.version}` },
    pathSerializer: fillPathTemplate,
    // The API does not redirect. Following one could carry the token to another origin, so none is followed.
    redirect: "manual",
  });
  if (options.logger && (options.logLevel ?? "warn") === "debug") {
    raw.use({
      onRequest: ({ request }) => log("debug", "request", { method: request.method, url: request.url, headers: redactHeaders(request.headers) }),
      onResponse: ({ response }) => log("debug", "response", { status: response.status, requestId: response.headers.get("cf-ray") }),
    });
  }

  async function getMeetingParticipant(params: GetMeetingParticipantPathParams, call: CallOptions = {}): Promise<Participant> {
    const violation = validateSchema(operation.parametersSchema, params)[0];
    if (violation) {
      const field = violation.pointer.slice(1) || "params";
      throw new RealtimeKitValidationError(field, violation.rule, violation.message);
    }
    const contract = { schema: operation.successSchema, resultProperty: operation.resultProperty, validate: options.validateResponses === true };
    return callWithRetries(
      async (signal, attempt) => {
        const { error, response } = await raw.GET(operation.path, {
          params: { path: params },
          parseAs: "stream",
          signal,
          ...(call.headers ? { headers: call.headers } : {}),
        });
        if (response.status === operation.successStatus) return (await readSuccess(response, contract, maxResponseBytes)) as Participant;
        await response.body?.cancel().catch(() => {});
        throw apiErrorFrom(response, error, attempt, redact);
      },
      {
        maxRetries: call.maxRetries ?? options.maxRetries ?? 2,
        timeoutMs: call.timeoutMs ?? options.timeoutMs ?? 60_000,
        deadlineMs: call.deadlineMs ?? options.deadlineMs,
        backoff,
        signal: call.signal,
        log,
      },
    );
  }

  return { getMeetingParticipant, raw, use: (...middleware) => raw.use(...middleware) };
}
