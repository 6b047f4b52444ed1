import type { GetMeetingParticipantPathParams, Participant, paths } from "@realtimekit-api/types";
import packageJson from "../package.json" with { type: "json" };
import { callWithRetries } from "./call-with-retries.ts";
import { checkApiToken, checkBaseUrl, checkLimits } from "./check-options.ts";
import type { CallOptions, RealtimeKitClient, RealtimeKitClientOptions } from "./create-client.ts";
import { RealtimeKitValidationError } from "./errors.ts";
import { createLog, redactHeaders } from "./logger.ts";
import type { OperationTable } from "./operation-table.ts";
import { createClient } from "./openapi-fetch.ts";
import { fillPathTemplate } from "./path-segments.ts";
import { apiErrorFrom, readSuccess, withBoundedErrorBody } from "./read-response.ts";
import { DEFAULT_BACKOFF } from "./retry-policy.ts";
import { validateSchema } from "./validate-schema.ts";

const NO_CALL_OPTIONS: CallOptions = {};
const NO_HEADERS: Record<string, string> = {};

/** A call's extra headers, less any Authorization: only the client's own token is ever sent. */
function withoutCredential(headers: Record<string, string>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const name in headers) if (name.toLowerCase() !== "authorization") result[name] = headers[name]!;
  return result;
}

/**
 * The client, for the operation a table describes. createRealtimeKitClient passes the generated table;
 * tests pass one generated from a changed spec, to show that the spec alone drives validation.
 */
export function clientForOperation(operation: OperationTable, options: RealtimeKitClientOptions): RealtimeKitClient {
  const apiToken = checkApiToken(options.apiToken ?? (typeof process === "undefined" ? undefined : process.env?.CLOUDFLARE_API_TOKEN));
  const baseUrl = checkBaseUrl(options.baseUrl ?? operation.defaultBaseUrl);
  checkLimits(options);
  const redact = (text: string) => text.split(apiToken).join("[redacted]");
  const log = createLog(options.logger, options.logLevel ?? "warn");
  const maxResponseBytes = options.maxResponseBytes ?? 4 * 1024 * 1024;
  const backoff = { ...DEFAULT_BACKOFF, ...options.backoff };
  const baseFetch = options.fetch ?? globalThis.fetch;
  // Only the typed method bounds error bodies; `raw` hands back the response exactly as it came.
  // The attempt's signal goes to fetch rather than into openapi-fetch's Request: a Request built with a signal
  // makes undici follow it once there and again when fetch copies the Request, which costs more than the rest
  // of the client's per-call work together.
  const fetchAttempt = (request: Request, signal: AbortSignal) =>
    baseFetch(request, { signal }).then((response) => withBoundedErrorBody(response, maxResponseBytes));
  const contract = { schema: operation.successSchema, resultProperty: operation.resultProperty, validate: options.validateResponses === true };

  const raw = createClient<paths>({
    baseUrl,
    fetch: baseFetch,
    headers: { ...options.headers, authorization: `Bearer ${apiToken}`, "user-agent": `${packageJson.name}/${packageJson.version}` },
    pathSerializer: fillPathTemplate,
    // The API does not redirect. Following one could carry the token to another origin, so none is followed.
    redirect: "manual",
  });
  if (options.logger && options.logLevel === "debug") {
    raw.use({
      onRequest: ({ request }) => log("debug", "request", { method: request.method, url: request.url, headers: redactHeaders(request.headers) }),
      onResponse: ({ response }) => log("debug", "response", { status: response.status, requestId: response.headers.get("cf-ray") }),
    });
  }

  async function getMeetingParticipant(params: GetMeetingParticipantPathParams, call = NO_CALL_OPTIONS): Promise<Participant> {
    const violation = validateSchema(operation.parametersSchema, params)[0];
    if (violation) throw new RealtimeKitValidationError(violation.pointer.slice(1) || "params", violation.rule, violation.message);
    if (call !== NO_CALL_OPTIONS) checkLimits(call);
    return callWithRetries(
      async (signal, attempts) => {
        const { error, response } = await raw.request(operation.method, operation.path as keyof paths, {
          params: { path: params },
          parseAs: "stream",
          fetch: (request: Request) => fetchAttempt(request, signal),
          headers: call.headers ? withoutCredential(call.headers) : NO_HEADERS,
        });
        if (response.status === operation.successStatus) return (await readSuccess(response, contract, maxResponseBytes, attempts)) as Participant;
        // openapi-fetch has read an error body already; a 2xx other than the success status is still unread.
        await response.body?.cancel().catch(() => {});
        throw apiErrorFrom(response, error, attempts, redact);
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

  return { getMeetingParticipant, raw, use: (...middleware) => raw.use(...middleware) };
}
