// The built ESM client in headless Chromium, against Prism across origins (CORS): the page and the package
// come from one local server, the API from another, as for a web app calling the API directly.
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { ESM_BUILD } from "./support/built-client.ts";
import { type Chromium, launchChromium } from "./support/chromium.ts";
import type { TestServer } from "./support/http-server.ts";
import { fileContents, startStaticServer } from "./support/static-server.ts";
import docsPageExample from "./fixtures/docs-page-example.json" with { type: "json" };
import { TOKEN, validParams } from "./helpers.ts";

const OPENAPI_FETCH_ESM = join(dirname(createRequire(import.meta.url).resolve("openapi-fetch/package.json")), "dist/index.mjs");

const PAGE = `<!doctype html>
<meta charset="utf-8">
<title>@realtimekit-api/client in a browser</title>
<script type="importmap">{ "imports": { "openapi-fetch": "/openapi-fetch.mjs" } }</script>
<script type="module" src="/run.mjs"></script>`;

// Runs in the page: each case's outcome, made JSON-friendly, ends up in window.results.
const RUN = `
import * as api from "/client.mjs";
const { baseUrl, token, params } = JSON.parse(decodeURIComponent(location.hash.slice(1)));
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
window.results = {
  participant: await settle(client.getMeetingParticipant(params)),
  notFound: await settle(client.getMeetingParticipant(params, { headers: { prefer: "code=404" } })),
  invalid: await settle(client.getMeetingParticipant({ ...params, meeting_id: "not-a-uuid" })),
  abort: await settle(client.getMeetingParticipant(params, { signal: aborted.signal })),
  raw: await client.raw.GET(${JSON.stringify("/accounts/{account_id}/realtime/kit/{app_id}/meetings/{meeting_id}/participants/{participant_id}")}, { params: { path: params } })
    .then(({ data, response }) => ({ status: response.status, id: data.data.id })),
};
`;

let chromium: Chromium | undefined;
let site: TestServer | undefined;
let results: Promise<any> | undefined;

/** Loads the page once and waits for its results; every test below reads its part. */
function pageResults(): Promise<any> {
  results ??= (async () => {
    site = await startStaticServer({
      "/": { type: "text/html", body: PAGE },
      "/run.mjs": { type: "text/javascript", body: RUN },
      "/client.mjs": { type: "text/javascript", body: fileContents(ESM_BUILD) },
      "/openapi-fetch.mjs": { type: "text/javascript", body: fileContents(OPENAPI_FETCH_ESM) },
    });
    chromium = await launchChromium();
    const page = await chromium.context.newPage();
    const pageErrors: string[] = [];
    page.on("pageerror", (error) => pageErrors.push(error.message));
    const setup = { baseUrl: inject("prismBaseUrl"), token: TOKEN, params: validParams() };
    await page.goto(`${site.origin}/#${encodeURIComponent(JSON.stringify(setup))}`);
    try {
      await page.waitForFunction(() => (window as { results?: unknown }).results !== undefined, undefined, { timeout: 20_000 });
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

describe("in headless Chromium, against Prism", () => {
  it("fetches the participant", async () => {
    expect((await pageResults()).participant).toEqual({ value: docsPageExample.data });
  });

  it("turns a 404 into RealtimeKitApiError, instanceof working in the page", async () => {
    expect((await pageResults()).notFound.error).toMatchObject({ name: "RealtimeKitApiError", isRealtimeKitError: true, isApiError: true, status: 404, attempts: 1 });
  });

  it("refuses an invalid parameter before sending", async () => {
    expect((await pageResults()).invalid.error).toMatchObject({ name: "RealtimeKitValidationError", isValidationError: true, field: "meeting_id", rule: "format" });
  });

  it("surfaces a caller's abort as the browser's AbortError", async () => {
    expect((await pageResults()).abort.error).toMatchObject({ name: "AbortError", isDomException: true, isRealtimeKitError: false });
  });

  it("gives raw openapi-fetch access", async () => {
    expect((await pageResults()).raw).toEqual({ status: 200, id: docsPageExample.data.id });
  });
});
