import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const TYPES_PACKAGE = "@realtimekit-api/types";

/**
 * The spec consumers have now: the openapi.json inside the latest published @realtimekit-api/types, from the
 * registry npm is configured for. Undefined when nothing has been published yet.
 */
export function lastReleasedSpec(): { text: string; version: string } | undefined {
  const npm = (...args: string[]) =>
    JSON.parse(execFileSync("npm", [...args, "--json"], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }));
  let version: string;
  try {
    version = npm("view", TYPES_PACKAGE, "version");
  } catch (error) {
    // E404: never published. Anything else (registry down, auth) must not silently pick a wrong base.
    if (/E404|404 Not Found/.test(String((error as { stderr?: string }).stderr))) return undefined;
    throw new Error(`cannot ask the registry for ${TYPES_PACKAGE}: ${(error as { stderr?: string }).stderr ?? error}`);
  }
  const dir = mkdtempSync(join(tmpdir(), "last-release-"));
  try {
    const [packed] = npm("pack", `${TYPES_PACKAGE}@${version}`, "--pack-destination", dir);
    execFileSync("tar", ["-xzf", join(dir, packed.filename), "-C", dir, "package/openapi.json"]);
    return { text: readFileSync(join(dir, "package", "openapi.json"), "utf8"), version };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
