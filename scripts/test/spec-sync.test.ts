// spec:sync on a small committed upstream fixture (the real participant path item and its neighbours,
// cut from Cloudflare's 2026-08-14 document): same output as the committed spec, only what is published.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { stringify as toYaml } from "yaml";
import { syncSpec } from "../lib/sync-spec.ts";

const CONFIG = new URL("../../openapi/sync.config.json", import.meta.url).pathname;
const COMMITTED = readFileSync(new URL("../../openapi/realtimekit.openapi.json", import.meta.url), "utf8");
const FIXTURE = new URL("./fixtures/upstream-2026-08-14.json", import.meta.url).pathname;
const fixture = () => JSON.parse(readFileSync(FIXTURE, "utf8"));

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "spec-sync-"));
});
const write = (name: string, text: string | Buffer) => {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
};
const withoutSha = (text: string) => text.replace(/"sha256": "[0-9a-f]{64}"/, '"sha256": "…"');

describe("spec:sync", () => {
  it("reproduces the committed spec byte for byte, but for the upstream file's own sha256", () => {
    const { text } = syncSpec(CONFIG, FIXTURE);
    expect(withoutSha(text)).toBe(withoutSha(COMMITTED));
  });

  it("records the upstream document's date and sha256", async () => {
    const { createHash } = await import("node:crypto");
    const spec = JSON.parse(syncSpec(CONFIG, FIXTURE).text);
    expect(spec.info["x-upstream"]).toMatchObject({
      date: "2026-08-14",
      sha256: createHash("sha256").update(readFileSync(FIXTURE)).digest("hex"),
      title: fixture().info.title,
    });
  });

  it("keeps only the configured operation and the components it reaches", () => {
    const spec = JSON.parse(syncSpec(CONFIG, FIXTURE).text);
    const operations = Object.values<Record<string, { operationId: string }>>(spec.paths).flatMap(Object.values);
    expect(operations.map((o) => o.operationId)).toEqual(JSON.parse(readFileSync(CONFIG, "utf8")).operations);
    const refs = new Set(JSON.stringify(spec).match(/#\/components\/[^"]+/g));
    const defined = Object.entries<object>(spec.components).flatMap(([section, entries]) =>
      Object.keys(entries).map((name) => `#/components/${section}/${name}`),
    );
    // Every component is referenced (security schemes by name), and every reference is defined.
    for (const ref of defined.filter((r) => !r.includes("securitySchemes"))) expect(refs).toContain(ref);
    for (const ref of refs) expect(defined).toContain(ref);
    expect(Object.keys(spec.components.securitySchemes)).toEqual(["api_token"]);
  });

  it("declares each path parameter once, in path order", () => {
    const spec = JSON.parse(syncSpec(CONFIG, FIXTURE).text);
    const [path, item] = Object.entries<any>(spec.paths)[0]!;
    const names = item.get.parameters.map((p: { name: string }) => p.name);
    expect(names).toEqual([...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]));
  });

  it("reads .json.gz and YAML, and ignores the input's key order", () => {
    const expected = withoutSha(syncSpec(CONFIG, FIXTURE).text);
    const document = fixture();
    const reversed = Object.fromEntries(Object.entries(document).reverse());
    expect(withoutSha(syncSpec(CONFIG, write("up-2026-08-14.json.gz", gzipSync(JSON.stringify(reversed)))).text)).toBe(
      expected,
    );
    expect(withoutSha(syncSpec(CONFIG, write("up-2026-08-14.yaml", toYaml(document))).text)).toBe(expected);
  });

  it.each([
    ["not JSON or YAML", "bad-2026-01-01.json", "{ not json", /neither JSON nor YAML/],
    ["not OpenAPI", "bad-2026-01-01.yaml", "swagger: '2.0'\npaths: {}\n", /not an OpenAPI 3\.0 or 3\.1 document/],
  ])("says clearly when the input is %s", (_, name, text, message) => {
    expect(() => syncSpec(CONFIG, write(name, text))).toThrow(message);
  });

  it("says which operation is missing", () => {
    const document = fixture();
    for (const item of Object.values<any>(document.paths)) delete item.get;
    expect(() => syncSpec(CONFIG, write("no-op-2026-01-01.json", JSON.stringify(document)))).toThrow(
      /operation\(s\) not found upstream: get_meeting_participant/,
    );
  });

  it("names a dangling $ref", () => {
    const document = fixture();
    delete document.components.schemas.realtimekit_Participant;
    expect(() => syncSpec(CONFIG, write("dangling-2026-01-01.json", JSON.stringify(document)))).toThrow(
      /realtimekit_Participant/,
    );
  });

  it("fails when an overlay correction no longer applies upstream", () => {
    const document = fixture();
    const path = Object.keys(document.paths).find((p) => p.endsWith("{participant_id}"))!;
    document.paths[path].parameters = document.paths[path].parameters.filter((p: any) => !p.$ref);
    expect(() => syncSpec(CONFIG, write("fixed-2026-01-01.json", JSON.stringify(document)))).toThrow(/matches nothing/);
  });

  it("needs a date when the file name has none", () => {
    expect(() => syncSpec(CONFIG, write("upstream.json", readFileSync(FIXTURE)))).toThrow(/--date/);
    expect(JSON.parse(syncSpec(CONFIG, join(dir, "upstream.json"), "2026-09-01").text).info["x-upstream"].date).toBe(
      "2026-09-01",
    );
  });
});
