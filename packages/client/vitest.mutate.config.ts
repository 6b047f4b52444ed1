// The tests that load src/ through vitest, for mutation testing (stryker.config.mjs): only they can see a
// mutant. Tests of the built package (dual-build, process-exit, browser, workers) load dist/; the contract tests
// (contract, operations.contract) need the Prism mock that vitest.config.ts's global setup starts;
// spec-driven-validation runs the generator (scripts/codegen), most of the suite's time, and the rules its
// clients meet are tested on src/ directly in validate-schema and request-validation. None of them says
// anything more about a mutant.
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  // Stryker runs from the repository root (see stryker.config.mjs); the tests run from this package.
  root: fileURLToPath(new URL(".", import.meta.url)),
  test: {
    include: ["test/**/*.test.ts"],
    exclude: [
      "test/browser.test.ts",
      "test/contract.test.ts",
      "test/dual-build.test.ts",
      "test/find-chromium.test.ts",
      "test/operations.contract.test.ts",
      "test/process-exit.test.ts",
      "test/spec-driven-validation.test.ts",
      "test/workers.test.ts",
    ],
    testTimeout: 30_000,
    // A fresh module graph per file, so that a mutant in module-level code is seen by every file that loads it.
    isolate: true,
  },
});
