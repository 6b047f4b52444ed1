import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fromUser, runCommand } from "./command-line.ts";
import { readBytes } from "./openapi.ts";
import { type Change, groupBy, type Level, type SpecDiff } from "./spec-diff/change.ts";
import { describeNaming, type SyncedSpec, syncSpecFrom } from "./sync-spec.ts";

export const SPEC_CHANGESET = ".changeset/upstream-spec-update.md";
const ROOT = resolve(import.meta.dirname, "../..");
const TYPES_PACKAGE = "@realtimekit-api/types";
const PACKAGES = [TYPES_PACKAGE, "@realtimekit-api/client", "@realtimekit-api/testing"];

type Upstream = { date: string; sha256: string };
export type SpecChangeset = { bump: Level; changes: Change[]; upstream: Upstream };
export type SpecUpdate = SpecDiff & { upstream: Upstream; against: string; naming: SyncedSpec["naming"] };

/**
 * spec:update and spec:update:ci, `<upstream file or https URL> [--date YYYY-MM-DD] [--base <spec file>]`: sync →
 * diff against the last release → regenerate → one changeset with the bump the diff decided (or none, and the
 * changeset removed, when the published operations did not change); then the naming advice, the bump, `report`.
 */
export function runSpecUpdate(command: string, report: (update: SpecUpdate) => void): Promise<void> {
  const usage = `usage: pnpm ${command} <upstream file (.json, .json.gz or .yaml) or https URL> [--date YYYY-MM-DD] [--base <spec file>]`;
  const options = { date: { type: "string" }, base: { type: "string" } } as const;
  return runCommand(command, usage, 1, options, async ({ values: { date, base }, positionals }) => {
    const baseFile = base === undefined ? undefined : { text: readBytes(fromUser(base)).toString(), label: base };
    const source = fromUser(positionals[0]!);
    const { text, output, naming } = await syncSpecFrom(`${ROOT}/openapi/sync.config.json`, source, { date });
    // The base is what consumers have: the last published spec, or, before the first release, the committed one.
    const released = baseFile ?? lastReleasedSpec();
    const baseText = released?.text ?? readFileSync(output, "utf8");
    writeFileSync(output, text);
    execFileSync("pnpm", ["run", "generate"], { cwd: ROOT, stdio: "inherit" });
    const head = JSON.parse(text);
    // Loaded once the spec is synced: the compiler and the type generator take seconds to load.
    const { diffSpecs } = await import("./spec-diff/index.ts");
    const { bump, changes } = await diffSpecs(JSON.parse(baseText), head);
    const upstream: Upstream = head.info["x-upstream"];
    const changeset = bump === "none" ? undefined : { bump, changes, upstream };
    writeSpecChangeset(`${ROOT}/${SPEC_CHANGESET}`, PACKAGES, changeset);
    for (const line of describeNaming(naming)) console.warn(line);
    // What the new spec was compared with: "the last release (1.0.1)", a --base file, or the committed spec.
    const against = released?.label ?? "the committed spec";
    console.log(`against ${against}: ${bump}`);
    report({ bump, changes, upstream, against, naming });
  });
}

/**
 * The spec consumers have now: the openapi.json inside the latest published @realtimekit-api/types, from the
 * registry npm is configured for. Undefined when nothing has been published yet.
 */
function lastReleasedSpec(): { text: string; label: string } | undefined {
  const dir = mkdtempSync(join(tmpdir(), "last-release-"));
  try {
    let packed: { filename: string; version: string };
    try {
      const args = ["pack", TYPES_PACKAGE, "--json", "--pack-destination", dir];
      [packed] = JSON.parse(execFileSync("npm", args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }));
    } catch (error) {
      const { stderr } = error as { stderr?: string };
      // E404: never published. Anything else (registry down, auth) must not silently pick a wrong base.
      if (/E404|404 Not Found/.test(String(stderr))) return undefined;
      throw new Error(`cannot ask the registry for ${TYPES_PACKAGE}: ${stderr ?? error}`);
    }
    execFileSync("tar", ["-xzf", join(dir, packed.filename), "-C", dir, "package/openapi.json"]);
    const text = readFileSync(join(dir, "package", "openapi.json"), "utf8");
    return { text, label: `the last release (${packed.version})` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const describeUpstream = ({ date, sha256 }: Upstream) =>
  `Cloudflare's API document of ${date} (sha256 \`${sha256.slice(0, 12)}…\`)`;

/** One change as a Markdown list item, for the changeset and the pull request. */
export const changeItem = (change: Change) => `- **${change.level}** ${change.message} (\`${change.pointer}\`)`;

/**
 * Writes the one changeset that describes the pending upstream spec update, for every package (the client's
 * generated table changes with the spec). One fixed file, so running the update again replaces it.
 */
export function writeSpecChangeset(file: string, packages: string[], changeset: SpecChangeset | undefined): void {
  if (!changeset) {
    rmSync(file, { force: true });
    return;
  }
  const { bump, changes, upstream } = changeset;
  const frontMatter = packages.map((name) => `"${name}": ${bump}`).join("\n");
  // Per operation, by client method, in the order the diff lists them (most severe first).
  const byOperation = groupBy(changes, (change) => (change.operation ? `\`${change.operation}\`` : "The document"));
  const sections = [...byOperation].map(([heading, list]) => `#### ${heading}\n\n${list.map(changeItem).join("\n")}`);
  const intro = `Update to ${describeUpstream(upstream)}.`;
  writeFileSync(file, `---\n${frontMatter}\n---\n\n${intro}\n\n${sections.join("\n\n")}\n`);
}
