// Packing a workspace package exactly as a release does (`pnpm pack` rewrites `workspace:*` to versions).
import { execFileSync } from "node:child_process";
import { mkdirSync, statSync } from "node:fs";

export type PackedTarball = { name: string; version: string; file: string; bytes: number };

export function packWorkspacePackage(packageDir: string, destination: string): PackedTarball {
  mkdirSync(destination, { recursive: true });
  const output = execFileSync("pnpm", ["pack", "--json", "--pack-destination", destination], {
    cwd: packageDir,
    encoding: "utf8",
  });
  const { name, version, filename } = JSON.parse(output) as { name: string; version: string; filename: string };
  return { name, version, file: filename, bytes: statSync(filename).size };
}
