// Headless Chromium for the browser test: CHROMIUM_PATH if set, else the one inside the @sparticuz/chromium npm
// package (Linux x64). Every host name but 127.0.0.1 fails to resolve, so a page can reach nothing else.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium } from "playwright-core";

const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
];

async function executablePath(): Promise<string> {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  const { default: packaged } = await import("@sparticuz/chromium");
  return packaged.executablePath();
}

export type Chromium = { context: BrowserContext; close: () => Promise<void> };

/** A fresh profile each time: a service worker from an earlier run must not answer this one. */
export async function launchChromium(): Promise<Chromium> {
  const userDataDir = mkdtempSync(join(tmpdir(), "realtimekit-testing-chromium-"));
  try {
    const context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: await executablePath(),
      headless: true,
      args: ARGS,
      timeout: 30_000,
    });
    return {
      context,
      close: async () => {
        await context.close();
        rmSync(userDataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(userDataDir, { recursive: true, force: true });
    throw error;
  }
}
