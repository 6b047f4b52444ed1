// The built kit in headless Chromium: MSW's service worker answers with the kit's handlers at the API's own
// address, across origins from the page, and our client calls it.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { type Chromium, launchChromium, SKIP_BROWSER_TESTS } from "@realtimekit-api/test-servers/chromium";
import { type LocalHttpServer, startLocalHttpServer } from "@realtimekit-api/test-servers/local-http-server";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { operationSpec } from "./support/arguments.ts";

const WORKER_FILE = join(
  dirname(createRequire(import.meta.url).resolve("msw/package.json")),
  "lib/mockServiceWorker.js",
);
const PAGE = '<!doctype html><meta charset="utf-8"><title>kit</title><script type="module" src="/page.mjs"></script>';

let chromium: Chromium | undefined;
let site: LocalHttpServer | undefined;
let results: any;
/** Requests that reached the page's server. */
const served: string[] = [];

beforeAll(async () => {
  if (SKIP_BROWSER_TESTS) return;
  const bundle = await build({
    entryPoints: [new URL("./support/browser-page.ts", import.meta.url).pathname],
    bundle: true,
    format: "esm",
    platform: "browser",
    write: false,
    logLevel: "silent",
  });
  const files: Record<string, [string, string]> = {
    "/": ["text/html", PAGE],
    "/page.mjs": ["text/javascript", bundle.outputFiles[0]!.text],
    "/mockServiceWorker.js": ["text/javascript", readFileSync(WORKER_FILE, "utf8")],
  };
  site = await startLocalHttpServer((request, response) => {
    served.push(request.url ?? "");
    const file = files[request.url ?? ""];
    if (file) response.writeHead(200, { "content-type": file[0] }).end(file[1]);
    else response.writeHead(404).end();
  });
  // Every host name but 127.0.0.1 fails to resolve, so a request the kit misses cannot leave the machine.
  chromium = await launchChromium(["--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"]);
  const page = await chromium.context.newPage();
  await page.goto(`${site.url}/`);
  results = await page
    .waitForFunction(() => (window as any).results, undefined, { timeout: 30_000 })
    .then(async () => page.evaluate(() => (window as any).results));
}, 90_000);

afterAll(async () => {
  await chromium?.close();
  await site?.stop();
}, 30_000);

describe.skipIf(SKIP_BROWSER_TESTS)("the kit in Chromium, behind MSW's service worker", () => {
  it("ran the page to the end", () => {
    expect(results.failed).toBeUndefined();
  });

  it("answers the spec's example through our client", () => {
    const example = operationSpec("getMeetingParticipant").example as { data: { id: string } };
    expect(results.participantId).toBe(example.data.id);
  });

  it("answers an override once, then a 404 in RealtimeKit's envelope", () => {
    expect(results.overriddenName).toBe("Ada");
    expect(results.notFound).toEqual({ isApiError: true, status: 404 });
  });

  it("refuses a malformed uuid with 422 problem+json and a missing token with 401", () => {
    expect(results.invalid).toMatchObject({
      status: 422,
      type: "application/problem+json",
      body: { validation: [{ location: ["path", "meeting_id"], code: "format" }] },
    });
    expect(results.noToken.status).toBe(401);
  });

  it("records the calls with the token redacted", () => {
    expect(results.calls.map((call: any) => call.status)).toEqual([200, 200, 404, 422, 401]);
    expect(results.calls[0].headers.authorization).toBe("Bearer [redacted]");
    expect(JSON.stringify(results.calls)).not.toContain("browser-token-7d2e");
  });

  it("served the page, its script and MSW's worker, nothing else", () => {
    // A browser may ask for a favicon on its own; that is not the page's doing.
    const asked = served.filter((url) => url !== "/favicon.ico");
    expect([...new Set(asked)].sort()).toEqual(["/", "/mockServiceWorker.js", "/page.mjs"]);
  });
});
