import { type ApiErrorDetail, RealtimeKitApiError, RealtimeKitResponseValidationError, type ResponseIssue } from "./errors.ts";
import { isRetryableResponse } from "./retry-policy.ts";
import { type Schema, validateSchema } from "./validate-schema.ts";

const EXCERPT_LENGTH = 200;
const JSON_MEDIA_TYPE = /^application\/([\w.-]+\+)?json\s*(;|$)/i;
const UTF8 = new TextDecoder();
const BLANK = /^\s*$/;
// Cancelling a body that already broke off rejects; the failure being reported is the one that matters.
const ignore = () => {};

export type SuccessContract = { schema: Schema; resultProperty: string; validate: boolean };

/**
 * A success answer → the envelope's payload, or RealtimeKitResponseValidationError when the body is empty,
 * not JSON, too large, or (with `validate`) not what the spec promises.
 */
export async function readSuccess(response: Response, contract: SuccessContract, maxBytes: number, attempts: number): Promise<unknown> {
  const contentType = response.headers.get("content-type") ?? "";
  if (!JSON_MEDIA_TYPE.test(contentType)) {
    await response.body?.cancel().catch(ignore);
    throw unexpectedBody(response, attempts, `content-type must be JSON, not ${JSON.stringify(contentType || "(none)")}`);
  }
  const text = await readText(response, maxBytes);
  if (text === undefined) throw unexpectedBody(response, attempts, `body is larger than the ${maxBytes}-byte limit`);
  if (BLANK.test(text)) throw unexpectedBody(response, attempts, "body is empty");
  let body: any;
  try {
    body = JSON.parse(text);
  } catch {
    throw unexpectedBody(response, attempts, "body is not valid JSON (truncated or malformed)");
  }
  if (contract.validate) {
    const issues = validateSchema(contract.schema, body);
    if (issues.length > 0) throw unexpectedBody(response, attempts, issues);
  }
  const result = body?.[contract.resultProperty];
  if (body?.success !== true || typeof result !== "object" || result === null) {
    throw unexpectedBody(response, attempts, `body is not a success envelope with an object in "${contract.resultProperty}"`);
  }
  return result;
}

const unexpectedBody = (response: Response, attempts: number, issues: string | ResponseIssue[]) =>
  new RealtimeKitResponseValidationError(
    response.status,
    typeof issues === "string" ? [{ pointer: "", message: issues }] : issues,
    response.headers.get("cf-ray") ?? undefined,
    attempts,
  );

/**
 * A failure answer → RealtimeKitApiError, reading either envelope: RealtimeKit's `{ error: { code, message } }`
 * or Cloudflare's v4 `{ errors: [{ code, message }] }`. `body` is what openapi-fetch read: the parsed JSON,
 * or the text when it wasn't JSON (a proxy's HTML page), kept as a short excerpt.
 */
export function apiErrorFrom(response: Response, body: unknown, attempts: number, redact: (text: string) => string) {
  const { status } = response;
  const headers = redactedHeaders(response.headers, redact);
  const errors = typeof body === "object" && body !== null ? errorDetails(body, redact) : [];
  const excerpt = typeof body === "string" && body.trim() ? redact(body.replace(/\s+/g, " ").trim().slice(0, EXCERPT_LENGTH)) : undefined;
  return new RealtimeKitApiError({
    status,
    headers,
    errors,
    requestId: headers.get("cf-ray") ?? undefined,
    retryable: isRetryableResponse(status, headers),
    attempts,
    bodyExcerpt: excerpt,
    // 0 is what a browser reports for a redirect it was told not to follow.
    ...(status < 200 || (status > 299 && status < 400) ? { message: "a redirect, which the client never follows" } : {}),
  });
}

/** The headers as they came, unless a value echoes the credential: then a copy with it redacted. */
function redactedHeaders(headers: Headers, redact: (text: string) => string): Headers {
  let copy: Headers | undefined;
  headers.forEach((value, name) => {
    const safe = redact(value);
    if (safe !== value) (copy ??= new Headers(headers)).set(name, safe);
  });
  return copy ?? headers;
}

function errorDetails(body: any, redact: (text: string) => string): ApiErrorDetail[] {
  const entries: unknown[] = Array.isArray(body.errors) ? body.errors : body.error ? [body.error] : [];
  return entries.map((entry: any) => ({
    code: typeof entry?.code === "number" ? entry.code : undefined,
    message: redact(typeof entry?.message === "string" ? entry.message : typeof entry === "string" ? entry : JSON.stringify(entry)),
  }));
}

/** The body as text, or undefined when it is longer than `maxBytes` (reading stops there). */
async function readText(response: Response, maxBytes: number): Promise<string | undefined> {
  if (Number(response.headers.get("content-length")) > maxBytes) {
    await response.body?.cancel().catch(ignore);
    return undefined;
  }
  const reader = response.body?.getReader();
  if (!reader) return "";
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (let chunk; !(chunk = await reader.read()).done; ) {
    size += chunk.value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(ignore);
      return undefined;
    }
    chunks.push(chunk.value);
  }
  // A small JSON body is almost always one chunk: decode it as is, with one decoder shared by all calls
  // (a whole-buffer decode keeps no state between calls).
  if (chunks.length === 1) return UTF8.decode(chunks[0]);
  const joined = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    joined.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return UTF8.decode(joined);
}

/**
 * An error answer with its body cut off after `maxBytes`: openapi-fetch reads error bodies whole, and a
 * huge error page must not exhaust memory. Success and redirect answers pass through untouched.
 */
export function withBoundedErrorBody(response: Response, maxBytes: number): Response {
  if (response.status < 400 || !response.body) return response;
  let size = 0;
  const bounded = new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      size += chunk.byteLength;
      if (size > maxBytes) controller.terminate();
      else controller.enqueue(chunk);
    },
  });
  return new Response(response.body.pipeThrough(bounded), response);
}
