import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { captureOutput, stopChild, waitUntilReady } from "./child-process.ts";
import { freePort } from "./free-port.ts";

export const SPEC_FILE = new URL("../../../openapi/realtimekit.openapi.json", import.meta.url).pathname;

export type PrismMock = { baseUrl: string; stop: () => Promise<void> };
export type PrismOptions = {
  spec?: string;
  /** Generate answers from the schema (seeded, so runs repeat) instead of returning the examples. */
  dynamic?: { seed: number };
};

/** Starts Prism's mock of the spec on a free 127.0.0.1 port; resolves once it answers HTTP. */
export async function startPrismMock(options: PrismOptions = {}): Promise<PrismMock> {
  const port = await freePort();
  const args = ["mock", options.spec ?? SPEC_FILE, "--port", String(port), "--host", "127.0.0.1", "--errors", "false"];
  if (options.dynamic) {
    args.push("--dynamic", "--seed", String(options.dynamic.seed), "--json-schema-faker-fillProperties=false");
  }
  const child = spawn(process.execPath, [prismBin(), ...args], { stdio: ["ignore", "pipe", "pipe"] });
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    // Any HTTP answer, even a 404, means Prism is listening.
    await waitUntilReady("Prism", child, captureOutput(child), async () =>
      Boolean(await fetch(baseUrl, { signal: AbortSignal.timeout(1_000) })),
    );
  } catch (error) {
    await stopChild(child);
    throw error;
  }
  return { baseUrl, stop: () => stopChild(child) };
}

function prismBin(): string {
  const require = createRequire(import.meta.url);
  const packageFile = require.resolve("@stoplight/prism-cli/package.json");
  return join(dirname(packageFile), JSON.parse(readFileSync(packageFile, "utf8")).bin.prism);
}
