import { defineConfig } from "tsdown";

// ESM and CJS with their own declaration files (.d.mts / .d.cts), named in package.json's exports.
export default defineConfig({
  entry: ["src/index.ts"],
  format: ["esm", "cjs"],
  dts: true,
  sourcemap: false,
  clean: true,
});
