import type { GetMeetingParticipantPathParams, Participant } from "@realtimekit-api/types";
import { clientForOperation } from "./client-for-operation.ts";
import type { ConnectionOptions } from "./connection.ts";
import { getMeetingParticipantOperation } from "./generated/operation.ts";
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

/** The shape of the platform's `fetch`, as the typed method calls it: a URL string and an init. */
export type FetchFunction = (url: string, init: RequestInit) => Promise<Response>;

export type RealtimeKitClientOptions = CallLimits &
  ConnectionOptions & {
    /**
     * A `fetch` to use instead of the global one (tests, proxies, instrumentation). It is called as
     * `fetch(url, { method, headers, redirect: "manual", signal })`; one that ignores `signal` is still abandoned
     * on timeout or abort.
     */
    fetch?: FetchFunction;
    /** Check each success body against the spec's schema. Default false. */
    validateResponses?: boolean;
    /** Largest response body read, in bytes. Default 4 MiB. */
    maxResponseBytes?: number;
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
}

/** A client for RealtimeKit's "Fetch a participant's detail" operation. Throws RealtimeKitValidationError on a bad option. */
export function createRealtimeKitClient(options: RealtimeKitClientOptions = {}): RealtimeKitClient {
  return clientForOperation(getMeetingParticipantOperation, options);
}
