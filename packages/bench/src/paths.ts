// Where things are. Everything the bench writes goes under .bench/ (ignored by the root .gitignore), except
// results/latest.json.
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const benchRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const repoRoot = resolve(benchRoot, "../..");
export const clientDir = join(repoRoot, "packages/client");
export const typesDir = join(repoRoot, "packages/types");

// Under test/ so that turbo's `test` inputs (test/**) cover them: the size budget bundles one of them.
export const fixturesDir = join(benchRoot, "test/fixtures");
export const oneCallOurs = join(fixturesDir, "one-call-ours.ts");
export const oneCallCloudflare = join(fixturesDir, "one-call-cloudflare.ts");
export const oneCallNoImport = join(fixturesDir, "no-import.ts");
export const wholeClient = join(fixturesDir, "whole-client.ts");

export const scratchDir = join(benchRoot, ".bench");
/** The on-demand install of the official SDK, kept out of the workspace's `pnpm install`. */
export const sdkDir = join(scratchDir, "sdk");
export const sdkNodeModules = join(sdkDir, "node_modules");

export const resultsFile = join(benchRoot, "results/latest.json");

/** Optional input: Cloudflare's full published document, present beside the repo on maintainers' machines only. */
export const upstreamSpec = resolve(repoRoot, "../shared/upstream/cloudflare-openapi-2026-08-14.json.gz");

export const workerScript = (name: string) => join(benchRoot, "src", name);
