import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { freePort } from "./free-port.ts";

export const SPEC_FILE = new URL("../../openapi/realtimekit.openapi.json", import.meta.url).pathname;

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
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = () => stopProcess(child);
  try {
    await waitUntilAnswering(baseUrl, child, () => output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, stop };
}

function prismBin(): string {
  const require = createRequire(import.meta.url);
  const packageFile = require.resolve("@stoplight/prism-cli/package.json");
  return join(dirname(packageFile), JSON.parse(readFileSync(packageFile, "utf8")).bin.prism);
}

async function waitUntilAnswering(baseUrl: string, child: ChildProcess, output: () => string): Promise<void> {
  const giveUp = Date.now() + 30_000;
  while (Date.now() < giveUp) {
    if (child.exitCode !== null) throw new Error(`Prism exited with ${child.exitCode}:\n${output()}`);
    try {
      await fetch(baseUrl, { signal: AbortSignal.timeout(1_000) });
      return; // any HTTP answer, even 404, means it is listening
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`Prism did not answer within 30 s:\n${output()}`);
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    // The kill timer is cleared on exit, so nothing keeps the test runner waiting.
    const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill("SIGTERM");
  });
}
