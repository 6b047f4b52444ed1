/**
 * Types for every Cloudflare RealtimeKit operation, generated from the spec shipped beside them
 * (`@realtimekit-api/types/openapi.json`).
 *
 * `paths`, `components` and `operations` are openapi-typescript's output. ./generated/operations.ts gives each
 * operation and each RealtimeKit schema friendly names into it, so consumers don't spell out index chains; this
 * file adds only the names no single operation or `realtimekit_` schema owns.
 */
import type { components } from "./generated/openapi.ts";

export type { components, operations, paths, webhooks } from "./generated/openapi.ts";
export type * from "./generated/operations.ts";

/** RealtimeKit's own failure body: `{ success: false, error: { code, message } }`. */
export type RealtimeKitErrorBody = components["schemas"]["realtimekit_GenericErrorResponse"];

/** Cloudflare's v4 failure envelope, answered by the API gateway: `{ success: false, errors, messages, result }`. */
export type CloudflareV4ErrorBody = components["schemas"]["realtimekit-api_V4ErrorResponse"];

/** One entry of `errors` or `messages` in Cloudflare's v4 envelope. */
export type CloudflareV4Message = components["schemas"]["realtimekit-api_V4Message"];
