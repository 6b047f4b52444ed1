// `@realtimekit-api/client/raw`: the typed openapi-fetch client for the spec's paths, authenticated and with
// the typed client's protections (the same option checks, path-segment rules, no redirects followed, a
// User-Agent), but no retries, timeouts or typed errors. A separate export, so that applications making
// only the typed call never load openapi-fetch.
import type { paths } from "@realtimekit-api/types";
import { type ConnectionOptions, connectionFor } from "./connection.ts";
import { defaultBaseUrl } from "./generated/operations.ts";
import { logTo } from "./logger.ts";
import { type Client, createClient } from "./openapi-fetch.ts";
import { checkPathValues, fillPath } from "./path-segments.ts";

export type { Client, Middleware } from "./openapi-fetch.ts";

export type RealtimeKitRawClientOptions = ConnectionOptions & {
  /** A `fetch` to use instead of the global one; openapi-fetch calls it with a Request. */
  fetch?: (request: Request) => Promise<Response>;
};

/**
 * The openapi-fetch client (`GET`, `request`, `use` …) answering `{ data, error, response }`, with every request
 * authenticated. Throws RealtimeKitValidationError on a bad option, and on a path parameter that is not one
 * non-empty path segment (`..` would climb a segment).
 */
export function createRealtimeKitRawClient(options: RealtimeKitRawClientOptions = {}): Client<paths> {
  const { baseUrl, headers } = connectionFor(defaultBaseUrl, options);
  const log = logTo(options.logger, options.logLevel);
  const client = createClient<paths>({
    baseUrl,
    headers,
    // Each request fills its own template: `..`, empty and missing values are refused as in the typed client.
    pathSerializer: (template, values) => {
      checkPathValues(template, values);
      return fillPath(template, values);
    },
    // The API does not redirect. Following one could carry the token to another origin, so none is followed.
    redirect: "manual",
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  // openapi-fetch calls pathSerializer only when `params.path` is given: without it, each `{name}` would be
  // sent as is. This refuses such a request, naming the first missing parameter, before anything is sent.
  client.use({
    onRequest: ({ schemaPath, params }) => {
      if (!params.path) checkPathValues(schemaPath, {});
    },
  });
  if (log && options.logLevel === "debug") {
    client.use({
      onRequest: ({ request }) =>
        log("debug", "request", {
          method: request.method,
          url: request.url,
          headers: Object.fromEntries(request.headers),
        }),
      onResponse: ({ response }) =>
        log("debug", "response", { status: response.status, requestId: response.headers.get("cf-ray") }),
    });
  }
  return client;
}
