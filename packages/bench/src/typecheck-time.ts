// Consumer type-check time: `tsc --noEmit` on the one-call file, ours against the SDK, each in a fresh
// process, with a file that imports nothing as the floor (tsc's own start-up and the standard library).
// Each file is copied next to the package it imports so that ordinary Node resolution finds it.
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { run } from "./child-process.ts";
import { oneCallCloudflare, oneCallNoImport, oneCallOurs, scratchDir, sdkDir } from "./paths.ts";
import { pairedRatio, type Spread, spread } from "./statistics.ts";

export const TYPECHECK_SETTINGS = { rounds: 3 } as const;

// What a typical strict consumer project has; skipLibCheck is on as `tsc --init` sets it.
const consumerTsconfig = {
  compilerOptions: {
    target: "ES2022",
    lib: ["ES2022", "DOM"],
    module: "NodeNext",
    moduleResolution: "NodeNext",
    strict: true,
    skipLibCheck: true,
    noEmit: true,
    types: [],
  },
  files: ["one-call.ts"],
};

type Subject = "ours" | "cloudflareSdk" | "floor";
/** What tsc reports about its own run (--extendedDiagnostics): Total time excludes Node's start-up. */
type Diagnostics = { totalSeconds: number; files: number; linesOfDefinitions: number; memoryKiB: number };
export type TypecheckResult = {
  settings: typeof TYPECHECK_SETTINGS & { skipLibCheck: boolean };
  /** Spawn to exit of `node tsc -p <folder>`. */
  wallSeconds: Record<Subject, Spread>;
  /** tsc's own "Total time" (program, bind, check). */
  tscTotalSeconds: Record<Subject, Spread>;
  /** The same in every run: how much the types make tsc read. */
  program: Record<Subject, Omit<Diagnostics, "totalSeconds">>;
  /** ours ÷ SDK; lower is better. */
  oursRatio: { wallSeconds: Spread; tscTotalSeconds: Spread };
};

function prepare(source: string, folder: string): string {
  mkdirSync(folder, { recursive: true });
  copyFileSync(source, join(folder, "one-call.ts"));
  writeFileSync(join(folder, "tsconfig.json"), `${JSON.stringify(consumerTsconfig, null, 2)}\n`);
  return folder;
}

function readDiagnostics(output: string): Diagnostics {
  const field = (name: string) => {
    const match = new RegExp(`^${name}:\\s+([\\d.]+)`, "m").exec(output);
    if (!match) throw new Error(`tsc --extendedDiagnostics printed no "${name}"`);
    return Number(match[1]);
  };
  return {
    totalSeconds: field("Total time"),
    files: field("Files"),
    linesOfDefinitions: field("Lines of Definitions"),
    memoryKiB: field("Memory used"),
  };
}

export async function measureTypecheckTime(log: (line: string) => void): Promise<TypecheckResult> {
  const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  const folders: Record<Subject, string> = {
    // Under packages/bench, so it resolves @realtimekit-api/client from the bench's node_modules (its dist types).
    ours: prepare(oneCallOurs, join(scratchDir, "typecheck-ours")),
    cloudflareSdk: prepare(oneCallCloudflare, join(sdkDir, "typecheck")),
    floor: prepare(oneCallNoImport, join(scratchDir, "typecheck-floor")),
  };
  const subjects = Object.keys(folders) as Subject[];
  const wall = { ours: [], cloudflareSdk: [], floor: [] } as Record<Subject, number[]>;
  const total = { ours: [], cloudflareSdk: [], floor: [] } as Record<Subject, number[]>;
  const program = {} as TypecheckResult["program"];
  for (let round = 0; round < TYPECHECK_SETTINGS.rounds; round++) {
    for (const subject of subjects.map((_, i) => subjects[(i + round) % subjects.length]!)) {
      const { code, stdout, seconds } = await run(process.execPath, [
        tsc,
        "-p",
        folders[subject],
        "--extendedDiagnostics",
      ]);
      if (code !== 0) throw new Error(`tsc on the ${subject} one-call file failed:\n${stdout}`);
      const { totalSeconds, ...rest } = readDiagnostics(stdout);
      wall[subject].push(seconds);
      total[subject].push(totalSeconds);
      program[subject] = rest;
    }
    log(
      `typecheck round ${round + 1}/${TYPECHECK_SETTINGS.rounds}: ${subjects.map((s) => `${s} ${wall[s].at(-1)!.toFixed(2)} s`).join(", ")}`,
    );
  }
  const bySubject = (series: Record<Subject, number[]>) => ({
    ours: spread(series.ours),
    cloudflareSdk: spread(series.cloudflareSdk),
    floor: spread(series.floor),
  });
  return {
    settings: { ...TYPECHECK_SETTINGS, skipLibCheck: consumerTsconfig.compilerOptions.skipLibCheck },
    wallSeconds: bySubject(wall),
    tscTotalSeconds: bySubject(total),
    program,
    oursRatio: {
      wallSeconds: pairedRatio(wall.ours, wall.cloudflareSdk),
      tscTotalSeconds: pairedRatio(total.ours, total.cloudflareSdk),
    },
  };
}
