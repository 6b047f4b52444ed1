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

/**
 * The JSON Schema subset the generated tables hold: what `@realtimekit-api/client` validates parameters, bodies
 * and answers against, and what `@realtimekit-api/testing` validates requests against and generates answers from.
 * One definition, so the two cannot drift apart; its keywords and checked formats are listed, for the generators
 * and the client's rules, in `@realtimekit-api/types/schema-subset.json` (a test holds its keywords to this type;
 * the client's test holds its formats and keywords to the client's rules).
 */
export type JsonSchemaSubset = {
  readonly type?: string | readonly string[];
  readonly nullable?: boolean;
  readonly format?: string;
  readonly pattern?: string;
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: number | boolean;
  readonly exclusiveMaximum?: number | boolean;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly required?: readonly string[];
  readonly properties?: { readonly [name: string]: JsonSchemaSubset };
  readonly items?: JsonSchemaSubset;
  readonly additionalProperties?: JsonSchemaSubset | false;
  readonly allOf?: readonly JsonSchemaSubset[];
  readonly anyOf?: readonly JsonSchemaSubset[];
  readonly oneOf?: readonly JsonSchemaSubset[];
};
