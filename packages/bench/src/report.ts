// The printed table (Markdown, so it can be pasted into BENCHMARKS.md as is) and the JSON file.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import type { BundleSizesResult } from "./bundle-sizes.ts";
import type { ClientBuild } from "./client-build.ts";
import { CONTENDER_LABELS, CONTENDERS } from "./contenders.ts";
import type { E2eResult } from "./e2e.ts";
import { E2E_CONTENDERS } from "./e2e.ts";
import type { FootprintResult } from "./footprint.ts";
import type { ImportTimeResult } from "./import-time.ts";
import type { Machine } from "./machine.ts";
import type { OverheadResult } from "./overhead.ts";
import type { PipelineResult } from "./pipeline.ts";
import type { Spread } from "./statistics.ts";
import type { TypecheckResult } from "./typecheck-time.ts";

export type BenchResults = {
  generatedAt: string;
  command: string;
  machine: Machine & { loadAverage1mAtEnd?: number };
  client: ClientBuild;
  clientModule?: string;
  overhead?: OverheadResult;
  endToEnd?: E2eResult;
  bundleSize?: BundleSizesResult;
  footprint?: FootprintResult;
  typecheck?: TypecheckResult;
  importTime?: ImportTimeResult;
  pipeline?: PipelineResult;
};

const integer = (n: number) => Math.round(n).toLocaleString("en-US");
const fixed = (n: number, digits: number) => n.toFixed(digits);
const withSpread = (s: Spread, format: (n: number) => string) =>
  `${format(s.median)} (${format(s.min)}–${format(s.max)})`;
const ratio = (s: Spread) => `**${fixed(s.median, 2)}×** (${fixed(s.min, 2)}–${fixed(s.max, 2)})`;
const plainRatio = (n: number) => `**${n < 0.01 ? n.toFixed(4) : n.toFixed(3)}×**`;
const bytes = (n: number) => `${integer(n)} B`;

function table(header: string[], rows: string[][]): string {
  return [
    `| ${header.join(" | ")} |`,
    `|${header.map(() => "---").join("|")}|`,
    ...rows.map((r) => `| ${r.join(" | ")} |`),
  ].join("\n");
}

export function renderReport(results: BenchResults): string {
  const out: string[] = [];
  const m = results.machine;
  out.push(
    `Machine: ${m.nproc} cores, ${m.cpuModel}, ${m.memoryGiB} GiB, Node ${m.node}, ${m.os}; ` +
      `load average ${m.loadAverage1mAtStart} at start` +
      `${m.loadAverage1mAtEnd === undefined ? "" : `, ${m.loadAverage1mAtEnd} at end`}.`,
  );
  out.push(
    `Client: @realtimekit-api/client ${results.client.version}, dist/index.mjs sha256 ${results.client.distIndexMjsSha256}.`,
  );
  out.push(
    "Figures: median of the rounds, (smallest–largest round). Ratios are ours ÷ baseline, paired round by round.",
  );
  if (results.clientModule) out.push(`Client under test: ${results.clientModule} (not the workspace build).`);

  const o = results.overhead;
  if (o) {
    out.push(
      `\n### Client overhead: stubbed fetch, calls/s (higher is better; ` +
        `${o.settings.rounds} rounds × ${o.settings.samplesPerRound} samples of ${o.settings.callsPerSample} calls)\n`,
    );
    out.push(
      table(
        ["contender", "calls/s (wall clock)", "ours ÷ contender", "calls per CPU-second", "ours ÷ contender (CPU)"],
        CONTENDERS.map((c) => [
          CONTENDER_LABELS[c],
          withSpread(o.opsPerSecond[c], integer),
          c === "ours" ? "—" : ratio(o.oursRatio[c]),
          withSpread(o.opsPerCpuSecond[c], integer),
          c === "ours" ? "—" : ratio(o.oursRatioCpu[c]),
        ]),
      ),
    );
  }

  const e = results.endToEnd;
  if (e) {
    out.push(
      `\n### End to end: local keep-alive node:http server (${e.settings.rounds} rounds; ` +
        `${e.settings.sequentialRequests} sequential, ${e.settings.concurrentRequests} at concurrency ${e.settings.concurrency})\n`,
    );
    const rows: string[][] = [];
    for (const mode of ["sequential", "concurrent"] as const) {
      for (const c of E2E_CONTENDERS) {
        const f = e.figures[mode][c];
        const r = c === "ours" ? undefined : e.oursRatio[mode][c];
        rows.push([
          mode === "sequential" ? "1 at a time" : `${e.settings.concurrency} at once`,
          CONTENDER_LABELS[c],
          withSpread(f.requestsPerSecond, integer),
          withSpread(f.p50Ms, (n) => fixed(n, 2)),
          withSpread(f.p99Ms, (n) => fixed(n, 2)),
          r ? `${ratio(r.requestsPerSecond)} req/s, ${ratio(r.p50Ms)} p50, ${ratio(r.p99Ms)} p99` : "—",
        ]);
      }
    }
    out.push(table(["load", "contender", "requests/s", "p50 ms", "p99 ms", "ours ÷ contender"], rows));
  }

  const b = results.bundleSize;
  if (b) {
    out.push("\n### Bundle size: esbuild --bundle --minify, gzip -9 (lower is better)\n");
    const sdkCell = (p: "browser" | "node") =>
      `${bytes(b[p].cloudflareSdk.minifiedBytes)} / ${bytes(b[p].cloudflareSdk.gzipBytes)}`;
    const rows: string[][] = [];
    for (const p of ["browser", "node"] as const) {
      const consumers = [
        ["one call (`getMeetingParticipant` through `createRealtimeKit`)", b[p].ours, b[p].oursRatio],
        [
          `largest single operation (\`${b[p].largestOperation.method}\` through \`createRealtimeKit\`)`,
          b[p].largestOperation.ours,
          b[p].largestOperation.oursRatio,
        ],
        ["whole client (`createRealtimeKitClient`)", b[p].wholeClient.ours, b[p].wholeClient.oursRatio],
      ] as const;
      for (const [consumer, ours, oursRatio] of consumers)
        rows.push([
          consumer,
          p,
          `${bytes(ours.minifiedBytes)} / ${bytes(ours.gzipBytes)}`,
          sdkCell(p),
          plainRatio(oursRatio),
        ]);
    }
    out.push(
      table(["consumer", "platform", "ours min / gzip", "cloudflare SDK min / gzip", "ours ÷ SDK (gzip)"], rows),
    );
    // Why one SDK figure serves every row: its client object carries every resource, whichever call is made.
    out.push(
      `\nThe SDK's figure is its one-call bundle for every row: \`new Cloudflare()\` carries every resource, so any ` +
        `call bundles all of them (${b.browser.cloudflareSdk.realtimeKitModules} RealtimeKit resource modules here, ` +
        `${integer(b.browser.cloudflareSdk.inputFiles)} input files in all).`,
    );
    out.push(
      `\nOurs, one call, minified bytes by input: ${b.browser.ours.inputs.map((i) => `${i.path} ${integer(i.bytes)}`).join(", ")}.`,
    );
  }

  const f = results.footprint;
  if (f) {
    out.push("\n### Install footprint with production dependencies, npm install (lower is better)\n");
    out.push(
      table(
        ["", "ours", "cloudflare SDK", "ours ÷ SDK"],
        [
          [
            "packed (download)",
            bytes(f.ours.packedBytes),
            bytes(f.cloudflareSdk.packedBytes),
            plainRatio(f.oursRatio.packedBytes),
          ],
          [
            "unpacked (on disk, file bytes)",
            bytes(f.ours.unpackedBytes),
            bytes(f.cloudflareSdk.unpackedBytes),
            plainRatio(f.oursRatio.unpackedBytes),
          ],
          ["files", integer(f.ours.files), integer(f.cloudflareSdk.files), plainRatio(f.oursRatio.files)],
          ["packages", f.ours.packages.join(", "), f.cloudflareSdk.packages.join(", "), ""],
        ],
      ),
    );
    out.push(`\nOur tarballs (pnpm pack): ${f.ours.tarballs.map((t) => `${t.name} ${bytes(t.bytes)}`).join(", ")}.`);
  }

  const t = results.typecheck;
  if (t) {
    out.push(
      `\n### Consumer type-check: tsc --noEmit on the one-call file (lower is better; ${t.settings.rounds} rounds, skipLibCheck ${t.settings.skipLibCheck})\n`,
    );
    const row = (label: string, s: "ours" | "cloudflareSdk" | "floor", ratios: string) => [
      label,
      withSpread(t.wallSeconds[s], (n) => fixed(n, 2)),
      withSpread(t.tscTotalSeconds[s], (n) => fixed(n, 2)),
      `${integer(t.program[s].files)} files, ${integer(t.program[s].linesOfDefinitions)} lines of .d.ts, ${integer(t.program[s].memoryKiB / 1024)} MiB`,
      ratios,
    ];
    out.push(
      table(
        ["subject", "wall s", "tsc Total time s", "program", "ours ÷ SDK"],
        [
          row(
            "@realtimekit-api/client",
            "ours",
            `${ratio(t.oursRatio.wallSeconds)} wall, ${ratio(t.oursRatio.tscTotalSeconds)} tsc Total time`,
          ),
          row("cloudflare@7.3.0 SDK", "cloudflareSdk", "—"),
          row("floor (file importing nothing)", "floor", "—"),
        ],
      ),
    );
  }

  const i = results.importTime;
  if (i) {
    out.push(
      `\n### Cold import in a fresh Node process, ms around \`await import()\` (lower is better; ${i.settings.rounds} rounds)\n`,
    );
    out.push(
      table(
        ["package", "ms", "ours ÷ SDK"],
        [
          ["@realtimekit-api/client", withSpread(i.milliseconds.ours, (n) => fixed(n, 1)), ratio(i.oursRatio)],
          ["cloudflare@7.3.0 SDK", withSpread(i.milliseconds.cloudflareSdk, (n) => fixed(n, 1)), "—"],
        ],
      ),
    );
  }

  const p = results.pipeline;
  if (p) {
    out.push(`\n### Pipeline, seconds (${p.settings.rounds} rounds)\n`);
    const labels = {
      generate: "generate (turbo --force)",
      coldBuild: "cold build (turbo --force, generate included)",
      warmBuild: "warm build (all turbo cache hits)",
      specSync: "spec:sync --check, 12.5 MB upstream document",
    };
    out.push(
      table(
        ["step", "seconds"],
        Object.entries(labels)
          .filter(([k]) => p.seconds[k as keyof typeof labels])
          .map(([k, label]) => [label, withSpread(p.seconds[k as keyof typeof labels]!, (n) => fixed(n, 2))]),
      ),
    );
    for (const note of p.notes) out.push(`\nNote: ${note}`);
  }
  return out.join("\n");
}

export function writeResults(file: string, results: BenchResults): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
}
