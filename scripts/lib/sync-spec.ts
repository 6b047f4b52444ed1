import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { parse as parseYaml } from "yaml";
import { applyOverlay, type Overlay } from "./apply-overlay.ts";
import { canonicalJson } from "./canonical-json.ts";
import { assertOperationsExist, extractOperations } from "./extract-operations.ts";
import { loadUpstream, loadUpstreamFile, type Upstream, type UpstreamOptions } from "./load-upstream.ts";

export type SyncConfig = { operations: string[]; overlay: string; output: string };
export type SyncedSpec = { text: string; output: string };

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

const readSyncConfig = (configFile: string) => JSON.parse(readFileSync(configFile, "utf8")) as SyncConfig;

function specFromUpstream(configFile: string, config: SyncConfig, upstream: Upstream): SyncedSpec {
  const { document, bytes, date } = upstream;
  // Checked before the overlay, whose targets would otherwise be the first thing to fail.
  assertOperationsExist(document, config.operations);
  const upstreamInfo = { title: document.info.title, version: document.info.version };
  const overlay = parseYaml(readFileSync(join(dirname(configFile), config.overlay), "utf8")) as Overlay;
  applyOverlay(document, overlay);
  const spec = extractOperations(document, config.operations);
  spec.info = {
    ...spec.info,
    "x-upstream": {
      ...upstreamInfo,
      date,
      sha256: createHash("sha256").update(bytes).digest("hex"),
    },
  };
  return { text: canonicalJson(spec), output: join(dirname(configFile), config.output) };
}
