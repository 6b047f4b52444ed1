import type { ChildProcess } from "node:child_process";

/** Stops a child with SIGTERM (SIGKILL after 5 s); the kill timer is cleared on exit so nothing idles after. */
export function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

/** Collects a child's stdout and stderr, for the error message when it fails to start. */
export function captureOutput(child: ChildProcess): () => string {
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  return () => output;
}

/**
 * Polls `isReady` every 100 ms until it resolves true; fails if the child exits or `timeoutMs` pass. Prism needs
 * about 4 s for the whole spec on an idle 2-core machine; the default leaves room for a machine busy with the
 * other test tasks turbo runs beside it.
 */
export async function waitUntilReady(
  name: string,
  child: ChildProcess,
  output: () => string,
  isReady: () => Promise<boolean>,
  timeoutMs = 120_000,
) {
  const giveUp = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}:\n${output()}`);
    if (Date.now() > giveUp) throw new Error(`${name} did not answer within ${timeoutMs / 1000} s:\n${output()}`);
    if (await isReady().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
