// The built ESM client (both entries) in headless Chromium, against Prism across origins (CORS): the page and
// the package come from one local server, the API from another, as for a web app calling the API directly.
import { readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { type Chromium, launchChromium, SKIP_BROWSER_TESTS } from "@realtimekit-api/test-servers/chromium";
import { afterAll, describe, expect, inject, it } from "vitest";
import docsPageExample from "./fixtures/docs-page-example.json" with { type: "json" };
import { PARTICIPANT_PATH, TOKEN, validParams } from "./helpers.ts";
import { DIST_DIR } from "./support/built-client.ts";
import type { TestServer } from "./support/http-server.ts";
import { fileContents, type StaticFile, startStaticServer } from "./support/static-server.ts";

const OPENAPI_FETCH_ESM = join(
  dirname(createRequire(import.meta.url).resolve("openapi-fetch/package.json")),
  "dist/index.mjs",
);

const PAGE = `<!doctype html>
<meta charset="utf-8">
<title>@realtimekit-api/client in a browser</title>
<script type="importmap">{ "imports": { "openapi-fetch": "/openapi-fetch.mjs" } }</script>
<script type="module" src="/run.mjs"></script>`;

// Runs in the page: each case's outcome, made JSON-friendly, ends up in window.results. The typed client is
// used first, then the page asks for /checkpoint, and only then loads the raw entry: the server's request log
// shows which files each entry needed.
const RUN = `
import * as api from "/dist/index.mjs";
const { baseUrl, token, params, path } = JSON.parse(decodeURIComponent(location.hash.slice(1)));
const client = api.createRealtimeKitClient({ apiToken: token, baseUrl, maxRetries: 0 });
const describe = (error) => ({
  name: error.name,
  isRealtimeKitError: error instanceof api.RealtimeKitError,
  isApiError: error instanceof api.RealtimeKitApiError,
  isValidationError: error instanceof api.RealtimeKitValidationError,
  isDomException: error instanceof DOMException,
  status: error.status, attempts: error.attempts, field: error.field, rule: error.rule,
});
const settle = (promise) => promise.then((value) => ({ value }), (error) => ({ error: describe(error) }));
const aborted = new AbortController();
aborted.abort();
const results = {
  participant: await settle(client.getMeetingParticipant(params)),
  notFound: await settle(client.getMeetingParticipant(params, { headers: { prefer: "code=404" } })),
  invalid: await settle(client.getMeetingParticipant({ ...params, meeting_id: "not-a-uuid" })),
  abort: await settle(client.getMeetingParticipant(params, { signal: aborted.signal })),
};
await fetch("/checkpoint");
const { createRealtimeKitRawClient } = await import("/dist/raw.mjs");
const raw = createRealtimeKitRawClient({ apiToken: token, baseUrl });
results.raw = await raw.GET(path, { params: { path: params } }).then(({ data, response }) => ({ status: response.status, id: data.data.id }));
results.rawNotFound = await raw.GET(path, { params: { path: params }, headers: { prefer: "code=404" } })
  .then(({ error, response }) => ({ status: response.status, errors: error.errors }));
results.rawRefused = await settle(raw.GET(path, { params: { path: { ...params, participant_id: ".." } } }));
window.results = results;
`;

/** Every ESM file in dist/ (entries and the chunks tsdown names by hash), served under /dist/. */
function distFiles(): Record<string, StaticFile> {
  const names = readdirSync(DIST_DIR).filter((name) => name.endsWith(".mjs"));
  return Object.fromEntries(
    names.map((name) => [`/dist/${name}`, { type: "text/javascript", body: fileContents(join(DIST_DIR, name)) }]),
  );
}

let chromium: Chromium | undefined;
let site: TestServer | undefined;
let results: Promise<any> | undefined;

/** Loads the page once and waits for its results; every test below reads its part. */
function pageResults(): Promise<any> {
  results ??= (async () => {
    site = await startStaticServer({
      "/": { type: "text/html", body: PAGE },
      "/run.mjs": { type: "text/javascript", body: RUN },
      ...distFiles(),
      "/openapi-fetch.mjs": { type: "text/javascript", body: fileContents(OPENAPI_FETCH_ESM) },
      "/checkpoint": { type: "text/plain", body: "" },
    });
    chromium = await launchChromium();
    const page = await chromium.context.newPage();
    const pageErrors: string[] = [];
    page.on("pageerror", (error) => pageErrors.push(error.message));
    const setup = { baseUrl: inject("prismBaseUrl"), token: TOKEN, params: validParams(), path: PARTICIPANT_PATH };
    await page.goto(`${site.origin}/#${encodeURIComponent(JSON.stringify(setup))}`);
    try {
      await page.waitForFunction(() => (window as { results?: unknown }).results !== undefined, undefined, {
        timeout: 20_000,
      });
    } catch (error) {
      throw new Error(`the page did not finish: ${pageErrors.join("; ") || (error as Error).message}`);
    }
    return page.evaluate(() => (window as { results?: unknown }).results);
  })();
  return results;
}

afterAll(async () => {
  await chromium?.close();
  await site?.close();
});

describe.skipIf(SKIP_BROWSER_TESTS)("in headless Chromium, against Prism", () => {
  it("fetches the participant", async () => {
    expect((await pageResults()).participant).toEqual({ value: docsPageExample.data });
  });

  it("turns a 404 into RealtimeKitApiError, instanceof working in the page", async () => {
    expect((await pageResults()).notFound.error).toMatchObject({
      name: "RealtimeKitApiError",
      isRealtimeKitError: true,
      isApiError: true,
      status: 404,
      attempts: 1,
    });
  });

  it("refuses an invalid parameter before sending", async () => {
    expect((await pageResults()).invalid.error).toMatchObject({
      name: "RealtimeKitValidationError",
      isValidationError: true,
      field: "meeting_id",
      rule: "format",
    });
  });

  it("surfaces a caller's abort as the browser's AbortError", async () => {
    expect((await pageResults()).abort.error).toMatchObject({
      name: "AbortError",
      isDomException: true,
      isRealtimeKitError: false,
    });
  });

  it("the typed client's entry loads without openapi-fetch; the raw entry brings it", async () => {
    await pageResults();
    const paths = site!.requests.map((request) => new URL(request.url, site!.origin).pathname);
    const checkpoint = paths.indexOf("/checkpoint");
    expect(checkpoint).toBeGreaterThan(0);
    const beforeCheckpoint = paths.slice(0, checkpoint);
    expect(beforeCheckpoint).toContain("/dist/index.mjs");
    // The entry's shared chunk (named by tsdown after a module in it, with a hash).
    expect(beforeCheckpoint.some((path) => /^\/dist\/[\w-]+-[\w-]{8}\.mjs$/.test(path))).toBe(true);
    expect(beforeCheckpoint).not.toContain("/openapi-fetch.mjs");
    expect(beforeCheckpoint).not.toContain("/dist/raw.mjs");
    expect(paths.slice(checkpoint)).toEqual(expect.arrayContaining(["/dist/raw.mjs", "/openapi-fetch.mjs"]));
  });

  it("gives raw openapi-fetch access through the ./raw entry", async () => {
    expect((await pageResults()).raw).toEqual({ status: 200, id: docsPageExample.data.id });
  });

  it("the raw client hands back error answers as openapi-fetch does", async () => {
    expect((await pageResults()).rawNotFound).toEqual({
      status: 404,
      errors: [{ code: 10000, message: "Authentication error" }],
    });
  });

  it("the raw client refuses a path parameter that would climb a segment, with the typed entry's error class", async () => {
    expect((await pageResults()).rawRefused.error).toMatchObject({
      name: "RealtimeKitValidationError",
      isValidationError: true,
      isRealtimeKitError: true,
      field: "participant_id",
      rule: "pathSegment",
    });
  });
});
