import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { basename, dirname, resolve } from "node:path";
import { parse as parseYaml } from "yaml";
import { applyOverlay } from "./apply-overlay.ts";
import { canonicalJson } from "./canonical-json.ts";
import { type DownloadOptions, downloadDocument, isUrl } from "./download-document.ts";
import { extractOperations } from "./extract-operations.ts";
import { loadOpenApiDocument, type OpenApiDocument, operationsOf } from "./openapi.ts";
import { selectOperations } from "./select-operations.ts";

/** openapi/sync.config.json: what is published (a path prefix), each operation's method name, overlay, output. */
export type SyncConfig = {
  select: { pathPrefix: string };
  methods: Record<string, string>;
  methodVerbs: string[];
  overlay: string;
  output: string;
};
export type UpstreamOptions = { date?: string | undefined; download?: DownloadOptions | undefined };
export type SyncedSpec = ReturnType<typeof specFromUpstream>;
/** Cloudflare's document as the sync reads it: parsed, its unzipped bytes (for the sha256), and its date. */
type Upstream = { document: OpenApiDocument; bytes: Buffer; date: string };

/** `syncSpecFrom` for a file, without waiting: dated by `date`, else by the first YYYY-MM-DD in the file's name. */
export function syncSpec(configFile: string, upstreamFile: string, date?: string): SyncedSpec {
  const config = readSyncConfig(configFile);
  checkDate(date);
  const upstream = loadOpenApiDocument(upstreamFile);
  const upstreamDate = date ?? basename(upstreamFile).match(/\d{4}-\d{2}-\d{2}/)?.[0];
  if (!upstreamDate) throw new Error(`${upstreamFile}: no date in the file name; pass --date YYYY-MM-DD`);
  return specFromUpstream(configFile, config, { ...upstream, date: upstreamDate });
}

/**
 * Upstream document (a file, or an https URL dated by `--date` or its Last-Modified) → our spec text: overlay on
 * the whole document, then the configured operations with their `$ref` closure, with the upstream's date and
 * sha256 recorded in `info.x-upstream`.
 */
export async function syncSpecFrom(configFile: string, source: string, options: UpstreamOptions = {}) {
  if (!isUrl(source)) return syncSpec(configFile, source, options.date);
  const config = readSyncConfig(configFile);
  checkDate(options.date);
  const { lastModified, ...upstream } = await downloadDocument(source, options.download);
  const date = options.date ?? dateFromLastModified(source, lastModified);
  return specFromUpstream(configFile, config, { ...upstream, date });
}

/** What a maintainer should do about the naming: name the new operations, drop the stale names. */
export function describeNaming({ derived, unused }: SyncedSpec["naming"]): string[] {
  return [
    ...derived.map(
      ({ operationId, method }) =>
        `new operation ${operationId} is published as ${method}(): name it in openapi/sync.config.json "methods"`,
    ),
    ...unused.map((operationId) => `openapi/sync.config.json names ${operationId}, which upstream no longer has`),
  ];
}

function specFromUpstream(configFile: string, config: SyncConfig, { document, bytes, date }: Upstream) {
  // Selected before the overlay, whose targets would otherwise be the first thing to fail on a bad document.
  const selection = selectOperations(document, config);
  const upstreamInfo = { title: document.info.title, version: document.info.version };
  applyOverlay(document, parseYaml(readFileSync(resolve(dirname(configFile), config.overlay), "utf8")));
  const spec = extractOperations(document, selection.operationIds);
  // Each operation carries its method name, so docs, codegen and the diff read it from the spec alone.
  for (const { operation } of operationsOf(spec)) {
    operation.node["x-client-method"] = selection.methods.get(operation.node.operationId);
  }
  spec.info["x-upstream"] = { ...upstreamInfo, date, sha256: createHash("sha256").update(bytes).digest("hex") };
  return {
    text: canonicalJson(spec),
    output: resolve(dirname(configFile), config.output),
    /** Operations the config does not name yet, with the names derived for them; and names it holds in vain. */
    naming: { derived: selection.derived, unused: selection.unused },
  };
}

function dateFromLastModified(url: string, lastModified: string | undefined): string {
  if (!lastModified)
    throw new Error(`${url}: the answer has no Last-Modified header to date it; pass --date YYYY-MM-DD`);
  const time = new Date(lastModified);
  if (Number.isNaN(time.getTime()))
    throw new Error(`${url}: cannot read the Last-Modified header "${lastModified}"; pass --date YYYY-MM-DD`);
  // HTTP dates are in GMT: the UTC calendar day is the document's date wherever the sync runs.
  return time.toISOString().slice(0, 10);
}

/** The config, read before any download so that a mistake in it is not reported after 12 MB have arrived. */
function readSyncConfig(configFile: string): SyncConfig {
  const config = JSON.parse(readFileSync(configFile, "utf8"));
  // Without verbs every name would be refused, with a message listing none.
  if (!config.methodVerbs?.length) throw new Error(`${configFile}: "methodVerbs" lists no verbs`);
  return config;
}

/** `--date`, checked as early as the config: a day that does not exist (2026-02-30) is refused, not rolled over. */
function checkDate(date: string | undefined): void {
  if (date === undefined) return;
  const day = new Date(`${date}T00:00:00Z`);
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(date) && !Number.isNaN(day.getTime()) && day.toISOString().startsWith(date);
  if (!valid) throw new Error(`--date ${date}: not a date in the form YYYY-MM-DD`);
}
