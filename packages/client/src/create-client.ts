import type { GetMeetingParticipantPathParams, Participant, paths } from "@realtimekit-api/types";
import type { Client, Middleware } from "./openapi-fetch.ts";
import { clientForOperation } from "./client-for-operation.ts";
import { getMeetingParticipantOperation } from "./generated/operation.ts";
import type { Logger, LogLevel } from "./logger.ts";
import type { Backoff } from "./retry-policy.ts";

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
  /**
   * A `fetch` to use instead of the global one (tests, proxies, instrumentation). The typed method passes each
   * attempt's abort signal as `init.signal`; a fetch that ignores it is still abandoned on timeout or abort.
   */
  fetch?: (request: Request, init?: { signal?: AbortSignal }) => Promise<Response>;
  /** Extra headers on every request. */
  headers?: Record<string, string>;
  /** Check each success body against the spec's schema. Default false. */
  validateResponses?: boolean;
  /** Largest response body read, in bytes. Default 4 MiB. */
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

/** A client for RealtimeKit's "Fetch a participant's detail" operation. Throws RealtimeKitValidationError on a bad option. */
export function createRealtimeKitClient(options: RealtimeKitClientOptions = {}): RealtimeKitClient {
  return clientForOperation(getMeetingParticipantOperation, options);
}
