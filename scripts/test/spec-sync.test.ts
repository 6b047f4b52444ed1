// spec:sync on a committed upstream fixture (Cloudflare's 2026-08-14 document cut down to every RealtimeKit path,
// one unrelated path and the components they reach): same output as the committed spec, only what is published.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { stringify as toYaml } from "yaml";
import { listOperations, loadPaging, type Paging, resolve } from "../lib/openapi.ts";
import { methodNameFrom, methodNameProblem } from "../lib/select-operations.ts";
import { describeNaming, syncSpec } from "../lib/sync-spec.ts";

const CONFIG = new URL("../../openapi/sync.config.json", import.meta.url).pathname;
const COMMITTED = readFileSync(new URL("../../openapi/realtimekit.openapi.json", import.meta.url), "utf8");
const FIXTURE = new URL("./fixtures/upstream-2026-08-14.json", import.meta.url).pathname;
const fixture = () => JSON.parse(readFileSync(FIXTURE, "utf8"));
const config = () => JSON.parse(readFileSync(CONFIG, "utf8"));
const METHODS = ["get", "put", "post", "patch", "delete"];
const operationsOf = (spec: any) =>
  Object.entries<any>(spec.paths).flatMap(([path, item]) =>
    METHODS.filter((method) => item[method]).map((method) => ({ path, method, ...item[method] })),
  );
/** A copy of the sync config, changed by `change`, beside the real overlay (configs name their overlay relatively). */
const configWith = (change: (config: any) => void) => {
  const changed = config();
  change(changed);
  changed.overlay = new URL("../../openapi/overlay.yaml", import.meta.url).pathname;
  return write(`sync-${Math.random().toString(36).slice(2)}.json`, JSON.stringify(changed));
};

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

  it("publishes every operation under the path prefix, each with its configured method name, and nothing else", () => {
    const spec = JSON.parse(syncSpec(CONFIG, FIXTURE).text);
    const upstream = operationsOf(fixture()).filter(({ path }) => path.startsWith(config().select.pathPrefix));
    const published = operationsOf(spec);
    expect(published.map((o) => o.operationId).sort()).toEqual(upstream.map((o) => o.operationId).sort());
    expect(Object.keys(spec.paths).every((path) => path.startsWith(config().select.pathPrefix))).toBe(true);
    for (const operation of published)
      expect(operation["x-client-method"]).toBe(config().methods[operation.operationId]);
    const refs = new Set(JSON.stringify(spec).match(/#\/components\/[^"]+/g));
    const defined = Object.entries<object>(spec.components).flatMap(([section, entries]) =>
      Object.keys(entries).map((name) => `#/components/${section}/${name}`),
    );
    // Every component is referenced (security schemes by name), and every reference is defined.
    for (const ref of defined.filter((r) => !r.includes("securitySchemes"))) expect(refs).toContain(ref);
    for (const ref of refs) expect(defined).toContain(ref);
    expect(Object.keys(spec.components.securitySchemes)).toEqual(["api_token"]);
  });

  it("declares each path parameter once, in path order, on every operation", () => {
    const spec = JSON.parse(syncSpec(CONFIG, FIXTURE).text);
    for (const operation of operationsOf(spec)) {
      const resolve = (p: any) => (p.$ref ? spec.components.parameters[p.$ref.split("/").pop()] : p);
      const names = operation.parameters
        .map(resolve)
        .filter((p: any) => p.in === "path")
        .map((p: any) => p.name);
      expect(names).toEqual([...operation.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]));
    }
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

  it("publishes an operation the config does not name under a name made from its operationId, and reports it", () => {
    const configFile = configWith((c) => delete c.methods.KickPartcipants);
    const { text, naming } = syncSpec(configFile, FIXTURE);
    expect(naming).toEqual({ derived: [{ operationId: "KickPartcipants", method: "kickPartcipants" }], unused: [] });
    expect(operationsOf(JSON.parse(text)).find((o) => o.operationId === "KickPartcipants")["x-client-method"]).toBe(
      "kickPartcipants",
    );
    expect(describeNaming(naming)).toEqual([
      'new operation KickPartcipants is published as kickPartcipants(): name it in openapi/sync.config.json "methods"',
    ]);
  });

  it("reports a configured name whose operation upstream no longer has", () => {
    const document = fixture();
    const path = operationsOf(document).find((o) => o.operationId === "get_meeting_participant")!.path;
    delete document.paths[path].get;
    const { naming } = syncSpec(CONFIG, write("gone-2026-01-01.json", JSON.stringify(document)));
    expect(naming).toEqual({ derived: [], unused: ["get_meeting_participant"] });
  });

  it.each([
    ["not lowerCamelCase", "GetMeeting", /"GetMeeting" for get_meeting must be lowerCamelCase/],
    ["a single word", "meeting", /"meeting" for get_meeting must be lowerCamelCase/],
    ["no verb first", "meetingGet", /"meetingGet" for get_meeting must start with a verb/],
    ["given twice", "createMeeting", /"createMeeting" is given to both create_meeting and get_meeting/],
  ])("refuses a method name that is %s", (_, name, message) => {
    const configFile = configWith((c) => (c.methods.get_meeting = name));
    expect(() => syncSpec(configFile, FIXTURE)).toThrow(message);
  });

  it("derives names as a verb and a noun in lowerCamelCase", () => {
    expect(methodNameFrom("get-v2-livestream-session-livestream-id", "get")).toBe("getLivestreamSessionLivestreamId");
    expect(methodNameFrom("KickPartcipants", "post")).toBe("kickPartcipants");
    expect(methodNameFrom("post-presets", "post")).toBe("createPostPresets");
    expect(methodNameFrom("sessions", "get")).toBe("getSessions");
    expect(methodNameFrom("list", "get")).toBe("listOperation");
    for (const name of ["getSessions", "createPostPresets", "listOperation"])
      expect(methodNameProblem(name)).toBe(undefined);
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
    // Upstream stops declaring meeting_id twice: the overlay action that removed the second declaration matches nothing.
    for (const item of Object.values<any>(document.paths)) {
      if (item.parameters)
        item.parameters = item.parameters.filter((p: any) => !p.$ref?.endsWith("/realtimekit_meeting_id"));
    }
    expect(() => syncSpec(CONFIG, write("fixed-2026-01-01.json", JSON.stringify(document)))).toThrow(/matches nothing/);
  });

  it("needs a date when the file name has none", () => {
    expect(() => syncSpec(CONFIG, write("upstream.json", readFileSync(FIXTURE)))).toThrow(/--date/);
    expect(JSON.parse(syncSpec(CONFIG, join(dir, "upstream.json"), "2026-09-01").text).info["x-upstream"].date).toBe(
      "2026-09-01",
    );
  });
});

describe("paged lists", () => {
  const spec = () => JSON.parse(COMMITTED);
  const pagedMethods = (s: any, paging?: Paging) =>
    listOperations(s, paging)
      .filter((operation) => operation.paged)
      .map((operation) => operation.method);

  it("are recognised by the names the config's `paging` gives, not by names written in the generators", () => {
    const configured = loadPaging(CONFIG);
    expect(configured).toEqual({
      page: "page_no",
      perPage: "per_page",
      object: "paging",
      totalCount: "total_count",
      startOffset: "start_offset",
      endOffset: "end_offset",
    });
    expect(pagedMethods(spec())).toContain("getMeetings");
    // Other names in the config: the spec's lists no longer match them.
    expect(pagedMethods(spec(), { ...configured, page: "page_number" })).toEqual([]);
    expect(pagedMethods(spec(), { ...configured, perPage: "page_size" })).toEqual([]);
    expect(pagedMethods(spec(), { ...configured, object: "pages" })).toEqual([]);
    // The spec renamed along with the config: the list is paged again.
    const renamed = spec();
    const getMeetings = Object.values<any>(renamed.paths)
      .flatMap((item) => Object.values<any>(item))
      .find((operation) => operation["x-client-method"] === "getMeetings");
    // Its own copy of the parameter: the component is shared with the other lists.
    const at = getMeetings.parameters.findIndex((p: any) => resolve(renamed, p).name === "page_no");
    getMeetings.parameters[at] = { ...resolve(renamed, getMeetings.parameters[at]), name: "page_number" };
    expect(pagedMethods(renamed, { ...configured, page: "page_number" })).toEqual(["getMeetings"]);
  });

  it("cannot be recognised by a config whose paging block lacks a name: loading it names the file and the names", () => {
    const file = configWith((changed) => {
      delete changed.paging.perPage;
      changed.paging.object = "";
    });
    expect(() => loadPaging(file)).toThrow(`${file}: "paging" names no perPage, object`);
  });
});
