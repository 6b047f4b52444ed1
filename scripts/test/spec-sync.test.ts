// spec:sync on a committed upstream fixture (Cloudflare's 2026-08-14 document cut down to every RealtimeKit path,
// one unrelated path and the components they reach): the spec synced from that copy, only what is published.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { UPSTREAM_FIXTURE } from "@realtimekit-api/test-servers/upstream-fixture";
import { beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml, stringify as toYaml } from "yaml";
import { canonicalJson } from "../lib/canonical-json.ts";
import {
  child,
  joinPointer,
  listOperations,
  loadOpenApiDocument,
  loadPaging,
  loadSpec,
  type Paging,
  parseOpenApiDocument,
  references,
  resolve,
  resolveLocated,
  successStatus,
  valueAt,
} from "../lib/openapi.ts";
import { methodNameFrom, methodNameProblem } from "../lib/select-operations.ts";
import { describeNaming, syncSpec } from "../lib/sync-spec.ts";

const CONFIG = new URL("../../openapi/sync.config.json", import.meta.url).pathname;
const COMMITTED = readFileSync(new URL("../../openapi/realtimekit.openapi.json", import.meta.url), "utf8");
// The spec synced from that same copy, kept as it was when it was committed: the committed spec moves on with each
// upstream, this does not.
const SYNCED_2026_08_14 = readFileSync(
  new URL("./fixtures/realtimekit-2026-08-14.openapi.json", import.meta.url),
  "utf8",
);
const fixture = () => JSON.parse(readFileSync(UPSTREAM_FIXTURE, "utf8"));
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
  it("reproduces the spec synced from the same upstream copy byte for byte, but for the upstream file's own sha256", () => {
    const { text } = syncSpec(CONFIG, UPSTREAM_FIXTURE);
    expect(withoutSha(text)).toBe(withoutSha(SYNCED_2026_08_14));
  });

  it("the committed spec is, in form, what a sync writes: canonical JSON, every operation named, its upstream recorded", () => {
    const spec = JSON.parse(COMMITTED);
    expect(canonicalJson(spec)).toBe(COMMITTED);
    const published = operationsOf(spec);
    expect(published.length).toBeGreaterThan(0);
    for (const operation of published) {
      expect(operation.path.startsWith(config().select.pathPrefix)).toBe(true);
      expect(operation["x-client-method"]).toMatch(/^[a-z][A-Za-z0-9]*$/);
    }
    expect(spec.info["x-upstream"]).toMatchObject({ date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    expect(spec.info["x-upstream"].sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it("records the upstream document's date and sha256", async () => {
    const { createHash } = await import("node:crypto");
    const spec = JSON.parse(syncSpec(CONFIG, UPSTREAM_FIXTURE).text);
    expect(spec.info["x-upstream"]).toMatchObject({
      date: "2026-08-14",
      sha256: createHash("sha256").update(readFileSync(UPSTREAM_FIXTURE)).digest("hex"),
      title: fixture().info.title,
    });
  });

  it("publishes every operation under the path prefix, each with its configured method name, and nothing else", () => {
    const spec = JSON.parse(syncSpec(CONFIG, UPSTREAM_FIXTURE).text);
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
    const spec = JSON.parse(syncSpec(CONFIG, UPSTREAM_FIXTURE).text);
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
    const expected = withoutSha(syncSpec(CONFIG, UPSTREAM_FIXTURE).text);
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
    const { text, naming } = syncSpec(configFile, UPSTREAM_FIXTURE);
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
    expect(() => syncSpec(configFile, UPSTREAM_FIXTURE)).toThrow(message);
  });

  it("refuses a config that lists no verbs, naming the field, rather than refuse every method name", () => {
    const configFile = configWith((c) => delete c.methodVerbs);
    expect(() => syncSpec(configFile, UPSTREAM_FIXTURE)).toThrow(`${configFile}: "methodVerbs" lists no verbs`);
  });

  it("derives names as a verb and a noun in lowerCamelCase", () => {
    const verbs = new Set<string>(config().methodVerbs);
    const from = (operationId: string, httpMethod: string) => methodNameFrom(operationId, httpMethod, verbs);
    expect(from("get-v2-livestream-session-livestream-id", "get")).toBe("getLivestreamSessionLivestreamId");
    expect(from("KickPartcipants", "post")).toBe("kickPartcipants");
    expect(from("post-presets", "post")).toBe("createPostPresets");
    expect(from("sessions", "get")).toBe("getSessions");
    expect(from("list", "get")).toBe("listOperation");
    for (const name of ["getSessions", "createPostPresets", "listOperation"])
      expect(methodNameProblem(name, verbs)).toBe(undefined);
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
    expect(() => syncSpec(CONFIG, write("upstream.json", readFileSync(UPSTREAM_FIXTURE)))).toThrow(/--date/);
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

describe("reading a document (lib/openapi.ts)", () => {
  const minimal = { openapi: "3.0.3", info: { title: "t", version: "1" }, paths: {} };
  const parse = (text: string | Buffer, maxBytes?: number) =>
    parseOpenApiDocument(Buffer.from(text), "doc", maxBytes).document;

  it("reads JSON, YAML and gzipped JSON (known by its bytes, not its name), and gives the unzipped bytes", () => {
    const json = JSON.stringify(minimal);
    expect(parse(json)).toEqual(minimal);
    expect(parse(`  ${json}`)).toEqual(minimal);
    expect(parse(toYaml(minimal))).toEqual(minimal);
    expect(parse(`\n${toYaml(minimal)}`)).toEqual(minimal);
    expect(parseOpenApiDocument(gzipSync(json), "doc").bytes.toString()).toBe(json);
    expect(parse(toYaml({ ...minimal, openapi: "3.1.0" })).openapi).toBe("3.1.0");
  });

  it.each([
    [
      "an HTML page",
      "  <!DOCTYPE html>\n<html>  <body>",
      'doc: is an HTML or XML page, not a JSON or YAML document (it starts with "<!DOCTYPE html> <html> <body>")',
    ],
    ["neither JSON nor YAML", "{ not json", "doc: is neither JSON nor YAML ("],
    ["YAML that is no document", "just text", 'doc: is not an OpenAPI 3.0 or 3.1 document (no "openapi: 3.x" field)'],
    ["null", "null", "doc: is not an OpenAPI 3.0 or 3.1 document"],
    ["a Swagger 2.0 document", toYaml({ swagger: "2.0", paths: {} }), "doc: is not an OpenAPI 3.0 or 3.1 document"],
    ["OpenAPI 3.2", JSON.stringify({ ...minimal, openapi: "3.2.0" }), "doc: is not an OpenAPI 3.0 or 3.1 document"],
    ["a version as a number", "openapi: 3.0\npaths: {}\n", "doc: is not an OpenAPI 3.0 or 3.1 document"],
    ["a version in a list", JSON.stringify({ ...minimal, openapi: ["3.0.3"] }), "doc: is not an OpenAPI 3.0 or 3.1"],
    ["OpenAPI 13.0", JSON.stringify({ ...minimal, openapi: "13.0.0" }), "doc: is not an OpenAPI 3.0 or 3.1 document"],
    ["a document without paths", JSON.stringify({ ...minimal, paths: undefined }), 'doc: has no "paths" object'],
    ["paths that are not an object", JSON.stringify({ ...minimal, paths: "none" }), 'doc: has no "paths" object'],
  ])("refuses %s, saying what it is", (_, text, message) => {
    expect(() => parse(text)).toThrow(message);
  });

  it("says on one line why a text is neither JSON nor YAML: the first line of the parser's own message", () => {
    const text = "a: [1\nb: 2";
    const parserMessage = (() => {
      try {
        parseYaml(text);
      } catch (error) {
        return (error as Error).message;
      }
    })();
    const [firstLine] = parserMessage!.split("\n");
    expect(parserMessage).toContain("\n");
    expect(() => parse(text)).toThrow(new Error(`doc: is neither JSON nor YAML (${firstLine})`));
  });

  it("reads YAML with as many aliases as a large document has (the yaml package's default allows 100)", () => {
    const anchored = `openapi: 3.0.3\ninfo: &info { title: t, version: "1" }\npaths: {}\nx-copies:\n`;
    const document = parse(anchored + Array.from({ length: 150 }, () => "  - *info\n").join(""));
    expect(document["x-copies"]).toHaveLength(150);
  });

  it("takes for gzip only what starts with both of its magic bytes", () => {
    for (const bytes of [
      [0x1f, 0x41],
      [0x41, 0x8b],
    ]) {
      expect(() => parse(Buffer.from(bytes))).toThrow("doc: is not an OpenAPI 3.0 or 3.1 document");
    }
  });

  it("quotes the first 60 characters of an HTML page", () => {
    const page = `<html><body>${"x".repeat(100)}</body></html>`;
    expect(() => parse(page)).toThrow(`(it starts with "${page.slice(0, 60)}")`);
  });

  it("refuses gzip that does not unzip, and gzip that unzips past the limit", () => {
    const zipped = gzipSync(JSON.stringify(minimal));
    expect(() => parse(zipped.subarray(0, 20))).toThrow(/^doc: is gzipped but cannot be unzipped \(/);
    expect(() => parse(zipped, 10)).toThrow("doc: unzips to more than the limit of 10 bytes");
    expect(parse(zipped, 1_000)).toEqual(minimal);
  });

  it("loads the committed spec when no file is named", () => {
    expect(loadSpec()).toEqual(JSON.parse(COMMITTED));
  });

  it("names a file it cannot read", () => {
    expect(() => loadOpenApiDocument(join(dir, "absent.json"))).toThrow(
      `${join(dir, "absent.json")}: cannot be read (ENOENT)`,
    );
  });
});

describe("JSON pointers and $refs (lib/openapi.ts)", () => {
  const document = {
    "a/b": { "c~d": 1 },
    text: "abc",
    empty: null,
    components: {
      schemas: {
        A: { $ref: "#/components/schemas/B" },
        B: { $ref: "#/components/schemas/A" },
        C: { type: "object", properties: { d: { $ref: "#/components/schemas/D" } } },
        D: { type: "string" },
        "E F": { type: "number" },
      },
    },
  };

  it("escapes and unescapes pointer tokens (RFC 6901), and reads what a pointer names or undefined", () => {
    expect(joinPointer("", "a/b", "c~d")).toBe("/a~1b/c~0d");
    expect(valueAt(document, "/a~1b/c~0d")).toBe(1);
    expect(valueAt(document, "")).toBe(document);
    expect(valueAt(document, "/empty/x")).toBeUndefined();
    expect(valueAt(document, "/text/length")).toBeUndefined();
    expect(valueAt(document, "/a~1b/toString")).toBeUndefined();
    expect(child(document, { node: "abc", pointer: "/text" }, "length")).toBeUndefined();
    expect(child(document, { node: document, pointer: "" }, "components", "schemas", "C", "properties", "d")).toEqual({
      node: { type: "string" },
      pointer: "/components/schemas/D",
    });
  });

  it("follows $refs, percent-encoded ones too, and leaves a property named $ref alone", () => {
    expect(resolve(document, { $ref: "#/components/schemas/E%20F" })).toEqual({ type: "number" });
    const named = { type: "object", properties: { $ref: { type: "string" } } }.properties;
    expect(resolve(document, named)).toBe(named);
  });

  it.each([
    ["a dangling one", { $ref: "#/missing" }, "", "dangling $ref #/missing"],
    ["a dangling one, where it is", { $ref: "#/missing" }, "/paths/x", "dangling $ref #/missing at /paths/x"],
    [
      "a remote one",
      { $ref: "other.json#/a" },
      "/p",
      "unsupported $ref other.json#/a at /p: only local references are",
    ],
    ["a circular one", { $ref: "#/components/schemas/A" }, "/q", "circular $ref #/components/schemas/A at /q"],
  ])("refuses %s, saying so exactly", (_, node, pointer, message) => {
    expect(() => resolveLocated(document, { node, pointer })).toThrow(new Error(message));
  });

  it("resolve names no place when it is given none", () => {
    expect(() => resolve(document, { $ref: "#/missing" })).toThrow(new Error("dangling $ref #/missing"));
  });

  it("lists every $ref reached, each once, in the order met, and not a property named $ref", () => {
    const node = { a: { $ref: "#/components/schemas/C" }, b: [{ $ref: "#/components/schemas/D" }], $ref: { x: 1 } };
    expect([...references(document, node)]).toEqual(["#/components/schemas/C", "#/components/schemas/D"]);
    expect(() => references(document, { a: { $ref: "#/missing" } })).toThrow(new Error("dangling $ref #/missing"));
  });

  it("takes the lowest 2xx status as the success, else 2XX, and no other key", () => {
    expect(successStatus({ "404": {}, "201": {}, "200": {}, "2XX": {} })).toBe("200");
    expect(successStatus({ default: {}, "2xx": {} })).toBe("2xx");
    expect(successStatus({ "1200": {}, "2001": {}, x2XX: {}, "2XXX": {} })).toBeUndefined();
    expect(successStatus()).toBeUndefined();
  });
});

describe("listOperations (lib/openapi.ts)", () => {
  const ok = (change: (operation: any) => void = () => {}) => {
    const operation: any = {
      operationId: "get_thing",
      "x-client-method": "getThing",
      parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
      responses: {
        "404": { description: "gone" },
        "201": {
          description: "made",
          content: { "application/json": { schema: { $ref: "#/components/schemas/Ok" } } },
        },
      },
    };
    change(operation);
    const components = { schemas: { Ok: { type: "object", properties: { success: {}, data: { type: "object" } } } } };
    return { openapi: "3.0.3", info: {}, paths: { "/things/{id}": { get: operation } }, components };
  };

  it("describes an operation: its method, route, parameters with their defaults, body and success answer", () => {
    const [operation] = listOperations(
      ok((o) => {
        o.parameters.push(
          { name: "tags", in: "query", explode: false, schema: { type: "array" } },
          { name: "q", in: "query" },
        );
        o.requestBody = { required: true, content: { "application/json": { schema: { type: "object" } } } };
      }),
    );
    expect(operation).toMatchObject({
      operationId: "get_thing",
      method: "getThing",
      httpMethod: "get",
      path: "/things/{id}",
      route: "GET /things/{id}",
      successStatus: 201,
      paged: false,
      body: { required: true, schema: { type: "object" } },
      parameters: [
        { name: "id", in: "path", required: true, explode: true, schema: { type: "string" } },
        { name: "tags", in: "query", required: false, explode: false, schema: { type: "array" } },
        { name: "q", in: "query", required: false, explode: true, schema: {} },
      ],
    });
    expect(
      listOperations(ok((o) => (o.requestBody = { content: { "application/json": { schema: {} } } })))[0]!.body,
    ).toEqual({
      required: false,
      schema: {},
    });
  });

  it.each([
    ["no x-client-method", (o: any) => delete o["x-client-method"], "GET /things/{id} has no x-client-method"],
    [
      "a header parameter",
      (o: any) => o.parameters.push({ name: "x-key", in: "header" }),
      "GET /things/{id}: header parameter x-key is not supported",
    ],
    [
      "a body that is not JSON",
      (o: any) => (o.requestBody = { content: { "text/plain": {} } }),
      "GET /things/{id}: the request body is not JSON",
    ],
    ["no success answer", (o: any) => delete o.responses["201"], "GET /things/{id} has no JSON success answer"],
    [
      "a success answer in another media type",
      (o: any) => (o.responses["201"] = { description: "x", content: { "text/plain": {} } }),
      "GET /things/{id} has no JSON success answer",
    ],
    [
      "a success answer that is not JSON",
      (o: any) => (o.responses["201"] = { description: "x" }),
      "GET /things/{id} has no JSON success answer",
    ],
  ])("refuses an operation with %s", (_, change, message) => {
    expect(() => listOperations(ok(change))).toThrow(message);
  });

  it('refuses a success answer without "data"', () => {
    const spec: any = ok();
    delete spec.components.schemas.Ok.properties.data;
    expect(() => listOperations(spec)).toThrow('GET /things/{id}: the success answer has no "data"');
    delete spec.components.schemas.Ok.properties;
    expect(() => listOperations(spec)).toThrow('GET /things/{id}: the success answer has no "data"');
  });

  it("refuses a request body without content as not JSON", () => {
    expect(() => listOperations(ok((o) => (o.requestBody = { required: true })))).toThrow(
      "GET /things/{id}: the request body is not JSON",
    );
  });

  it("pages only a list: query parameters named as the config says, and an array in data beside the paging object", () => {
    const paging = loadPaging();
    const spec = (pageIn: string, data: object) => {
      const spec: any = ok((o) => {
        o.parameters.push({ name: paging.page, in: pageIn, schema: {} }, { name: paging.perPage, in: "query" });
      });
      spec.components.schemas.Ok.properties = { success: {}, data, [paging.object]: { type: "object" } };
      return spec;
    };
    expect(listOperations(spec("query", { type: "array" }))[0]!.paged).toBe(true);
    expect(listOperations(spec("query", { type: "object" }))[0]!.paged).toBe(false);
    expect(listOperations(spec("path", { type: "array" }))[0]!.paged).toBe(false);
  });
});
