// What an install puts on disk: every file under node_modules (npm's own bookkeeping left out), its bytes,
// and the packages it holds, read from npm's hidden lockfile.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

export type InstalledTree = { files: number; bytes: number; packages: Array<{ name: string; version: string }> };

export function measureInstalledTree(nodeModules: string): InstalledTree {
  let files = 0;
  let bytes = 0;
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && !(dir === nodeModules && entry.name === ".package-lock.json")) {
        files++;
        bytes += statSync(path).size;
      }
    }
  };
  walk(nodeModules);
  const lock = JSON.parse(readFileSync(join(nodeModules, ".package-lock.json"), "utf8")) as {
    packages: Record<string, { version: string; dev?: boolean }>;
  };
  const packages = Object.entries(lock.packages)
    .filter(([, entry]) => !entry.dev)
    .map(([path, entry]) => ({
      name: path.slice(path.lastIndexOf("node_modules/") + "node_modules/".length),
      version: entry.version,
    }));
  return { files, bytes, packages };
}
