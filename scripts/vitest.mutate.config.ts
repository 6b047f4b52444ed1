// The tests of the semver classifier and of the sync, for mutation testing of lib/spec-diff/ and lib/openapi.ts
// (stryker.config.mjs). The other tooling tests (release, workflows) reach them only through the sync and the
// diff that these test, and would only slow every mutant down.
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  // Stryker runs from the repository root (see stryker.config.mjs); the tests run from this package.
  root: fileURLToPath(new URL(".", import.meta.url)),
  test: {
    include: ["test/spec-diff*.test.ts", "test/spec-sync*.test.ts"],
    testTimeout: 30_000,
  },
});
