// Mutation testing of the client's hand-written source (`pnpm mutate`; scores and equivalent mutants in
// TESTING.md). Stryker runs from the repository root, so that its sandbox holds the whole repository and the
// tests' paths to scripts/ and openapi/ resolve there as they do here.
/** @type {import("@stryker-mutator/api/core").PartialStrykerOptions} */
export default {
  // Stryker looks for plugins beside its own package, which pnpm keeps apart: name the runner this package has.
  plugins: [import.meta.resolve("@stryker-mutator/vitest-runner")],
  testRunner: "vitest",
  // Not `related`: some tests reach src/ through a table generated at run time, which vitest cannot relate.
  vitest: { configFile: "packages/client/vitest.mutate.config.ts", related: false },
  mutate: ["packages/client/src/**/*.ts", "!packages/client/src/generated/**"],
  // Nothing the mutation tests read; keeps the sandbox copy small.
  ignorePatterns: ["/.stryker-tmp", "**/.turbo", "**/reports", "**/dist", "/packages/bench"],
  // vitest does not type-check, so the sandbox files need no `// @ts-nocheck` (which would also break the
  // generated table's byte-for-byte check).
  disableTypeChecks: false,
  coverageAnalysis: "perTest",
  concurrency: 2,
  // The file is committed: a run after a small change tests only the mutants that change could affect.
  incremental: true,
  incrementalFile: "packages/client/stryker-incremental.json",
  thresholds: { high: 95, low: 90, break: 90 },
  reporters: ["clear-text", "progress", "html", "json"],
  htmlReporter: { fileName: "packages/client/reports/mutation/index.html" },
  jsonReporter: { fileName: "packages/client/reports/mutation/mutation.json" },
  clearTextReporter: { reportTests: false },
};
