import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { parse as parseYaml } from "yaml";
import { applyOverlay, type Overlay } from "./apply-overlay.ts";
import { canonicalJson } from "./canonical-json.ts";
import { assertOperationsExist, extractOperations } from "./extract-operations.ts";
import { loadOpenApiDocument } from "./load-document.ts";

export type SyncConfig = { operations: string[]; overlay: string; output: string };

/**
 * Upstream document → our spec text: overlay on the whole document, then the configured operations with
 * their `$ref` closure, with the upstream's date and sha256 recorded in `info.x-upstream`.
 */
export function syncSpec(configFile: string, upstreamFile: string, date?: string): { text: string; output: string } {
  const config = JSON.parse(readFileSync(configFile, "utf8")) as SyncConfig;
  const { document, bytes } = loadOpenApiDocument(upstreamFile);
  const upstreamDate = date ?? basename(upstreamFile).match(/\d{4}-\d{2}-\d{2}/)?.[0];
  if (!upstreamDate) throw new Error(`${upstreamFile}: no date in the file name; pass --date YYYY-MM-DD`);
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
      date: upstreamDate,
      sha256: createHash("sha256").update(bytes).digest("hex"),
    },
  };
  return { text: canonicalJson(spec), output: join(dirname(configFile), config.output) };
}
