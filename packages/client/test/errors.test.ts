// The error classes on their own terms: names, instanceof, and what a connection error keeps of its cause.
import { describe, expect, it } from "vitest";
import {
  createRealtimeKitClient,
  RealtimeKitConnectionError,
  RealtimeKitError,
  RealtimeKitTimeoutError,
  RealtimeKitValidationError,
} from "../src/index.ts";
import { TOKEN, validParams } from "./helpers.ts";

/** What a call makes of a fetch that rejects with `cause`. */
const failureFrom = (cause: unknown) =>
  createRealtimeKitClient({
    apiToken: TOKEN,
    baseUrl: "http://127.0.0.1:9",
    maxRetries: 0,
    fetch: () => Promise.reject(cause),
  })
    .getMeetingParticipant(validParams())
    .catch((e) => e);

describe("the classes", () => {
  it("name is an own property, not enumerable, that a caller may still change", () => {
    const error = new RealtimeKitValidationError("meeting_id", "format", "bad");
    expect(Object.getOwnPropertyDescriptor(error, "name")).toEqual({
      value: "RealtimeKitValidationError",
      enumerable: false,
      writable: true,
      configurable: true,
    });
  });

  it.each([null, undefined, 0, "RealtimeKitError", {}])("instanceof is false for %j, never a throw", (value) => {
    expect(value instanceof RealtimeKitError).toBe(false);
    expect(value instanceof RealtimeKitValidationError).toBe(false);
  });

  it("instanceof holds across two copies of the classes (as the ESM and the CJS build are), by brand", async () => {
    // A second evaluation of the same source: classes equal in all but identity.
    const copy: typeof import("../src/errors.ts") = await import("../src/errors.ts?second-copy" as string);
    expect(copy.RealtimeKitValidationError).not.toBe(RealtimeKitValidationError);
    const fromCopy = new copy.RealtimeKitValidationError("meeting_id", "format", "bad");
    expect(fromCopy instanceof RealtimeKitValidationError).toBe(true);
    expect(fromCopy instanceof RealtimeKitError).toBe(true);
    expect(fromCopy instanceof RealtimeKitTimeoutError).toBe(false);
    expect(new RealtimeKitTimeoutError("attempt", 1, 1) instanceof copy.RealtimeKitError).toBe(true);
  });

  it("a caller's subclass keeps the brands of the package's classes, once each, and ordinary instanceof", () => {
    class MeetingIdError extends RealtimeKitValidationError {}
    const error = new MeetingIdError("meeting_id", "format", "bad");
    expect(error.name).toBe("RealtimeKitValidationError");
    expect((error as unknown as Record<symbol, unknown>)[Symbol.for("@realtimekit-api/client.error-kinds")]).toEqual([
      "RealtimeKitValidationError",
      "RealtimeKitError",
    ]);
    expect(error instanceof MeetingIdError).toBe(true);
    expect(error instanceof RealtimeKitValidationError).toBe(true);
    expect(new RealtimeKitValidationError("meeting_id", "format", "bad") instanceof MeetingIdError).toBe(false);
  });

  it.each([
    ["attempt", 100, 2, "Request attempt timed out after 100 ms (attempts: 2)"],
    ["deadline", 60, 1, "Call deadline timed out after 60 ms (attempts: 1)"],
  ] as const)("a timeout's message names its scope (%s)", (scope, timeoutMs, attempts, message) => {
    expect(new RealtimeKitTimeoutError(scope, timeoutMs, attempts).message).toBe(message);
  });
});

describe("a connection error's cause", () => {
  it.each([null, undefined])("a fetch that rejects with %j still gives a connection error", async (cause) => {
    const error = await failureFrom(cause);
    expect(error).toBeInstanceOf(RealtimeKitConnectionError);
    expect(error.message).toBe(`Connection failed: ${cause} (attempts: 1)`);
  });

  it("a cause that is a string quoting the token is replaced by a redacted Error", async () => {
    const error = await failureFrom(`proxy said no to Bearer ${TOKEN}`);
    expect(error.message).toBe("Connection failed: proxy said no to Bearer [redacted] (attempts: 1)");
    expect(error.cause).toBeInstanceOf(Error);
    expect(error.cause.message).toBe("proxy said no to Bearer [redacted]");
  });

  it("a redacted cause keeps the original's code", async () => {
    const error = await failureFrom(Object.assign(new Error(`refused ${TOKEN}`), { code: "EPROXY" }));
    expect(error.cause).toMatchObject({ message: "refused [redacted]", code: "EPROXY" });
  });

  it("a cause without the token is kept as it came", async () => {
    const cause = new TypeError("fetch failed", { cause: Object.assign(new Error("x"), { code: "ECONNRESET" }) });
    const error = await failureFrom(cause);
    expect(error.cause).toBe(cause);
    expect(error.message).toBe("Connection failed: ECONNRESET (attempts: 1)");
  });

  it("a cause chain that loops back on itself is searched a bounded depth, not forever", async () => {
    const cause: Error & { cause?: unknown } = new Error("loop");
    cause.cause = cause;
    const error = await failureFrom(cause);
    expect(error.cause).toBe(cause);
  });

  it.each([
    [7, "redacted"],
    [8, "kept"],
  ])("a token %i causes deep is looked for within the first eight (%s)", async (depth, outcome) => {
    let cause: Error & { cause?: unknown } = new Error(`holds ${TOKEN}`);
    for (let i = 0; i < depth; i++) cause = new Error(`level ${depth - i - 1}`, { cause });
    const error = await failureFrom(cause);
    expect(error.cause === cause ? "kept" : "redacted").toBe(outcome);
  });
});
