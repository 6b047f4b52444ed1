// What a test can make one operation answer instead of the spec's answer, typed per operation.
import type { CloudflareV4ErrorBody, RealtimeKitErrorBody, RealtimeKitOperations } from "@realtimekit-api/types";
import type { ErrorEnvelope } from "./answers.ts";

/** A client method name: the operations the kit fakes. */
export type OperationName = keyof RealtimeKitOperations;
/** What the operation's method resolves to: the answer's `data` (for a paged list, the whole list). */
export type OperationResult<Name extends OperationName> = RealtimeKitOperations[Name]["result"];

type Timing = {
  /** Answer the next matching request only, then go back to what came before. Default: every request. */
  once?: boolean;
  /** Wait this long before answering (the request can be aborted meanwhile). */
  delayMs?: number;
};

/** A success with this `data` (a paged list is served page by page from it), at the spec's status unless given. */
export type ResultOverride<Name extends OperationName> = Timing & {
  result: OperationResult<Name>;
  status?: number;
  error?: never;
  networkError?: never;
};

/**
 * A failure: `status`, with RealtimeKit's envelope (`{ success: false, error: { code, message } }`), Cloudflare's
 * v4 envelope (`{ success: false, errors: [{ code, message }], messages: [], result: null }`) or a body of either
 * shape as given.
 */
export type ErrorOverride = Timing & {
  status: number;
  error: ErrorEnvelope | RealtimeKitErrorBody | CloudflareV4ErrorBody;
  /** The envelope's message. Default: `Simulated <status> answer`. */
  message?: string;
  /** The v4 envelope's error code. Default: the status. */
  code?: number;
  result?: never;
  networkError?: never;
};

/** No answer at all: the request fails as if the connection dropped (`fetch` rejects with a TypeError). */
export type NetworkErrorOverride = Timing & { networkError: true; result?: never; error?: never; status?: never };

export type Override<Name extends OperationName> = ResultOverride<Name> | ErrorOverride | NetworkErrorOverride;
