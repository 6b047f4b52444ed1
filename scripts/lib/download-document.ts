// Downloads an upstream OpenAPI document: https only, one deadline for the whole download, and a size cap that
// stops reading as soon as it is passed, so a wrong URL or a runaway answer fails fast and says why.

const MB = 1024 * 1024;
/** Cloudflare's whole API document was 12.5 MB in 2026: room to grow fivefold, not room for anything. */
export const MAX_DOCUMENT_BYTES = 64 * MB;
/** Connection to last byte; the document takes seconds on a CI runner. */
export const DOWNLOAD_TIMEOUT_MS = 120_000;
const MAX_REDIRECTS = 5;
// Plain http only for a server on this machine (the tests' servers); anything farther must be https.
const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost"]);

export type DownloadOptions = { maxBytes?: number | undefined; timeoutMs?: number | undefined };
export type DownloadedDocument = { bytes: Buffer; lastModified: string | undefined };

/** Whether a command-line source is a URL rather than a file path. */
export const isUrl = (source: string): boolean => /^[a-z][a-z\d+.-]*:\/\//i.test(source);

export const formatBytes = (bytes: number): string => (bytes % MB === 0 ? `${bytes / MB} MB` : `${bytes} bytes`);

/** Fetches `address`; every error names it and what went wrong. */
export async function downloadDocument(address: string, options: DownloadOptions = {}): Promise<DownloadedDocument> {
  const maxBytes = options.maxBytes ?? MAX_DOCUMENT_BYTES;
  const timeoutMs = options.timeoutMs ?? DOWNLOAD_TIMEOUT_MS;
  const fail = (what: string) => new DownloadError(`${address}: ${what}`);
  const signal = AbortSignal.timeout(timeoutMs);
  const timedOut = () => fail(`no complete answer within ${timeoutMs / 1000} s (timed out)`);

  let url = allowedUrl(address, address);
  let response: Response;
  // Redirects are followed by hand so that each target is checked: fetch would follow https to plain http.
  for (let redirects = 0; ; redirects++) {
    try {
      response = await fetch(url, { signal, redirect: "manual" });
    } catch (error) {
      throw signal.aborted ? timedOut() : fail(`cannot be fetched (${causeOf(error)})`);
    }
    const location = response.headers.get("location");
    if (response.status < 300 || response.status >= 400 || !location) break;
    await response.body?.cancel();
    if (redirects === MAX_REDIRECTS) throw fail(`more than ${MAX_REDIRECTS} redirects`);
    url = allowedUrl(new URL(location, url).href, `${address} (redirected to ${location})`);
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw fail(`the server answered ${response.status} ${response.statusText}`.trimEnd());
  }
  const declared = Number(response.headers.get("content-length") ?? Number.NaN);
  if (declared > maxBytes) {
    await response.body?.cancel();
    throw fail(`is ${declared} bytes, more than the limit of ${formatBytes(maxBytes)}`);
  }

  const chunks: Uint8Array[] = [];
  let received = 0;
  const reader = response.body?.getReader();
  try {
    for (;;) {
      const chunk = await reader?.read();
      if (!chunk || chunk.done) break;
      received += chunk.value.byteLength;
      if (received > maxBytes) {
        await reader!.cancel();
        throw fail(`is larger than the limit of ${formatBytes(maxBytes)} (stopped after ${received} bytes)`);
      }
      chunks.push(chunk.value);
    }
  } catch (error) {
    if (error instanceof DownloadError) throw error;
    throw signal.aborted ? timedOut() : fail(`the download broke off after ${received} bytes (${causeOf(error)})`);
  }
  // Content-Length counts encoded bytes: it can be compared only when the body was not content-encoded.
  if (Number.isFinite(declared) && !response.headers.get("content-encoding") && received !== declared) {
    throw fail(`the download broke off after ${received} of the ${declared} bytes announced`);
  }
  return { bytes: Buffer.concat(chunks), lastModified: response.headers.get("last-modified") ?? undefined };
}

class DownloadError extends Error {}

function allowedUrl(text: string, shown: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new DownloadError(`${shown}: is not a valid URL`);
  }
  if (url.protocol === "https:" || (url.protocol === "http:" && LOOPBACK_HOSTS.has(url.hostname))) return url;
  throw new DownloadError(`${shown}: only https:// is fetched (plain http:// only from 127.0.0.1 or localhost)`);
}

/** undici reports "fetch failed" or "terminated" and puts what happened (ECONNREFUSED, other side closed) in cause. */
function causeOf(error: unknown): string {
  const { message, cause } = error as { message?: string; cause?: { message?: string } };
  return (cause?.message || message || String(error)).trim().split("\n")[0]!;
}
