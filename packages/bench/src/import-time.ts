// Cold import: a fresh Node process importing the package (ES module entry), timed inside the process around
// the import alone, so Node's own start-up is not counted. The disk cache is warm (one untimed import first).
import { run } from "./child-process.ts";
import { cloudflareEsmEntry } from "./cloudflare-sdk.ts";
import { benchRoot } from "./paths.ts";
import { pairedRatio, type Spread, spread } from "./statistics.ts";

export const IMPORT_SETTINGS = { rounds: 10 } as const;

export type ImportTimeResult = {
  settings: typeof IMPORT_SETTINGS;
  milliseconds: { ours: Spread; cloudflareSdk: Spread };
  /** ours ÷ SDK; lower is better. */
  oursRatio: Spread;
};

async function importMilliseconds(specifier: string): Promise<number> {
  const script = `const t = performance.now(); await import(${JSON.stringify(specifier)}); console.log(performance.now() - t);`;
  // Plain node, no loader: the bare specifier resolves from the bench package (cwd) to the client's dist.
  const { code, stdout, stderr } = await run(process.execPath, ["--input-type=module", "-e", script], {
    cwd: benchRoot,
  });
  if (code !== 0) throw new Error(`importing ${specifier} failed:\n${stderr}`);
  return Number(stdout.trim());
}

export async function measureImportTime(): Promise<ImportTimeResult> {
  const subjects = { ours: "@realtimekit-api/client", cloudflareSdk: cloudflareEsmEntry() };
  await importMilliseconds(subjects.ours);
  await importMilliseconds(subjects.cloudflareSdk);
  const ms = { ours: [] as number[], cloudflareSdk: [] as number[] };
  for (let round = 0; round < IMPORT_SETTINGS.rounds; round++) {
    // Alternate which goes first, so neither always runs right after the other's disk reads.
    const order = round % 2 === 0 ? (["ours", "cloudflareSdk"] as const) : (["cloudflareSdk", "ours"] as const);
    for (const subject of order) ms[subject].push(await importMilliseconds(subjects[subject]));
  }
  return {
    settings: IMPORT_SETTINGS,
    milliseconds: { ours: spread(ms.ours), cloudflareSdk: spread(ms.cloudflareSdk) },
    oursRatio: pairedRatio(ms.ours, ms.cloudflareSdk),
  };
}
