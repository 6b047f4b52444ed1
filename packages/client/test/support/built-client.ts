// The package as consumers get it: the files its exports map names for `.` (dist/index.mjs, dist/index.cjs)
// and `./raw` (dist/raw.mjs, dist/raw.cjs), loaded by Node itself (not through vitest's transform), so the
// tests see exactly what `import` and `require` of the package give.
import { spawnSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import packageJson from "../../package.json" with { type: "json" };

export const PACKAGE_DIR = fileURLToPath(new URL("../../", import.meta.url));

/** The file package.json's exports map gives for `entry` under `condition`. */
const exported = (entry: "." | "./raw", condition: "import" | "require") =>
  join(PACKAGE_DIR, packageJson.exports[entry][condition].default);

export const ESM_BUILD = exported(".", "import");
export const CJS_BUILD = exported(".", "require");
export const RAW_ESM_BUILD = exported("./raw", "import");
export const RAW_CJS_BUILD = exported("./raw", "require");
export const DIST_DIR = join(PACKAGE_DIR, "dist");

type Build = typeof import("../../src/index.ts");
type RawBuild = typeof import("../../src/raw.ts");

/** dist/index.mjs through Node's own loader: vitest.config.ts marks dist/ external, so vitest does not transform it. */
export async function loadEsmBuild(): Promise<Build> {
  return (await import(/* @vite-ignore */ pathToFileURL(ESM_BUILD).href)) as Build;
}

export function loadCjsBuild(): Build {
  return createRequire(import.meta.url)(CJS_BUILD) as Build;
}

/** dist/raw.mjs, the `./raw` entry's ESM build, through Node's own loader. */
export async function loadEsmRawBuild(): Promise<RawBuild> {
  return (await import(/* @vite-ignore */ pathToFileURL(RAW_ESM_BUILD).href)) as RawBuild;
}

export function loadCjsRawBuild(): RawBuild {
  return createRequire(import.meta.url)(RAW_CJS_BUILD) as RawBuild;
}

const newest = (path: string): number =>
  statSync(path).isDirectory()
    ? Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))))
    : statSync(path).mtimeMs;

/**
 * Builds dist/ when it is missing or older than its sources, so `npx vitest run` alone tests current code.
 * In the task graph `build` runs before `test`, so this finds dist fresh and builds nothing.
 */
export function ensureFreshBuild(): void {
  const sources = Math.max(
    newest(join(PACKAGE_DIR, "src")),
    newest(join(PACKAGE_DIR, "package.json")),
    newest(join(PACKAGE_DIR, "tsdown.config.ts")),
  );
  const built = (file: string) => {
    try {
      return statSync(file).mtimeMs;
    } catch {
      return 0;
    }
  };
  if (Math.min(built(ESM_BUILD), built(CJS_BUILD), built(RAW_ESM_BUILD), built(RAW_CJS_BUILD)) > sources) return;
  const result = spawnSync(join(PACKAGE_DIR, "node_modules/.bin/tsdown"), { cwd: PACKAGE_DIR, encoding: "utf8" });
  if (result.status !== 0)
    throw new Error(`building the client for the tests failed:\n${result.stdout}${result.stderr}`);
}
