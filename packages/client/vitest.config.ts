import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Prism is started once for the whole run and stopped after it (see test/global-setup.ts).
    globalSetup: ["test/global-setup.ts"],
    reporters: ["default", "json"],
    outputFile: { json: "reports/vitest.json" },
    testTimeout: 30_000,
    // The public API's types (test/*.test-d.ts) are checked by the compiler against the built declarations.
    typecheck: { enabled: true, tsconfig: "./tsconfig.json", include: ["test/**/*.test-d.ts"] },
    // Starting a fresh worker per file costs more than most of these files take to run. No file relies on
    // module state of its own: each starts and closes its own servers and restores what it stubs.
    isolate: false,
    // The built package is loaded by Node itself, exactly as consumers load it, never transformed by vitest.
    server: { deps: { external: [/\/packages\/client\/dist\//] } },
  },
});
