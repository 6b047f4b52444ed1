// The one-call consumer bundled the way an application ships it: esbuild, minified, tree-shaken, then gzip
// at level 9. Shared by the benchmark and the size-budget test, so both measure the same thing.
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

export type Platform = "browser" | "node";
export type BundleSize = {
  minifiedBytes: number;
  gzipBytes: number;
  /** Minified bytes each input file contributes, largest first: where the size comes from. */
  inputs: Array<{ path: string; bytes: number }>;
};

export async function bundleOneCall(entry: string, platform: Platform, nodePaths: string[] = []): Promise<BundleSize> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: "esm",
    platform,
    target: "es2022",
    write: false,
    metafile: true,
    nodePaths,
    logLevel: "silent",
  });
  const output = result.outputFiles[0]!.contents;
  const [meta] = Object.values(result.metafile.outputs);
  const inputs = Object.entries(meta!.inputs)
    .map(([path, { bytesInOutput }]) => ({ path: path.replace(/^.*node_modules\//, ""), bytes: bytesInOutput }))
    .sort((a, b) => b.bytes - a.bytes);
  return { minifiedBytes: output.byteLength, gzipBytes: gzipSync(output, { level: 9 }).byteLength, inputs };
}
