// Adds up every package's vitest JSON report (reports/vitest.json) into the one line CI reads.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const reports = [];
const walk = (dir) => {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name.startsWith(".")) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path);
    else if (path.endsWith(join("reports", "vitest.json"))) reports.push(path);
  }
};
walk(".");

let passed = 0;
let failed = 0;
for (const report of reports) {
  const { numPassedTests, numFailedTests, numTotalTests, numPendingTests, numTodoTests } = JSON.parse(readFileSync(report, "utf8"));
  // A test that neither passed nor was deliberately skipped (e.g. a suite that failed to load) counts as failed.
  failed += numFailedTests + Math.max(0, numTotalTests - numPassedTests - numFailedTests - numPendingTests - numTodoTests);
  passed += numPassedTests;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(reports.length === 0 || failed > 0 ? 1 : 0);
