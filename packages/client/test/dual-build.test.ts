// One process that loads both builds (an ESM app with a CJS dependency that also uses the client) has two
// copies of every error class; `instanceof` must still hold across them.
import { beforeAll, describe, expect, it } from "vitest";
import { loadCjsBuild, loadEsmBuild } from "./support/built-client.ts";
import { json, TOKEN, validParams } from "./helpers.ts";

let esm: Awaited<ReturnType<typeof loadEsmBuild>>;
let cjs: ReturnType<typeof loadCjsBuild>;
beforeAll(async () => {
  esm = await loadEsmBuild();
  cjs = loadCjsBuild();
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
  RealtimeKitApiError: new build.RealtimeKitApiError({ status: 503, headers: new Headers(), errors: [], requestId: undefined, retryable: true, attempts: 3 }),
  RealtimeKitTimeoutError: new build.RealtimeKitTimeoutError("attempt", 100, 1),
  RealtimeKitConnectionError: new build.RealtimeKitConnectionError(new TypeError("fetch failed"), 1),
  RealtimeKitResponseValidationError: new build.RealtimeKitResponseValidationError(200, [{ pointer: "", message: "body is empty" }], undefined),
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
    const invalid = await client.getMeetingParticipant({ ...validParams(), meeting_id: "nope" }).catch((e: unknown) => e);
    expect(invalid instanceof checker.RealtimeKitValidationError).toBe(true);
    const answered = await client.getMeetingParticipant(validParams()).catch((e: unknown) => e);
    expect(answered instanceof checker.RealtimeKitApiError).toBe(true);
    expect(answered instanceof checker.RealtimeKitError).toBe(true);
  });
});

it("plain values and foreign errors are not RealtimeKitErrors", () => {
  for (const build of [esm, cjs]) {
    for (const value of [new Error("x"), new TypeError("x"), null, undefined, "RealtimeKitError", { name: "RealtimeKitApiError" }, 42]) {
      expect(value instanceof build.RealtimeKitError).toBe(false);
    }
  }
});

it("a caller's subclass keeps ordinary instanceof", () => {
  class NotFound extends esm.RealtimeKitApiError {}
  const own = new NotFound({ status: 404, headers: new Headers(), errors: [], requestId: undefined, retryable: false, attempts: 1 });
  const plain = new esm.RealtimeKitApiError({ status: 404, headers: new Headers(), errors: [], requestId: undefined, retryable: false, attempts: 1 });
  expect(own instanceof NotFound).toBe(true);
  expect(plain instanceof NotFound).toBe(false);
  expect(own instanceof cjs.RealtimeKitApiError).toBe(true);
  expect(own instanceof cjs.RealtimeKitError).toBe(true);
});
