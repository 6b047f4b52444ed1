import { spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { captureOutput, stopChild, waitUntilReady } from "./child-process.ts";
import { freePort } from "./free-port.ts";

export type LocalRegistry = { url: string; stop: () => Promise<void> };

/**
 * A private npm registry (verdaccio) on a free 127.0.0.1 port, storing packages in `dir`. It has no uplink:
 * it serves only what is published to it, so nothing reaches the public registry.
 */
export async function startLocalRegistry(dir: string): Promise<LocalRegistry> {
  const port = await freePort();
  mkdirSync(dir, { recursive: true });
  const config = join(dir, "verdaccio.yaml");
  writeFileSync(
    config,
    [
      `storage: ${join(dir, "storage")}`,
      "uplinks: {}",
      "packages:",
      "  '**':",
      "    access: $all",
      "    publish: $all",
      "    unpublish: $all",
      "log: { type: stdout, format: pretty, level: error }",
      "",
    ].join("\n"),
  );
  const require = createRequire(import.meta.url);
  const bin = join(dirname(require.resolve("verdaccio/package.json")), "bin", "verdaccio");
  const child = spawn(process.execPath, [bin, "--config", config, "--listen", `127.0.0.1:${port}`], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  const url = `http://127.0.0.1:${port}/`;
  try {
    await waitUntilReady(
      "verdaccio",
      child,
      captureOutput(child),
      async () => (await fetch(`${url}-/ping`, { signal: AbortSignal.timeout(1_000) })).ok,
    );
  } catch (error) {
    await stopChild(child);
    throw error;
  }
  return { url, stop: () => stopChild(child) };
}
