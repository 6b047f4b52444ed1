// One process that loads both builds (an ESM app with a CJS dependency that also uses the client) has two
// copies of every error class; `instanceof` must still hold across them.
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { json, PARTICIPANT_PATH, TOKEN, validParams } from "./helpers.ts";
import {
  CJS_BUILD,
  ESM_BUILD,
  loadCjsBuild,
  loadCjsRawBuild,
  loadEsmBuild,
  loadEsmRawBuild,
  RAW_CJS_BUILD,
  RAW_ESM_BUILD,
} from "./support/built-client.ts";
import { successBody } from "./support/participant.ts";

let esm: Awaited<ReturnType<typeof loadEsmBuild>>;
let cjs: ReturnType<typeof loadCjsBuild>;
let esmRaw: Awaited<ReturnType<typeof loadEsmRawBuild>>;
let cjsRaw: ReturnType<typeof loadCjsRawBuild>;
beforeAll(async () => {
  esm = await loadEsmBuild();
  cjs = loadCjsBuild();
  esmRaw = await loadEsmRawBuild();
  cjsRaw = loadCjsRawBuild();
});

const CLASSES = [
  "RealtimeKitValidationError",
  "RealtimeKitApiError",
  "RealtimeKitTimeoutError",
  "RealtimeKitConnectionError",
  "RealtimeKitResponseValidationError",
] as const;

/** One instance of each class, made by the given build's own constructors. */
const instances = (build: typeof esm) => ({
  RealtimeKitValidationError: new build.RealtimeKitValidationError("meeting_id", "format", "must be a uuid"),
  RealtimeKitApiError: new build.RealtimeKitApiError({
    status: 503,
    headers: new Headers(),
    errors: [],
    requestId: undefined,
    retryable: true,
    attempts: 3,
  }),
  RealtimeKitTimeoutError: new build.RealtimeKitTimeoutError("attempt", 100, 1),
  RealtimeKitConnectionError: new build.RealtimeKitConnectionError(new TypeError("fetch failed"), 1),
  RealtimeKitResponseValidationError: new build.RealtimeKitResponseValidationError(
    200,
    [{ pointer: "", message: "body is empty" }],
    undefined,
  ),
});

it("the two builds really are separate copies", () => {
  expect(esm.RealtimeKitError).not.toBe(cjs.RealtimeKitError);
  expect(typeof esm.createRealtimeKitClient).toBe("function");
  expect(typeof cjs.createRealtimeKitClient).toBe("function");
});

describe.each([
  ["ESM", "CJS"],
  ["CJS", "ESM"],
] as const)("an error made by the %s build, checked against the %s build's classes", (from, _against) => {
  it.each(CLASSES)("%s", (name) => {
    const [maker, checker] = from === "ESM" ? [esm, cjs] : [cjs, esm];
    const error = instances(maker)[name];
    expect(error instanceof checker[name]).toBe(true);
    expect(error instanceof checker.RealtimeKitError).toBe(true);
    expect(error instanceof Error).toBe(true);
    for (const other of CLASSES.filter((n) => n !== name)) expect(error instanceof checker[other]).toBe(false);
    expect(error.name).toBe(name);
  });

  it("errors thrown by a real call", async () => {
    const [maker, checker] = from === "ESM" ? [esm, cjs] : [cjs, esm];
    const client = maker.createRealtimeKitClient({
      apiToken: TOKEN,
      baseUrl: "http://127.0.0.1:9",
      maxRetries: 0,
      fetch: async () => json({ success: false, errors: [{ code: 10000, message: "Authentication error" }] }, 401),
    });
    const invalid = await client
      .getMeetingParticipant({ ...validParams(), meeting_id: "nope" })
      .catch((e: unknown) => e);
    expect(invalid instanceof checker.RealtimeKitValidationError).toBe(true);
    const answered = await client.getMeetingParticipant(validParams()).catch((e: unknown) => e);
    expect(answered instanceof checker.RealtimeKitApiError).toBe(true);
    expect(answered instanceof checker.RealtimeKitError).toBe(true);
  });
});

it("plain values and foreign errors are not RealtimeKitErrors", () => {
  for (const build of [esm, cjs]) {
    for (const value of [
      new Error("x"),
      new TypeError("x"),
      null,
      undefined,
      "RealtimeKitError",
      { name: "RealtimeKitApiError" },
      42,
    ]) {
      expect(value instanceof build.RealtimeKitError).toBe(false);
    }
  }
});

it("a caller's subclass keeps ordinary instanceof", () => {
  class NotFound extends esm.RealtimeKitApiError {}
  const own = new NotFound({
    status: 404,
    headers: new Headers(),
    errors: [],
    requestId: undefined,
    retryable: false,
    attempts: 1,
  });
  const plain = new esm.RealtimeKitApiError({
    status: 404,
    headers: new Headers(),
    errors: [],
    requestId: undefined,
    retryable: false,
    attempts: 1,
  });
  expect(own instanceof NotFound).toBe(true);
  expect(plain instanceof NotFound).toBe(false);
  expect(own instanceof cjs.RealtimeKitApiError).toBe(true);
  expect(own instanceof cjs.RealtimeKitError).toBe(true);
});

describe("the ./raw entry", () => {
  it("the package's name resolves to the files the tests load, for import and require alike", () => {
    // Self-reference: from inside the package, its own name resolves through its exports map.
    expect(fileURLToPath(import.meta.resolve("@realtimekit-api/client"))).toBe(ESM_BUILD);
    expect(fileURLToPath(import.meta.resolve("@realtimekit-api/client/raw"))).toBe(RAW_ESM_BUILD);
    const require = createRequire(import.meta.url);
    expect(require.resolve("@realtimekit-api/client")).toBe(CJS_BUILD);
    expect(require.resolve("@realtimekit-api/client/raw")).toBe(RAW_CJS_BUILD);
  });

  it("loads in both formats, as separate copies, exporting createRealtimeKitRawClient only", () => {
    expect(Object.keys(esmRaw)).toEqual(["createRealtimeKitRawClient"]);
    expect(Object.keys(cjsRaw)).toEqual(["createRealtimeKitRawClient"]);
    expect(esmRaw.createRealtimeKitRawClient).not.toBe(cjsRaw.createRealtimeKitRawClient);
  });

  it.each(["ESM", "CJS"] as const)(
    "the %s build makes authenticated requests through openapi-fetch",
    async (format) => {
      const build = format === "ESM" ? esmRaw : cjsRaw;
      const requests: Request[] = [];
      const raw = build.createRealtimeKitRawClient({
        apiToken: TOKEN,
        baseUrl: "http://127.0.0.1:9",
        fetch: async (request) => {
          requests.push(request);
          return json(successBody());
        },
      });
      const { data, response } = await raw.GET(PARTICIPANT_PATH, { params: { path: validParams() } });
      expect(response.status).toBe(200);
      expect(data).toEqual(successBody());
      expect(requests).toHaveLength(1);
      expect(requests[0]!.headers.get("authorization")).toBe(`Bearer ${TOKEN}`);
      expect(requests[0]!.redirect).toBe("manual");
    },
  );

  describe.each([
    ["ESM", "CJS"],
    ["CJS", "ESM"],
  ] as const)(
    "a RealtimeKitValidationError thrown by the %s raw build, checked against the %s build's classes",
    (from, _against) => {
      it("for a bad option", () => {
        const [maker, checker] = from === "ESM" ? [esmRaw, cjs] : [cjsRaw, esm];
        const error = (() => {
          try {
            maker.createRealtimeKitRawClient({ apiToken: TOKEN, baseUrl: "http://example.com" });
          } catch (e) {
            return e;
          }
        })();
        expect(error instanceof checker.RealtimeKitValidationError).toBe(true);
        expect(error instanceof checker.RealtimeKitError).toBe(true);
        expect(error instanceof checker.RealtimeKitApiError).toBe(false);
        expect(error).toMatchObject({ name: "RealtimeKitValidationError", field: "baseUrl", rule: "https" });
      });

      it("for a path parameter that would climb a segment", async () => {
        const [maker, checker] = from === "ESM" ? [esmRaw, cjs] : [cjsRaw, esm];
        let sent = 0;
        const raw = maker.createRealtimeKitRawClient({
          apiToken: TOKEN,
          baseUrl: "http://127.0.0.1:9",
          fetch: async () => {
            sent++;
            return json(successBody());
          },
        });
        const error = await raw
          .GET(PARTICIPANT_PATH, { params: { path: { ...validParams(), participant_id: ".." } } })
          .catch((e: unknown) => e);
        expect(error instanceof checker.RealtimeKitValidationError).toBe(true);
        expect(error).toMatchObject({ field: "participant_id", rule: "pathSegment" });
        expect(sent).toBe(0);
      });
    },
  );
});
