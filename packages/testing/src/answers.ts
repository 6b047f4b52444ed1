// The bodies the fake API answers with: the spec's success answer (its example, else generated), a page of a
// list, Prism's 422 for an invalid request, the gateway's 401 without a token, and the two error envelopes.
import type { CloudflareV4ErrorBody, RealtimeKitErrorBody } from "@realtimekit-api/types";
import { generateValue } from "./generate-value.ts";
import { AUTHENTICATION_ERROR, PAGING } from "./generated/operations.ts";
import type { OperationSpec } from "./operation-spec.ts";
import { hash, seededRandom } from "./random.ts";
import type { Violation } from "./validate.ts";

/** The success body the spec promises for `operation`: its documented example, else one generated from its schema. */
export function specAnswer(operation: OperationSpec, seed: number, name: string): any {
  if (operation.example !== undefined) return structuredClone(operation.example);
  // Seeded by the operation's name too: its answer depends on the seed, not on which operations ran before.
  return generateValue(operation.successSchema, seededRandom(seed ^ hash(name)));
}

/**
 * The page of `items` the query asks for (`page_no`, from 1), `per_page` long (all of them when not given), with
 * its paging object as the API writes it: offsets from 1, inclusive. The names are the spec's (PAGING).
 */
export function page(body: any, items: unknown[], query: Record<string, unknown>): any {
  const [asked, size] = [query[PAGING.page], query[PAGING.perPage]];
  const perPage = typeof size === "number" ? size : items.length || 1;
  const pageNo = typeof asked === "number" ? asked : 1;
  const start = (pageNo - 1) * perPage;
  const data = items.slice(start, start + perPage);
  return {
    ...body,
    data,
    [PAGING.object]: {
      [PAGING.totalCount]: items.length,
      [PAGING.startOffset]: start + 1,
      [PAGING.endOffset]: start + data.length,
    },
  };
}

/** Prism's answer to a request that breaks the spec: 422, `application/problem+json`, the violations listed. */
export const invalidRequest = (validation: Violation[]) =>
  Response.json(
    {
      type: "https://stoplight.io/prism/errors#UNPROCESSABLE_ENTITY",
      title: "Invalid request",
      status: 422,
      detail:
        "Your request is not valid and no HTTP validation response was found in the spec, so Prism is generating this error for you.",
      validation,
    },
    { status: 422, headers: { "content-type": "application/problem+json" } },
  );

/** The API gateway's answer without a bearer token. */
export const unauthorized = () =>
  Response.json(AUTHENTICATION_ERROR, { status: 401, headers: { "www-authenticate": "Bearer" } });

export type ErrorEnvelope = "realtimekit" | "cloudflare";

/** RealtimeKit's own failure body. */
export const realtimeKitError = (status: number, message: string): RealtimeKitErrorBody => ({
  success: false,
  error: { code: status, message },
});

/** Cloudflare's v4 failure envelope. */
export const cloudflareError = (code: number, message: string): CloudflareV4ErrorBody => ({
  success: false,
  errors: [{ code, message }],
  messages: [],
  result: null,
});
