import { basename } from "node:path";
import { type DownloadOptions, downloadDocument, isUrl, MAX_DOCUMENT_BYTES } from "./download-document.ts";
import { loadOpenApiDocument, type OpenApiDocument, parseOpenApiDocument } from "./openapi.ts";

/** Cloudflare's document as the sync reads it: parsed, its unzipped bytes (for the sha256), and its date. */
export type Upstream = { document: OpenApiDocument; bytes: Buffer; date: string };
export type UpstreamOptions = { date?: string | undefined; download?: DownloadOptions | undefined };

/** The upstream document from a file or an https URL; `date` (YYYY-MM-DD) overrides where the date comes from. */
export async function loadUpstream(source: string, options: UpstreamOptions = {}): Promise<Upstream> {
  if (!isUrl(source)) return loadUpstreamFile(source, options.date);
  checkDate(options.date);
  const { bytes, lastModified } = await downloadDocument(source, options.download);
  const maxBytes = options.download?.maxBytes ?? MAX_DOCUMENT_BYTES;
  const parsed = parseOpenApiDocument(bytes, source, maxBytes);
  return { ...parsed, date: options.date ?? dateFromLastModified(source, lastModified) };
}

/** A file's date is `--date`, else the first YYYY-MM-DD in its name (the name the maintainer gave the download). */
export function loadUpstreamFile(file: string, date?: string): Upstream {
  checkDate(date);
  const parsed = loadOpenApiDocument(file);
  const upstreamDate = date ?? basename(file).match(/\d{4}-\d{2}-\d{2}/)?.[0];
  if (!upstreamDate) throw new Error(`${file}: no date in the file name; pass --date YYYY-MM-DD`);
  return { ...parsed, date: upstreamDate };
}

function dateFromLastModified(url: string, lastModified: string | undefined): string {
  if (!lastModified)
    throw new Error(`${url}: the answer has no Last-Modified header to date it; pass --date YYYY-MM-DD`);
  const time = new Date(lastModified);
  if (Number.isNaN(time.getTime())) {
    throw new Error(`${url}: cannot read the Last-Modified header "${lastModified}"; pass --date YYYY-MM-DD`);
  }
  // HTTP dates are in GMT: the UTC calendar day is the document's date wherever the sync runs.
  return time.toISOString().slice(0, 10);
}

function checkDate(date: string | undefined): void {
  if (date === undefined) return;
  const day = new Date(`${date}T00:00:00Z`);
  // A day that does not exist (2026-02-30) is either invalid or rolls over into the next month.
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(date) && !Number.isNaN(day.getTime()) && day.toISOString().startsWith(date);
  if (!valid) throw new Error(`--date ${date}: not a date in the form YYYY-MM-DD`);
}
