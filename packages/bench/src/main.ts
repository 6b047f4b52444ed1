// `pnpm bench`: every measurement in one bounded run, a Markdown table on stdout, JSON in results/latest.json.
// Options (pnpm --filter @realtimekit-api/bench bench --only …):
//   --only overhead,e2e,kit,bundle,footprint,typecheck,import,pipeline   a subset
//   --client-module <path to an index.mjs>   time another build of the client in overhead and e2e (a scratch
//                                            copy being profiled); sizes always measure the workspace build
//   --out <file>   where the JSON goes (a partial run defaults to .bench/partial.json, leaving latest.json alone)
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { measureBundleSizes } from "./bundle-sizes.ts";
import { describeClientBuild } from "./client-build.ts";
import { ensureCloudflareSdk } from "./cloudflare-sdk.ts";
import { measureEndToEnd } from "./e2e.ts";
import { measureFootprint } from "./footprint.ts";
import { measureImportTime } from "./import-time.ts";
import { type KitResult, measureKit, renderKit } from "./kit.ts";
import { currentLoadAverage, describeMachine } from "./machine.ts";
import { measureOverhead } from "./overhead.ts";
import { resultsFile, scratchDir } from "./paths.ts";
import { measurePipeline } from "./pipeline.ts";
import { type BenchResults, renderReport, writeResults } from "./report.ts";
import { measureTypecheckTime } from "./typecheck-time.ts";

const SECTIONS = ["bundle", "footprint", "typecheck", "import", "overhead", "e2e", "kit", "pipeline"] as const;
type Section = (typeof SECTIONS)[number];

// pnpm passes a literal "--" through to the script; it separates nothing here.
const { values } = parseArgs({
  args: process.argv.slice(2).filter((arg) => arg !== "--"),
  options: { only: { type: "string" }, "client-module": { type: "string" }, out: { type: "string" } },
});
const only = values.only?.split(",").map((s) => s.trim()) as Section[] | undefined;
const unknown = only?.filter((s) => !SECTIONS.includes(s));
if (unknown?.length) throw new Error(`unknown section(s) ${unknown.join(", ")}; known: ${SECTIONS.join(", ")}`);
const clientModule = values["client-module"]
  ? resolve(process.env.INIT_CWD ?? process.cwd(), values["client-module"])
  : undefined;
const partial = only !== undefined || clientModule !== undefined;
const outFile = values.out
  ? resolve(process.env.INIT_CWD ?? process.cwd(), values.out)
  : partial
    ? join(scratchDir, "partial.json")
    : resultsFile;
const wanted = (section: Section) => !only || only.includes(section);

const started = Date.now();
const log = (line: string) =>
  console.error(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(3)} s] ${line}`);

const results: BenchResults & { kit?: KitResult } = {
  generatedAt: new Date().toISOString(),
  command: "pnpm bench",
  machine: describeMachine(),
  client: describeClientBuild(clientModule),
  ...(clientModule ? { clientModule } : {}),
};

ensureCloudflareSdk(log);
// Sizes first: they are deterministic and quick. The pipeline runs last because its cold build rewrites dist.
if (wanted("bundle")) {
  log("bundle size");
  results.bundleSize = await measureBundleSizes();
}
if (wanted("footprint")) {
  log("install footprint");
  results.footprint = measureFootprint();
}
if (wanted("typecheck")) {
  log("consumer type-check time");
  results.typecheck = await measureTypecheckTime(log);
}
if (wanted("import")) {
  log("cold import time");
  results.importTime = await measureImportTime();
}
if (wanted("overhead")) {
  log("client overhead (stubbed fetch)");
  results.overhead = await measureOverhead({ clientModule, log });
}
if (wanted("e2e")) {
  log("end to end (local server)");
  results.endToEnd = await measureEndToEnd({ clientModule, log });
}
if (wanted("kit")) {
  log("testing kit (MSW handlers)");
  results.kit = await measureKit(log);
}
if (wanted("pipeline")) {
  log("pipeline");
  results.pipeline = await measurePipeline(log);
}
results.machine.loadAverage1mAtEnd = currentLoadAverage();

writeResults(outFile, results);
console.log(renderReport(results) + (results.kit ? renderKit(results.kit) : ""));
log(`done; JSON in ${outFile}`);
