// Install footprint with production dependencies: what `npm install` downloads (packed) and writes (unpacked),
// for our two packages and openapi-fetch versus the official SDK. Both sides are installed the same way, with
// npm, into folders under .bench/, and measured the same way.
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { measureInstalledTree } from "./installed-tree.ts";
import { type PackedTarball, packWorkspacePackage } from "./pack.ts";
import { clientDir, scratchDir, sdkNodeModules, typesDir } from "./paths.ts";

export type Footprint = { packedBytes: number; unpackedBytes: number; files: number; packages: string[] };
export type FootprintResult = {
  ours: Footprint & { tarballs: Array<Pick<PackedTarball, "name" | "bytes">> };
  cloudflareSdk: Footprint;
  /** ours ÷ SDK; lower is better. */
  oursRatio: { packedBytes: number; unpackedBytes: number; files: number };
};

const npmEnv = { ...process.env, npm_config_cache: join(scratchDir, "npm-cache"), npm_config_update_notifier: "false" };

/** Tarball sizes of registry packages, from npm's metadata for the exact versions (served from the npm cache after the first run). */
function registryPackedBytes(specs: string[]): Map<string, number> {
  if (specs.length === 0) return new Map();
  const output = execFileSync("npm", ["pack", "--dry-run", "--json", "--prefer-offline", ...specs], {
    cwd: scratchDir,
    env: npmEnv,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "ignore"],
    // The answer lists every file: 17,000+ entries for the SDK.
    maxBuffer: 256 * 1024 * 1024,
  });
  return new Map(
    (JSON.parse(output) as Array<{ name: string; version: string; size: number }>).map((p) => [
      `${p.name}@${p.version}`,
      p.size,
    ]),
  );
}

function installOurs(): { nodeModules: string; tarballs: PackedTarball[] } {
  const packs = join(scratchDir, "packs");
  const installDir = join(scratchDir, "install-ours");
  rmSync(packs, { recursive: true, force: true });
  rmSync(installDir, { recursive: true, force: true });
  mkdirSync(installDir, { recursive: true });
  const tarballs = [packWorkspacePackage(clientDir, packs), packWorkspacePackage(typesDir, packs)];
  writeFileSync(join(installDir, "package.json"), '{ "private": true }\n');
  execFileSync(
    "npm",
    ["install", "--no-audit", "--no-fund", "--ignore-scripts", "--prefer-offline", ...tarballs.map((t) => t.file)],
    {
      cwd: installDir,
      env: npmEnv,
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
  return { nodeModules: join(installDir, "node_modules"), tarballs };
}

export function measureFootprint(): FootprintResult {
  const ours = installOurs();
  const oursTree = measureInstalledTree(ours.nodeModules);
  const sdkTree = measureInstalledTree(sdkNodeModules);

  const ownNames = new Set(ours.tarballs.map((t) => t.name));
  const registrySpecs = [...oursTree.packages, ...sdkTree.packages]
    .filter((p) => !ownNames.has(p.name))
    .map((p) => `${p.name}@${p.version}`);
  const registrySizes = registryPackedBytes([...new Set(registrySpecs)]);
  const packedOf = (p: { name: string; version: string }) =>
    ours.tarballs.find((t) => t.name === p.name)?.bytes ?? registrySizes.get(`${p.name}@${p.version}`) ?? Number.NaN;

  const summarise = (tree: typeof oursTree): Footprint => ({
    packedBytes: tree.packages.reduce((sum, p) => sum + packedOf(p), 0),
    unpackedBytes: tree.bytes,
    files: tree.files,
    packages: tree.packages.map((p) => `${p.name}@${p.version}`),
  });
  const oursFootprint = summarise(oursTree);
  const sdkFootprint = summarise(sdkTree);
  return {
    ours: { ...oursFootprint, tarballs: ours.tarballs.map(({ name, bytes }) => ({ name, bytes })) },
    cloudflareSdk: sdkFootprint,
    oursRatio: {
      packedBytes: oursFootprint.packedBytes / sdkFootprint.packedBytes,
      unpackedBytes: oursFootprint.unpackedBytes / sdkFootprint.unpackedBytes,
      files: oursFootprint.files / sdkFootprint.files,
    },
  };
}
