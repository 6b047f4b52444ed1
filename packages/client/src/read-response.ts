import {
  type ApiErrorDetail,
  RealtimeKitApiError,
  RealtimeKitResponseValidationError,
  type ResponseIssue,
} from "./errors.ts";
import { isRetryableResponse } from "./retry-policy.ts";
import { type Rules, type Schema, validateSchema } from "./validate-schema.ts";

const EXCERPT_LENGTH = 200;
// application/json, any +json type, with parameters: enough to tell JSON from a proxy's HTML or text page.
const JSON_MEDIA_TYPE = /json/i;
// Cancelling a body that already broke off rejects; the failure being reported is the one that matters.
const ignore = () => {};

export type SuccessContract = {
  /** The success schema, when answers are validated. */
  schema?: Schema | undefined;
  rules?: Rules | undefined;
  resultProperty: string;
  /** Resolve to the whole body (a page's `paging` beside its items), not only the result. */
  envelope?: boolean;
};

/**
 * A success answer → the envelope's payload (or with `envelope`, the envelope), or RealtimeKitResponseValidationError when the body is empty,
 * not JSON, too large, or (given a `schema`) not what the spec promises.
 */
export async function readSuccess(
  response: Response,
  contract: SuccessContract,
  maxBytes: number,
  attempts: number,
): Promise<unknown> {
  const contentType = response.headers.get("content-type") ?? "";
  if (!JSON_MEDIA_TYPE.test(contentType)) {
    await response.body?.cancel().catch(ignore);
    throw unexpectedBody(
      response,
      attempts,
      `content-type must be JSON, not ${JSON.stringify(contentType || "(none)")}`,
    );
  }
  // A body declared larger than the limit is refused before any of it is read.
  const declared = Number(response.headers.get("content-length")) > maxBytes;
  const [text, whole] = declared
    ? (await response.body?.cancel().catch(ignore), ["", false])
    : await readText(response, maxBytes);
  if (!whole) throw unexpectedBody(response, attempts, `body is larger than the ${maxBytes}-byte limit`);
  if (!text.trim()) throw unexpectedBody(response, attempts, "body is empty");
  let body: any;
  try {
    body = JSON.parse(text);
  } catch {
    throw unexpectedBody(response, attempts, "body is not valid JSON");
  }
  if (contract.schema) {
    const issues = validateSchema(contract.schema, body, contract.rules!);
    if (issues.length > 0) throw unexpectedBody(response, attempts, issues);
  }
  const result = body?.[contract.resultProperty];
  if (body?.success !== true || typeof result !== "object" || result === null) {
    throw unexpectedBody(
      response,
      attempts,
      `body is not a success envelope with an object in "${contract.resultProperty}"`,
    );
  }
  return contract.envelope ? body : result;
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
 * or Cloudflare's v4 `{ errors: [{ code, message }] }`. A body that is not JSON (a proxy's HTML page) is kept as
 * a short excerpt. At most `maxBytes` of it are read, so a huge error page cannot exhaust memory.
 */
export async function readApiError(
  response: Response,
  attempts: number,
  redact: (text: string) => string,
  maxBytes: number,
) {
  const { status } = response;
  const [text] = await readText(response, maxBytes);
  let body: any = text;
  try {
    body = JSON.parse(text);
  } catch {}
  const headers = redactedHeaders(response.headers, redact);
  const errors = typeof body === "object" && body !== null ? errorDetails(body, redact) : [];
  const excerpt =
    typeof body === "string" && body.trim()
      ? redact(body.replace(/\s+/g, " ").trim()).slice(0, EXCERPT_LENGTH)
      : undefined;
  return new RealtimeKitApiError({
    status,
    headers,
    errors,
    requestId: headers.get("cf-ray") ?? undefined,
    retryable: isRetryableResponse(status),
    attempts,
    bodyExcerpt: excerpt,
    // 0 is what a browser reports for a redirect it was told not to follow.
    message: status < 200 || (status > 299 && status < 400) ? "a redirect (never followed)" : undefined,
  });
}

/** A copy of the headers with the credential redacted wherever a value echoes it. */
function redactedHeaders(headers: Headers, redact: (text: string) => string): Headers {
  return new Headers([...headers].map(([name, value]): [string, string] => [name, redact(value)]));
}

function errorDetails(body: any, redact: (text: string) => string): ApiErrorDetail[] {
  const entries: unknown[] = Array.isArray(body.errors) ? body.errors : body.error ? [body.error] : [];
  return entries.map((entry: any) => ({
    code: typeof entry?.code === "number" ? entry.code : undefined,
    message: redact(String(typeof entry === "string" ? entry : (entry?.message ?? JSON.stringify(entry)))),
  }));
}

// One decoder for every call: a whole-buffer decode keeps no state between calls, and making a decoder per
// call costs more than the call's own work.
const UTF8 = new TextDecoder();

/**
 * The body as text, read up to `maxBytes`: `[text, true]` when that was all of it, `[the first maxBytes, false]`
 * when it was longer (reading stops there and the rest is cancelled). A small JSON body is almost always one
 * chunk, decoded as it came.
 */
async function readText(response: Response, maxBytes: number): Promise<[text: string, whole: boolean]> {
  const reader = response.body?.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (let chunk: ReadableStreamReadResult<Uint8Array>; reader && !(chunk = await reader.read()).done; ) {
    chunks.push(chunk.value);
    if ((size += chunk.value.byteLength) > maxBytes) {
      await reader.cancel().catch(ignore);
      break;
    }
  }
  // Several chunks (a large body) are joined first, so that a character split between two is read whole.
  const text = chunks[1]
    ? await new Blob(chunks as BlobPart[]).slice(0, maxBytes).text()
    : UTF8.decode(chunks[0]?.subarray(0, maxBytes));
  return [text, size <= maxBytes];
}
