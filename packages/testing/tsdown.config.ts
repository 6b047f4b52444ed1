import { defineConfig } from "tsdown";

// ESM and CJS with their own declaration files (.d.mts / .d.cts), named in package.json's exports. msw, Ajv and
// the types stay external: the consumer's own msw must be the one that intercepts their requests.
export default defineConfig({
  entry: ["src/index.ts"],
  format: ["esm", "cjs"],
  dts: true,
  sourcemap: false,
  clean: true,
});
