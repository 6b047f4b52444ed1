// spec:sync from a URL, against a server this test runs on 127.0.0.1: the date from Last-Modified or --date, the
// same spec and sha256 as from a file, and a clear error naming the URL for each way a download goes wrong —
// with nothing written. The command-line cases run the real script with --config in a temp folder, so the
// repository's openapi/ is never a target; the last test checks that it is unchanged all the same.
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import type { ServerResponse } from "node:http";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { gzipSync } from "node:zlib";
import { type LocalHttpServer, startLocalHttpServer } from "@realtimekit-api/test-servers/local-http-server";
import { UPSTREAM_FIXTURE } from "@realtimekit-api/test-servers/upstream-fixture";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_DOCUMENT_BYTES } from "../lib/download-document.ts";
import { syncSpec, syncSpecFrom } from "../lib/sync-spec.ts";

const OPENAPI_DIR = new URL("../../openapi/", import.meta.url).pathname;
const CONFIG = join(OPENAPI_DIR, "sync.config.json");
const FIXTURE_BYTES = readFileSync(UPSTREAM_FIXTURE);
const SPEC_SYNC = new URL("../spec-sync.ts", import.meta.url).pathname;
const TSX = createRequire(import.meta.url).resolve("tsx/cli");
// Late on 1 September in GMT: the date must be the UTC day whatever the machine's time zone.
const LAST_MODIFIED = "Tue, 01 Sep 2026 23:30:00 GMT";

const json = { "content-type": "application/json" };
const dated = { ...json, "last-modified": LAST_MODIFIED };
/** Writes chunks until the client hangs up: an answer with no end, sent without Content-Length. */
function endless(res: ServerResponse) {
  res.writeHead(200, json);
  const chunk = Buffer.alloc(16 * 1024, " ");
  const pump = () => {
    while (!res.destroyed && res.write(chunk));
    if (!res.destroyed) res.once("drain", pump);
  };
  pump();
}
const routes: Record<string, (res: ServerResponse) => void> = {
  "/openapi.json": (res) =>
    res.writeHead(200, { ...dated, "content-length": String(FIXTURE_BYTES.length) }).end(FIXTURE_BYTES),
  "/openapi.json.gz": (res) =>
    res
      .writeHead(200, { "content-type": "application/gzip", "last-modified": LAST_MODIFIED })
      .end(gzipSync(FIXTURE_BYTES)),
  // What raw.githubusercontent.com does: no Last-Modified.
  "/undated.json": (res) => res.writeHead(200, json).end(FIXTURE_BYTES),
  "/moved.json": (res) => res.writeHead(301, { location: "/openapi.json" }).end(),
  "/downgrade.json": (res) => res.writeHead(302, { location: "http://example.com/openapi.json" }).end(),
  "/missing.json": (res) => res.writeHead(404, { "content-type": "text/plain" }).end("404: Not Found"),
  "/page.html": (res) =>
    res
      .writeHead(200, { "content-type": "text/html", "last-modified": LAST_MODIFIED })
      .end("<!DOCTYPE html>\n<html><head><title>Sign in</title></head><body>Sign in to continue</body></html>"),
  // Announces the whole fixture, sends 1,000 bytes of it and closes the connection.
  "/truncated.json": (res) => {
    res.writeHead(200, { ...dated, "content-length": String(FIXTURE_BYTES.length) });
    res.write(FIXTURE_BYTES.subarray(0, 1000), () => res.socket?.destroy());
  },
  // Announces one byte over the default limit, then sends a little and waits: the header alone must fail it.
  "/huge.json": (res) => {
    res.writeHead(200, { ...dated, "content-length": String(MAX_DOCUMENT_BYTES + 1) });
    res.write("{");
  },
  "/endless.json": endless,
  "/bomb.json.gz": (res) => res.writeHead(200, dated).end(gzipSync(Buffer.alloc(1_000_000, " "))),
  "/no-answer.json": () => {},
  "/stalls.json": (res) => {
    res.writeHead(200, { ...dated, "content-length": String(FIXTURE_BYTES.length) });
    res.write(FIXTURE_BYTES.subarray(0, 100));
  },
};

let server: LocalHttpServer;
let dir: string;
let openapiBefore: Record<string, string>;
const snapshot = (folder: string) =>
  Object.fromEntries(
    readdirSync(folder).map((name) => [
      name,
      createHash("sha256")
        .update(readFileSync(join(folder, name)))
        .digest("hex"),
    ]),
  );
const url = (path: string) => `${server.url}${path}`;
const dateOf = (text: string) => JSON.parse(text).info["x-upstream"].date;

beforeAll(async () => {
  openapiBefore = snapshot(OPENAPI_DIR);
  dir = mkdtempSync(join(tmpdir(), "spec-sync-url-"));
  server = await startLocalHttpServer((req, res) => {
    const route = routes[req.url ?? ""];
    if (route) route(res);
    else res.writeHead(500).end(`no route ${req.url}`);
  });
});

afterAll(async () => {
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("spec:sync from a URL (library)", () => {
  it("gives the same spec and sha256 as the same document read from a file, dated by Last-Modified (UTC)", async () => {
    const { text } = await syncSpecFrom(CONFIG, url("/openapi.json"));
    expect(dateOf(text)).toBe("2026-09-01");
    expect(text).toBe(syncSpec(CONFIG, UPSTREAM_FIXTURE, "2026-09-01").text);
    expect(JSON.parse(text).info["x-upstream"].sha256).toBe(createHash("sha256").update(FIXTURE_BYTES).digest("hex"));
  });

  it("prefers --date to Last-Modified", async () => {
    expect(dateOf((await syncSpecFrom(CONFIG, url("/openapi.json"), { date: "2026-09-03" })).text)).toBe("2026-09-03");
  });

  it("hashes a gzipped download's unzipped bytes, as it does a .json.gz file's", async () => {
    const { text } = await syncSpecFrom(CONFIG, url("/openapi.json.gz"));
    expect(text).toBe(syncSpec(CONFIG, UPSTREAM_FIXTURE, "2026-09-01").text);
  });

  it("follows a redirect on the same server, and refuses one to plain http elsewhere before fetching it", async () => {
    expect(dateOf((await syncSpecFrom(CONFIG, url("/moved.json"))).text)).toBe("2026-09-01");
    await expect(syncSpecFrom(CONFIG, url("/downgrade.json"))).rejects.toThrow(
      `${url("/downgrade.json")} (redirected to http://example.com/openapi.json): only https:// is fetched`,
    );
  });

  it("needs --date when the answer has no Last-Modified", async () => {
    await expect(syncSpecFrom(CONFIG, url("/undated.json"))).rejects.toThrow(
      `${url("/undated.json")}: the answer has no Last-Modified header to date it; pass --date YYYY-MM-DD`,
    );
    expect(dateOf((await syncSpecFrom(CONFIG, url("/undated.json"), { date: "2026-09-02" })).text)).toBe("2026-09-02");
  });

  it("refuses plain http beyond this machine and a date that is not YYYY-MM-DD, before fetching anything", async () => {
    await expect(syncSpecFrom(CONFIG, "http://example.com/openapi.json")).rejects.toThrow(
      "http://example.com/openapi.json: only https:// is fetched (plain http:// only from 127.0.0.1 or localhost)",
    );
    await expect(syncSpecFrom(CONFIG, url("/openapi.json"), { date: "2026-02-30" })).rejects.toThrow(
      "--date 2026-02-30: not a date in the form YYYY-MM-DD",
    );
  });

  it("stops reading at the size cap when no Content-Length announces the size", async () => {
    const started = Date.now();
    await expect(syncSpecFrom(CONFIG, url("/endless.json"), { download: { maxBytes: 64 * 1024 } })).rejects.toThrow(
      new RegExp(`^${url("/endless.json")}: is larger than the limit of 65536 bytes \\(stopped after \\d+ bytes\\)$`),
    );
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("refuses an announced Content-Length over the cap without reading the body", async () => {
    const maxBytes = FIXTURE_BYTES.length - 1;
    await expect(syncSpecFrom(CONFIG, url("/openapi.json"), { download: { maxBytes } })).rejects.toThrow(
      `${url("/openapi.json")}: is ${FIXTURE_BYTES.length} bytes, more than the limit of ${maxBytes} bytes`,
    );
  });

  it("caps by default at 64 MB", async () => {
    expect(MAX_DOCUMENT_BYTES).toBe(64 * 1024 * 1024);
    await expect(syncSpecFrom(CONFIG, url("/huge.json"))).rejects.toThrow(
      `${url("/huge.json")}: is ${64 * 1024 * 1024 + 1} bytes, more than the limit of 64 MB`,
    );
  });

  it("caps what a gzipped download unzips to", async () => {
    await expect(syncSpecFrom(CONFIG, url("/bomb.json.gz"), { download: { maxBytes: 100_000 } })).rejects.toThrow(
      `${url("/bomb.json.gz")}: unzips to more than the limit of 100000 bytes`,
    );
  });

  it.each([
    ["no answer at all", "/no-answer.json"],
    ["an answer that stalls half way", "/stalls.json"],
  ])("times out on %s", async (_, path) => {
    await expect(syncSpecFrom(CONFIG, url(path), { download: { timeoutMs: 300 } })).rejects.toThrow(
      `${url(path)}: no complete answer within 0.3 s (timed out)`,
    );
  });
});

describe("pnpm spec:sync <URL> (the script, writing to a temp config's output)", () => {
  let config: string;
  let output: string;
  const BEFORE = "the spec before the sync\n";
  beforeAll(() => {
    const synced = mkdtempSync(join(dir, "openapi-"));
    for (const name of ["sync.config.json", "overlay.yaml"]) copyFileSync(join(OPENAPI_DIR, name), join(synced, name));
    config = join(synced, "sync.config.json");
    output = join(synced, JSON.parse(readFileSync(config, "utf8")).output);
  });
  // Asynchronous: the server answering the script runs in this process.
  const specSync = async (...args: string[]) => {
    writeFileSync(output, BEFORE);
    try {
      const { stdout } = await promisify(execFile)(process.execPath, [TSX, SPEC_SYNC, ...args, "--config", config]);
      return { code: 0, stdout, stderr: "" };
    } catch (error) {
      const { code, stdout, stderr } = error as { code: number; stdout: string; stderr: string };
      return { code, stdout, stderr };
    }
  };

  it("writes the spec, dated by Last-Modified", async () => {
    const result = await specSync(url("/openapi.json"));
    expect(result).toMatchObject({ code: 0, stdout: `wrote ${output}\n` });
    expect(readFileSync(output, "utf8")).toBe(syncSpec(CONFIG, UPSTREAM_FIXTURE, "2026-09-01").text);
  });

  it("dates it by --date when given", async () => {
    expect((await specSync(url("/openapi.json"), "--date", "2026-09-05")).code).toBe(0);
    expect(dateOf(readFileSync(output, "utf8"))).toBe("2026-09-05");
  });

  it.each([
    ["a 404", "/missing.json", "the server answered 404 Not Found"],
    [
      "an HTML page",
      "/page.html",
      'is an HTML or XML page, not a JSON or YAML document (it starts with "<!DOCTYPE html> <html>',
    ],
    ["a truncated body", "/truncated.json", "the download broke off after 1000 bytes"],
    ["a Content-Length over 64 MB", "/huge.json", `is ${MAX_DOCUMENT_BYTES + 1} bytes, more than the limit of 64 MB`],
    ["no Last-Modified and no --date", "/undated.json", "the answer has no Last-Modified header to date it"],
  ])("fails on %s, naming the URL and what went wrong, and writes nothing", async (_, path, message) => {
    const result = await specSync(url(path));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`spec:sync: ${url(path)}: ${message}`);
    expect(readFileSync(output, "utf8")).toBe(BEFORE);
  });

  it("left the repository's openapi/ as it was", () => {
    expect(snapshot(OPENAPI_DIR)).toEqual(openapiBefore);
  });
});
