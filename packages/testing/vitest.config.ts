import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    reporters: ["default", "json"],
    outputFile: { json: "reports/vitest.json" },
    testTimeout: 30_000,
    // expectTypeOf assertions are checked by the compiler: without this they would pass whatever the types are.
    typecheck: { enabled: true, tsconfig: "./tsconfig.json", include: ["test/**/*.test-d.ts"] },
    // The built package is loaded by Node itself, exactly as consumers load it, never transformed by vitest.
    server: { deps: { external: [/\/packages\/testing\/dist\//] } },
  },
});
