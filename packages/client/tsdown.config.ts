import { defineConfig } from "tsdown";

// ESM and CJS with their own declaration files (.d.mts / .d.cts), named in package.json's exports. Two entries:
// the typed client, and `./raw` (openapi-fetch), which the typed client's bundle never pulls in.
export default defineConfig({
  entry: ["src/index.ts", "src/raw.ts"],
  format: ["esm", "cjs"],
  dts: true,
  sourcemap: false,
  clean: true,
  // The code both entries share goes into one chunk; named for that, not after whichever module comes first.
  outputOptions: (options, format) => ({
    ...options,
    chunkFileNames: `shared-[hash].${format === "cjs" ? "cjs" : "mjs"}`,
  }),
});
