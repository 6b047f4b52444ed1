import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { lastReleasedSpec } from "./last-release-spec.ts";
import type { UpstreamOptions } from "./load-upstream.ts";
import { syncSpecFrom } from "./sync-spec.ts";
import { writeSpecChangeset } from "./write-changeset.ts";

export const SPEC_CHANGESET = ".changeset/upstream-spec-update.md";
const PACKAGES = ["@realtimekit-api/types", "@realtimekit-api/client", "@realtimekit-api/testing"];

export type UpstreamInfo = { title?: string; version?: string; date: string; sha256: string };
export type SpecUpdate = Awaited<ReturnType<typeof updateSpec>>;

/**
 * sync → diff against the last release → regenerate → one changeset with the bump the diff decided (or none,
 * and the changeset removed, when the published operations did not change). `root` is the repository.
 */
export async function updateSpec(
  root: string,
  source: string,
  options: UpstreamOptions & { base?: { text: string; label: string } | undefined } = {},
) {
  const { text, output, naming } = await syncSpecFrom(`${root}/openapi/sync.config.json`, source, options);
  // The base is what consumers have: the last published spec, or, before the first release, the committed one.
  const published = options.base ? undefined : lastReleasedSpec();
  const released =
    options.base ?? (published && { text: published.text, label: `the last release (${published.version})` });
  const baseText = released?.text ?? readFileSync(output, "utf8");
  writeFileSync(output, text);
  execFileSync("pnpm", ["run", "generate"], { cwd: root, stdio: "inherit" });
  const head = JSON.parse(text);
  // Loaded once the spec is synced: the compiler and the type generator take seconds to load.
  const { diffSpecs } = await import("./spec-diff/index.ts");
  const { bump, changes } = await diffSpecs(JSON.parse(baseText), head);
  const upstream = head.info["x-upstream"] as UpstreamInfo;
  writeSpecChangeset(`${root}/${SPEC_CHANGESET}`, PACKAGES, bump === "none" ? undefined : { bump, changes, upstream });
  // `against`: what the new spec was compared with, "the last release (1.0.1)", a --base file, or the committed spec.
  return { bump, changes, upstream, against: released ? released.label : "the committed spec", naming };
}
