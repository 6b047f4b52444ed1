import { accessSync, constants, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { type BrowserContext, chromium } from "playwright-core";

// Everything that would reach beyond this machine or keep state between runs is off. The page tests CORS, so
// web security stays on (the npm Chromium's own argument list turns it off, which is why it is not used).
const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

// Names a system Chrome or Chromium goes by on Linux and macOS, looked up on PATH or at these absolute paths.
const SYSTEM_BROWSERS = [
  "chromium",
  "chromium-browser",
  "google-chrome",
  "google-chrome-stable",
  "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
  "/Applications/Chromium.app/Contents/MacOS/Chromium",
];

/** Where a browser was found, and how: the test log names it so a failure can be traced to the binary. */
export type BrowserLocation = { executablePath: string; source: "CHROMIUM_PATH" | "system" | "@sparticuz/chromium" };

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(name: string, path: string): string | undefined {
  if (name.startsWith("/")) return isExecutable(name) ? name : undefined;
  for (const dir of path.split(delimiter)) {
    if (dir && isExecutable(join(dir, name))) return join(dir, name);
  }
  return undefined;
}

/**
 * Finds a Chromium: CHROMIUM_PATH, then a system Chrome or Chromium, then the one shipped inside the
 * `@sparticuz/chromium` npm package (Linux x64), which unpacks itself to the temp folder on first use.
 * Throws an error that says what was tried when there is none.
 */
export async function findChromium(env: NodeJS.ProcessEnv = process.env): Promise<BrowserLocation> {
  if (env.CHROMIUM_PATH) {
    if (isExecutable(env.CHROMIUM_PATH)) return { executablePath: env.CHROMIUM_PATH, source: "CHROMIUM_PATH" };
    throw new Error(`CHROMIUM_PATH is set to ${env.CHROMIUM_PATH}, which is not an executable file.`);
  }
  for (const name of SYSTEM_BROWSERS) {
    const found = onPath(name, env.PATH ?? "");
    if (found) return { executablePath: found, source: "system" };
  }
  let packaged: string | undefined;
  let why = `it ships a Linux x64 build only, and this is ${process.platform} ${process.arch}`;
  if (process.platform === "linux" && process.arch === "x64") {
    try {
      const { default: sparticuz } = await import("@sparticuz/chromium");
      packaged = await sparticuz.executablePath();
    } catch (error) {
      why = `it could not be unpacked: ${(error as Error).message}`;
    }
  }
  if (packaged) return { executablePath: packaged, source: "@sparticuz/chromium" };
  throw new Error(
    `No Chromium for the browser tests. Tried CHROMIUM_PATH (unset), a system browser (${SYSTEM_BROWSERS.join(", ")}) ` +
      `and the npm package @sparticuz/chromium (${why}). Install Chrome or Chromium, set CHROMIUM_PATH, ` +
      "or set SKIP_BROWSER_TESTS=1 to skip these tests knowingly.",
  );
}

export type Chromium = { context: BrowserContext; location: BrowserLocation; close: () => Promise<void> };

/** Only an explicit SKIP_BROWSER_TESTS=1 skips the browser tests; without a browser they fail, saying what was tried. */
export const SKIP_BROWSER_TESTS = process.env.SKIP_BROWSER_TESTS === "1";

/**
 * Headless Chromium with a fresh profile (playwright passes it as --user-data-dir), so nothing from an earlier
 * run (a service worker, say) answers this one. `extraArgs` go after the project's own.
 */
export async function launchChromium(extraArgs: readonly string[] = []): Promise<Chromium> {
  const location = await findChromium();
  const userDataDir = mkdtempSync(join(tmpdir(), "realtimekit-chromium-"));
  try {
    const context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: location.executablePath,
      headless: true,
      args: [...ARGS, ...extraArgs],
      timeout: 30_000,
    });
    return {
      context,
      location,
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
