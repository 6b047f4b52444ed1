// The official SDK is 17,000+ files: it is installed on demand into .bench/sdk, never by the workspace's
// `pnpm install`, and found there by path.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { scratchDir, sdkDir, sdkNodeModules } from "./paths.ts";

export const CLOUDFLARE_SDK_VERSION = "7.3.0";
export const cloudflarePackageDir = join(sdkNodeModules, "cloudflare");

function installedVersion(): string | undefined {
  const manifest = join(cloudflarePackageDir, "package.json");
  return existsSync(manifest) ? (JSON.parse(readFileSync(manifest, "utf8")) as { version: string }).version : undefined;
}

/** Installs cloudflare@7.3.0 into .bench/sdk unless it is already there. */
export function ensureCloudflareSdk(log: (line: string) => void = () => {}): void {
  if (installedVersion() === CLOUDFLARE_SDK_VERSION) return;
  log(`installing cloudflare@${CLOUDFLARE_SDK_VERSION} into ${sdkDir} (once; ~70 MB)`);
  mkdirSync(sdkDir, { recursive: true });
  // "type": "module" makes the one-call file copied here an ES module consumer, like ours.
  writeFileSync(
    join(sdkDir, "package.json"),
    `${JSON.stringify({ name: "cloudflare-sdk-bench", private: true, type: "module" }, null, 2)}\n`,
  );
  execFileSync(
    "npm",
    ["install", "--no-audit", "--no-fund", "--ignore-scripts", "--save-exact", `cloudflare@${CLOUDFLARE_SDK_VERSION}`],
    {
      cwd: sdkDir,
      stdio: ["ignore", "ignore", "inherit"],
      // Its own npm cache: the bench may run where HOME is not passed through (turbo's strict env mode).
      env: { ...process.env, npm_config_cache: join(scratchDir, "npm-cache"), npm_config_update_notifier: "false" },
    },
  );
  if (installedVersion() !== CLOUDFLARE_SDK_VERSION)
    throw new Error(`cloudflare@${CLOUDFLARE_SDK_VERSION} did not install into ${sdkDir}`);
}

/** The SDK's ES module entry, as its package.json exports name it. */
export function cloudflareEsmEntry(): string {
  const manifest = JSON.parse(readFileSync(join(cloudflarePackageDir, "package.json"), "utf8")) as {
    exports: { ".": { default: string } };
  };
  return pathToFileURL(join(cloudflarePackageDir, manifest.exports["."].default)).href;
}
