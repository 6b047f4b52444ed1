// The tests of the semver classifier, for mutation testing of lib/spec-diff/ (stryker.config.mjs). The other
// tooling tests (sync, release, workflows) do not reach lib/spec-diff/ and would only slow every mutant down.
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  // Stryker runs from the repository root (see stryker.config.mjs); the tests run from this package.
  root: fileURLToPath(new URL(".", import.meta.url)),
  test: {
    include: ["test/spec-diff.test.ts", "test/spec-diff-rules.test.ts"],
    testTimeout: 30_000,
  },
});
