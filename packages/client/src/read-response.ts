import { type ApiErrorDetail, RealtimeKitApiError, RealtimeKitResponseValidationError } from "./errors.ts";
import { isRetryableResponse } from "./retry-policy.ts";
import { type Schema, validateSchema } from "./validate-schema.ts";

const EXCERPT_LENGTH = 200;

export type SuccessContract = { schema: Schema; resultProperty: string; validate: boolean };

/**
 * A success answer → the envelope's payload, or RealtimeKitResponseValidationError when the body is empty,
 * not JSON, too large, or (with `validate`) not what the spec promises.
 */
export async function readSuccess(response: Response, contract: SuccessContract, maxBytes: number): Promise<unknown> {
  const requestId = response.headers.get("cf-ray") ?? undefined;
  const reject = (message: string, pointer = ""): never => {
    throw new RealtimeKitResponseValidationError(response.status, [{ pointer, message }], requestId);
  };
  const contentType = response.headers.get("content-type") ?? "";
  if (!/[/+]json\b/i.test(contentType)) {
    await response.body?.cancel();
    reject(`content-type must be JSON, not ${JSON.stringify(contentType || "(none)")}`);
  }
  const text = await readText(response, maxBytes);
  if (text === undefined) reject(`body is larger than the ${maxBytes}-byte limit`);
  if (text!.trim() === "") reject("body is empty");
  let body: unknown;
  try {
    body = JSON.parse(text!);
  } catch {
    reject("body is not valid JSON (truncated or malformed)");
  }
  if (contract.validate) {
    const violations = validateSchema(contract.schema, body);
    if (violations.length > 0) {
      throw new RealtimeKitResponseValidationError(response.status, violations.map(({ pointer, message }) => ({ pointer, message })), requestId);
    }
  }
  const envelope = body as Record<string, unknown> | null;
  const result = envelope?.[contract.resultProperty];
  if (typeof envelope !== "object" || envelope?.success !== true || typeof result !== "object" || result === null) {
    reject(`body is not a success envelope with an object in "${contract.resultProperty}"`);
  }
  return result;
}

/**
 * A failure answer → RealtimeKitApiError, reading either envelope: RealtimeKit's `{ error: { code, message } }`
 * or Cloudflare's v4 `{ errors: [{ code, message }] }`. `body` is what openapi-fetch read: the parsed JSON,
 * or the text when it wasn't JSON (a proxy's HTML page), kept as a short excerpt.
 */
export function apiErrorFrom(response: Response, body: unknown, attempts: number, redact: (text: string) => string) {
  const errors = typeof body === "object" && body !== null ? errorDetails(body, redact) : [];
  const excerpt = typeof body === "string" && body.trim() ? redact(body.replace(/\s+/g, " ").trim().slice(0, EXCERPT_LENGTH)) : undefined;
  return new RealtimeKitApiError({
    status: response.status,
    headers: response.headers,
    errors,
    requestId: response.headers.get("cf-ray") ?? undefined,
    retryable: isRetryableResponse(response.status, response.headers),
    attempts,
    bodyExcerpt: excerpt,
  });
}

function errorDetails(body: any, redact: (text: string) => string): ApiErrorDetail[] {
  const entries: unknown[] = Array.isArray(body?.errors) ? body.errors : body?.error ? [body.error] : [];
  return entries.map((entry: any) => ({
    code: typeof entry?.code === "number" ? entry.code : undefined,
    message: redact(typeof entry?.message === "string" ? entry.message : typeof entry === "string" ? entry : JSON.stringify(entry)),
  }));
}

/** The body as text, or undefined when it is longer than `maxBytes` (reading stops there). */
async function readText(response: Response, maxBytes: number): Promise<string | undefined> {
  const declared = Number(response.headers.get("content-length"));
  if (declared > maxBytes) {
    await response.body?.cancel();
    return undefined;
  }
  if (!response.body) return "";
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  if (chunks.length === 1) return new TextDecoder().decode(chunks[0]);
  const joined = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    joined.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(joined);
}
