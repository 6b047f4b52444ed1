import spec from "@realtimekit-api/types/openapi.json" with { type: "json" };
import type { FetchFunction } from "../src/index.ts";

/** The participant operation's path template, found in the spec the packages ship by its method name. */
export const PARTICIPANT_PATH = Object.entries(spec.paths).find(
  ([, item]) => (item as { get?: { "x-client-method"?: string } }).get?.["x-client-method"] === "getMeetingParticipant",
)![0] as "/accounts/{account_id}/realtime/kit/{app_id}/meetings/{meeting_id}/participants/{participant_id}";

/** Parameters that satisfy every rule in the spec. */
export const validParams = () => ({
  account_id: "023e105f4ecef8ad9ca31a8372d0c353",
  app_id: "my-app",
  meeting_id: "550e8400-e29b-41d4-a716-446655440000",
  participant_id: "participant-1",
});

export const TOKEN = "test-token-Sn3lZJTBX6kkg7OdcBUAxOO963GE";

/** One call the client made to its `fetch`: the arguments as given, and the Request they describe. */
export type RecordedCall = { url: string; init: RequestInit; request: Request };

/**
 * A `fetch` of the typed client's shape, `(url, init)`, that answers every call with `respond()` and records
 * what was asked: `requests` as Request objects built from the arguments (so tests read `.url` and `.headers`
 * as the platform would send them), `calls` with the arguments themselves.
 */
export function recordingFetch(respond: (request: Request) => Response | Promise<Response>) {
  const calls: RecordedCall[] = [];
  const requests: Request[] = [];
  const fetch: FetchFunction = async (url, init) => {
    const request = new Request(url, init);
    calls.push({ url, init, request });
    requests.push(request);
    return respond(request);
  };
  return { fetch, requests, calls };
}

export const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });

/** Retry waits short enough for tests, still exponential with jitter. */
export const FAST_BACKOFF = { initialDelayMs: 1, maxDelayMs: 5 };

/** Collects unhandled promise rejections while a test file runs; `seen` must stay empty. */
export function watchUnhandledRejections() {
  const seen: unknown[] = [];
  const listener = (reason: unknown) => seen.push(reason);
  process.on("unhandledRejection", listener);
  return { seen, stop: () => process.off("unhandledRejection", listener) };
}

/** Resolves once `condition()` holds, checking every few milliseconds (for "the server has seen it" waits). */
export async function waitFor(condition: () => boolean, what: string, limitMs = 5_000): Promise<void> {
  const giveUp = Date.now() + limitMs;
  while (!condition()) {
    if (Date.now() > giveUp) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** The call's outcome once it settles; `undefined` until then. */
export function watch(call: Promise<unknown>) {
  const seen: { outcome?: { value?: unknown; error?: unknown } } = {};
  call.then(
    (value) => (seen.outcome = { value }),
    (error) => (seen.outcome = { error }),
  );
  return seen;
}
