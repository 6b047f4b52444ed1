// Downloads an upstream OpenAPI document: https only, one deadline for the whole download, and a size cap that
// stops reading as soon as it is passed, so a wrong URL or a runaway answer fails fast and says why.
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { parseOpenApiDocument } from "./openapi.ts";

const MB = 1024 * 1024;
/** Cloudflare's whole API document was 12.5 MB in 2026: room to grow fivefold, not room for anything. */
export const MAX_DOCUMENT_BYTES = 64 * MB;
/** Connection to last byte; the document takes seconds on a CI runner. */
const DOWNLOAD_TIMEOUT_MS = 120_000;
const MAX_REDIRECTS = 5;
// Plain http only for a server on this machine (the tests' servers); anything farther must be https.
const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost"]);

export type DownloadOptions = { maxBytes?: number | undefined; timeoutMs?: number | undefined };

/** Whether a command-line source is a URL rather than a file path. */
export const isUrl = (source: string): boolean => /^[a-z][a-z\d+.-]*:\/\//i.test(source);

const formatBytes = (bytes: number): string => (bytes % MB === 0 ? `${bytes / MB} MB` : `${bytes} bytes`);

/** Fetches and parses `address`; every error names it and what went wrong. */
export async function downloadDocument(address: string, options: DownloadOptions = {}) {
  const maxBytes = options.maxBytes ?? MAX_DOCUMENT_BYTES;
  const timeoutMs = options.timeoutMs ?? DOWNLOAD_TIMEOUT_MS;
  const signal = AbortSignal.timeout(timeoutMs);
  const fail = (what: string) => new Error(`${address}: ${what}`);
  // Past the deadline, fetch and the body fail with an abort: say that it timed out.
  const broke = (what: string) =>
    fail(signal.aborted ? `no complete answer within ${timeoutMs / 1000} s (timed out)` : what);

  let url = allowedUrl(address, address);
  let response: Response;
  // Redirects are followed by hand so that each target is checked: fetch would follow https to plain http.
  for (let redirects = 0; ; redirects++) {
    response = await fetch(url, { signal, redirect: "manual" }).catch((error) => {
      throw broke(`cannot be fetched (${causeOf(error)})`);
    });
    const location = response.headers.get("location");
    if (response.status < 300 || response.status >= 400 || !location) break;
    await response.body?.cancel();
    if (redirects === MAX_REDIRECTS) throw fail(`more than ${MAX_REDIRECTS} redirects`);
    url = allowedUrl(new URL(location, url).href, `${address} (redirected to ${location})`);
  }
  const declared = Number(response.headers.get("content-length") ?? Number.NaN);
  const refusal = !response.ok
    ? `the server answered ${response.status} ${response.statusText}`.trimEnd()
    : declared > maxBytes && `is ${declared} bytes, more than the limit of ${formatBytes(maxBytes)}`;
  if (refusal) {
    await response.body?.cancel();
    throw fail(refusal);
  }

  const chunks: Uint8Array[] = [];
  let received = 0;
  try {
    // Leaving the loop cancels the download. fetch itself fails a body shorter than its Content-Length.
    for await (const chunk of (response.body ?? []) as NodeReadableStream<Uint8Array> | []) {
      received += chunk.byteLength;
      if (received > maxBytes) break;
      chunks.push(chunk);
    }
  } catch (error) {
    throw broke(`the download broke off after ${received} bytes (${causeOf(error)})`);
  }
  if (received > maxBytes) {
    throw fail(`is larger than the limit of ${formatBytes(maxBytes)} (stopped after ${received} bytes)`);
  }
  const lastModified = response.headers.get("last-modified") ?? undefined;
  return { ...parseOpenApiDocument(Buffer.concat(chunks), address, maxBytes), lastModified };
}

function allowedUrl(text: string, shown: string): URL {
  if (!URL.canParse(text)) throw new Error(`${shown}: is not a valid URL`);
  const url = new URL(text);
  if (url.protocol === "https:" || (url.protocol === "http:" && LOOPBACK_HOSTS.has(url.hostname))) return url;
  throw new Error(`${shown}: only https:// is fetched (plain http:// only from 127.0.0.1 or localhost)`);
}

/** undici reports "fetch failed" or "terminated" and puts what happened (ECONNREFUSED, other side closed) in cause. */
function causeOf(error: unknown): string {
  const { message, cause } = error as { message?: string; cause?: { message?: string } };
  return (cause?.message || message || String(error)).trim().split("\n")[0]!;
}
