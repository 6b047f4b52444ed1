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
let skipped = 0;
for (const report of reports) {
  for (const file of JSON.parse(readFileSync(report, "utf8")).testResults) {
    // A file that failed to load or whose hooks failed marks its tests skipped: those count as failed.
    const fileFailed = file.status === "failed";
    if (fileFailed && file.assertionResults.length === 0) failed += 1;
    for (const { status } of file.assertionResults) {
      if (status === "passed") passed += 1;
      else if (status === "failed" || fileFailed) failed += 1;
      else skipped += 1;
    }
  }
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(reports.length === 0 || failed > 0 ? 1 : 0);
