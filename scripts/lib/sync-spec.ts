import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { parse as parseYaml } from "yaml";
import { applyOverlay, type Overlay } from "./apply-overlay.ts";
import { canonicalJson } from "./canonical-json.ts";
import { extractOperations } from "./extract-operations.ts";
import { loadUpstream, loadUpstreamFile, type Upstream, type UpstreamOptions } from "./load-upstream.ts";
import { operationsOf } from "./openapi.ts";
import { selectOperations } from "./select-operations.ts";

/** openapi/sync.config.json: what is published (a path prefix), each operation's method name, overlay, output. */
export type SyncConfig = {
  select: { pathPrefix: string };
  methods: Record<string, string>;
  overlay: string;
  output: string;
};
export type SyncedSpec = ReturnType<typeof specFromUpstream>;

/** `syncSpecFrom` for a file on disk, without waiting: the upstream date from `date` or the file name. */
export function syncSpec(configFile: string, upstreamFile: string, date?: string): SyncedSpec {
  const config = readSyncConfig(configFile);
  return specFromUpstream(configFile, config, loadUpstreamFile(upstreamFile, date));
}

/**
 * Upstream document (a file, or an https URL dated by `--date` or its Last-Modified) → our spec text: overlay on
 * the whole document, then the configured operations with their `$ref` closure, with the upstream's date and
 * sha256 recorded in `info.x-upstream`.
 */
export async function syncSpecFrom(
  configFile: string,
  source: string,
  options: UpstreamOptions = {},
): Promise<SyncedSpec> {
  // Read first: a broken config should not wait for a 12 MB download to be reported.
  const config = readSyncConfig(configFile);
  return specFromUpstream(configFile, config, await loadUpstream(source, options));
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

const readSyncConfig = (configFile: string) => JSON.parse(readFileSync(configFile, "utf8")) as SyncConfig;

function specFromUpstream(configFile: string, config: SyncConfig, upstream: Upstream) {
  const { document, bytes, date } = upstream;
  // Selected before the overlay, whose targets would otherwise be the first thing to fail on a bad document.
  const selection = selectOperations(document, config);
  const upstreamInfo = { title: document.info.title, version: document.info.version };
  const overlay = parseYaml(readFileSync(resolve(dirname(configFile), config.overlay), "utf8")) as Overlay;
  applyOverlay(document, overlay);
  const spec = extractOperations(document, selection.operationIds);
  // Each operation carries its method name, so docs, codegen and the diff read it from the spec alone.
  for (const { operation } of operationsOf(spec)) {
    operation.node["x-client-method"] = selection.methods.get(operation.node.operationId);
  }
  spec.info = {
    ...spec.info,
    "x-upstream": {
      ...upstreamInfo,
      date,
      sha256: createHash("sha256").update(bytes).digest("hex"),
    },
  };
  return {
    text: canonicalJson(spec),
    output: resolve(dirname(configFile), config.output),
    /** Operations the config does not name yet, with the names derived for them; and names it holds in vain. */
    naming: { derived: selection.derived, unused: selection.unused },
  };
}
