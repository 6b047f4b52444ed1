// The package as consumers get it: dist/index.mjs and dist/index.cjs, loaded by Node itself (not through
// vitest's transform), so the tests see exactly what `import` and `require` of the package give.
import { spawnSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const PACKAGE_DIR = fileURLToPath(new URL("../../", import.meta.url));
export const ESM_BUILD = join(PACKAGE_DIR, "dist/index.mjs");
export const CJS_BUILD = join(PACKAGE_DIR, "dist/index.cjs");

type Build = typeof import("../../src/index.ts");

/** dist/index.mjs through Node's own loader: vitest.config.ts marks dist/ external, so vitest does not transform it. */
export async function loadEsmBuild(): Promise<Build> {
  return (await import(/* @vite-ignore */ pathToFileURL(ESM_BUILD).href)) as Build;
}

export function loadCjsBuild(): Build {
  return createRequire(import.meta.url)(CJS_BUILD) as Build;
}

const newest = (path: string): number =>
  statSync(path).isDirectory() ? Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name)))) : statSync(path).mtimeMs;

/**
 * Builds dist/ when it is missing or older than its sources, so `npx vitest run` alone tests current code.
 * In the task graph `build` runs before `test`, so this finds dist fresh and builds nothing.
 */
export function ensureFreshBuild(): void {
  const sources = Math.max(newest(join(PACKAGE_DIR, "src")), newest(join(PACKAGE_DIR, "package.json")), newest(join(PACKAGE_DIR, "tsdown.config.ts")));
  const built = (file: string) => {
    try {
      return statSync(file).mtimeMs;
    } catch {
      return 0;
    }
  };
  if (Math.min(built(ESM_BUILD), built(CJS_BUILD)) > sources) return;
  const result = spawnSync(join(PACKAGE_DIR, "node_modules/.bin/tsdown"), { cwd: PACKAGE_DIR, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`building the client for the tests failed:\n${result.stdout}${result.stderr}`);
}
