// Mutation testing of the semver classifier, lib/spec-diff/, and of the one reader of OpenAPI it and the sync
// stand on, lib/openapi.ts (`pnpm mutate`; scores and equivalent mutants in TESTING.md). Stryker runs from the repository root, so that its sandbox holds the whole repository and the
// paths from scripts/ to openapi/ (the committed spec, sync.config.json) resolve there as they do here.
/** @type {import("@stryker-mutator/api/core").PartialStrykerOptions} */
export default {
  // Stryker looks for plugins beside its own package, which pnpm keeps apart: name the runner this package has.
  plugins: [import.meta.resolve("@stryker-mutator/vitest-runner")],
  testRunner: "vitest",
  vitest: { configFile: "scripts/vitest.mutate.config.ts", related: false },
  mutate: ["scripts/lib/spec-diff/**/*.ts", "scripts/lib/openapi.ts"],
  // Nothing the mutation tests read; keeps the sandbox copy small.
  ignorePatterns: ["/.stryker-tmp", "**/.turbo", "**/reports", "**/dist", "/packages/bench"],
  // vitest does not type-check, so the sandbox files need no `// @ts-nocheck`.
  disableTypeChecks: false,
  coverageAnalysis: "perTest",
  concurrency: 2,
  // The file is committed: a run after a small change tests only the mutants that change could affect.
  incremental: true,
  incrementalFile: "scripts/stryker-incremental.json",
  thresholds: { high: 90, low: 85, break: 85 },
  reporters: ["clear-text", "progress", "html", "json"],
  htmlReporter: { fileName: "scripts/reports/mutation/index.html" },
  jsonReporter: { fileName: "scripts/reports/mutation/mutation.json" },
  clearTextReporter: { reportTests: false },
};
