import type { GetMeetingParticipantPathParams, Participant } from "@realtimekit-api/types";
import { callWithRetries } from "./call-with-retries.ts";
import { checkLimits } from "./check-options.ts";
import { connectionFor, withoutCredential } from "./connection.ts";
import type { CallOptions, RealtimeKitClient, RealtimeKitClientOptions } from "./create-client.ts";
import { RealtimeKitValidationError } from "./errors.ts";
import { redactHeaders } from "./logger.ts";
import type { OperationTable } from "./operation-table.ts";
import { pathFiller } from "./path-segments.ts";
import { readApiError, readSuccess } from "./read-response.ts";
import { DEFAULT_BACKOFF } from "./retry-policy.ts";
import { validateSchema } from "./validate-schema.ts";

/**
 * The client, for the operation a table describes. createRealtimeKitClient passes the generated table;
 * tests pass one generated from a changed spec, to show that the spec alone drives validation.
 *
 * The typed method builds its URL from the table and calls `fetch` itself rather than going through
 * openapi-fetch: it needs none of openapi-fetch's generality for one fixed GET, and skipping it (and the
 * Request object it builds for every call) keeps the one-call bundle at a third of the size and each call
 * cheaper. openapi-fetch remains the typed escape hatch, as the `./raw` export.
 */
export function clientForOperation(operation: OperationTable, options: RealtimeKitClientOptions): RealtimeKitClient {
  const { baseUrl, headers, redact, log } = connectionFor(operation.defaultBaseUrl, options);
  checkLimits({ ...options, ...options.backoff });
  const maxResponseBytes = options.maxResponseBytes ?? 4 * 1024 * 1024;
  const backoff = { ...DEFAULT_BACKOFF, ...options.backoff };
  const fetch = options.fetch ?? globalThis.fetch;
  const { method } = operation;
  const contract = {
    schema: operation.successSchema,
    rules: operation.rules,
    resultProperty: operation.resultProperty,
    validate: options.validateResponses === true,
  };
  const fillPath = pathFiller(operation.path);
  const debug = options.logLevel === "debug";

  async function getMeetingParticipant(
    params: GetMeetingParticipantPathParams,
    call: CallOptions = {},
  ): Promise<Participant> {
    const violation = validateSchema(operation.parametersSchema, params, operation.rules)[0];
    if (violation)
      throw new RealtimeKitValidationError(violation.pointer.slice(1) || "params", violation.rule, violation.message);
    checkLimits(call);
    const url = baseUrl + fillPath(params as Record<string, unknown>);
    // Names are lower case on both sides, so a call's header replaces the client's whatever its spelling; it
    // never replaces the credential.
    const callHeaders = call.headers ? { ...headers, ...withoutCredential(call.headers) } : headers;
    return callWithRetries(
      async (signal, attempts) => {
        if (debug) log("debug", "request", { method, url, headers: redactHeaders(callHeaders) });
        // The API does not redirect. Following one could carry the token to another origin, so none is followed.
        // Each attempt gets its own copy: a custom fetch that edits `init.headers` must not change later requests.
        const response = await fetch(url, { method, headers: { ...callHeaders }, redirect: "manual", signal });
        if (debug) log("debug", "response", { status: response.status, requestId: response.headers.get("cf-ray") });
        if (response.status === operation.successStatus)
          return (await readSuccess(response, contract, maxResponseBytes, attempts)) as Participant;
        throw await readApiError(response, attempts, redact, maxResponseBytes);
      },
      {
        maxRetries: call.maxRetries ?? options.maxRetries ?? 2,
        timeoutMs: call.timeoutMs ?? options.timeoutMs ?? 60_000,
        deadlineMs: call.deadlineMs ?? options.deadlineMs,
        backoff,
        signal: call.signal,
        log,
        redact,
      },
    );
  }

  return { getMeetingParticipant };
}
