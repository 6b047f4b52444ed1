// The client against a server that fails in every way the brief lists: each failure has one typed outcome,
// and the attempt count on the error matches the requests the server really received.

import { freePort } from "@realtimekit-api/test-servers/free-port";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createRealtimeKitClient,
  RealtimeKitApiError,
  type RealtimeKitClientOptions,
  RealtimeKitConnectionError,
  type RealtimeKitError,
  RealtimeKitResponseValidationError,
  RealtimeKitTimeoutError,
} from "../src/index.ts";
import { FAST_BACKOFF, TOKEN, validParams, watchUnhandledRejections } from "./helpers.ts";
import { type Fault, type FaultServer, startFaultServer } from "./support/fault-server.ts";
import { startServer, type TestServer } from "./support/http-server.ts";
import { successBody } from "./support/participant.ts";

const rejections = watchUnhandledRejections();
let faults: FaultServer;
let redirectTarget: TestServer;

beforeAll(async () => {
  redirectTarget = await startServer((_, response) => response.end("{}"));
  faults = await startFaultServer({ redirectTo: redirectTarget.origin });
});

afterAll(async () => {
  await Promise.all([faults.close(), redirectTarget.close()]);
  rejections.stop();
  expect(rejections.seen).toEqual([]);
});

/** Calls the client against `fault`; returns what the call settled with and how many requests the server got. */
async function callAgainst(fault: Fault, options: RealtimeKitClientOptions = {}) {
  const before = faults.hits(fault);
  const client = createRealtimeKitClient({
    apiToken: TOKEN,
    baseUrl: faults.baseUrl(fault),
    backoff: FAST_BACKOFF,
    timeoutMs: 5_000,
    maxResponseBytes: 64 * 1024,
    ...options,
  });
  const outcome = await client.getMeetingParticipant(validParams()).then(
    (value) => ({ value, error: undefined }),
    (error: RealtimeKitError) => ({ value: undefined, error }),
  );
  return { ...outcome, requests: faults.hits(fault) - before };
}

describe("answers that succeed, possibly after retries", () => {
  it.each([
    ["ok", 1],
    ["rate-limited-then-ok", 2],
    ["status-503-then-ok", 3],
  ] as const)("%s resolves to the participant after %i request(s)", async (fault, requests) => {
    const outcome = await callAgainst(fault);
    expect(outcome.error).toBeUndefined();
    expect(outcome.value).toEqual(successBody().data);
    expect(outcome.requests).toBe(requests);
  });
});

describe("failures that are retried (maxRetries 2: three requests)", () => {
  it.each([408, 409, 429, 500, 502, 503, 504].map((status) => [status] as const))(
    "status %i → RealtimeKitApiError",
    async (status) => {
      const fault = (status === 429 ? "rate-limited" : `status-${status}`) as Fault;
      const { error, requests } = await callAgainst(fault);
      expect(error).toBeInstanceOf(RealtimeKitApiError);
      expect(error).toMatchObject({ status, retryable: true, attempts: 3 });
      expect((error as RealtimeKitApiError).errors[0]?.code).toBe(status);
      expect(requests).toBe(3);
    },
  );

  it("a reset in the middle of the body → RealtimeKitConnectionError", async () => {
    const { error, requests } = await callAgainst("reset-mid-body");
    expect(error).toBeInstanceOf(RealtimeKitConnectionError);
    expect(error).toMatchObject({ attempts: 3, retryable: true });
    expect(requests).toBe(3);
  });

  it("headers that never come → RealtimeKitTimeoutError per attempt", async () => {
    const { error, requests } = await callAgainst("headers-never-sent", { timeoutMs: 150 });
    expect(error).toBeInstanceOf(RealtimeKitTimeoutError);
    expect(error).toMatchObject({ scope: "attempt", timeoutMs: 150, attempts: 3 });
    expect(requests).toBe(3);
  });

  it("a body that trickles in → RealtimeKitTimeoutError (the attempt timeout covers the body)", async () => {
    const { error, requests } = await callAgainst("slow-body", { timeoutMs: 200, maxRetries: 1 });
    expect(error).toBeInstanceOf(RealtimeKitTimeoutError);
    expect(error).toMatchObject({ scope: "attempt", attempts: 2 });
    expect(requests).toBe(2);
  });

  it("an HTML error page from a proxy → RealtimeKitApiError with the status and a short excerpt", async () => {
    const { error, requests } = await callAgainst("html-error-page");
    expect(error).toBeInstanceOf(RealtimeKitApiError);
    const apiError = error as RealtimeKitApiError;
    expect(apiError).toMatchObject({ status: 502, errors: [], attempts: 3 });
    expect(apiError.bodyExcerpt).toMatch(/^<!DOCTYPE html> <html> <head><title>502 Bad Gateway<\/title>/);
    expect(apiError.bodyExcerpt!.length).toBeLessThanOrEqual(200);
    expect(apiError.message).toContain("502 Bad Gateway");
    expect(requests).toBe(3);
  });

  it("a huge error page is read only up to maxResponseBytes", async () => {
    const sentBefore = faults.sentWhole("huge-error-body");
    const { error, requests } = await callAgainst("huge-error-body", { maxRetries: 0 });
    expect(error).toBeInstanceOf(RealtimeKitApiError);
    expect(error).toMatchObject({ status: 500, attempts: 1 });
    expect((error as RealtimeKitApiError).bodyExcerpt).toMatch(/^<html><body>Internal error/);
    expect(requests).toBe(1);
    expect(faults.sentWhole("huge-error-body") - sentBefore).toBe(0);
  });

  it("connection refused → RealtimeKitConnectionError, each attempt a new connection try", async () => {
    const port = await freePort(); // nothing listens there
    let tries = 0;
    const client = createRealtimeKitClient({
      apiToken: TOKEN,
      baseUrl: `http://127.0.0.1:${port}`,
      backoff: FAST_BACKOFF,
      fetch: (url, init) => {
        tries++;
        return fetch(url, init);
      },
    });
    const error = await client.getMeetingParticipant(validParams()).catch((e) => e);
    expect(error).toBeInstanceOf(RealtimeKitConnectionError);
    expect(error).toMatchObject({ attempts: 3, message: expect.stringContaining("ECONNREFUSED") });
    expect(error.cause).toBeInstanceOf(TypeError);
    expect(tries).toBe(3);
  });
});

describe("failures that are not retried", () => {
  it.each([400, 401, 403, 404, 422].map((status) => [status] as const))(
    "status %i → RealtimeKitApiError after one request",
    async (status) => {
      const { error, requests } = await callAgainst(`status-${status}` as Fault);
      expect(error).toBeInstanceOf(RealtimeKitApiError);
      expect(error).toMatchObject({ status, retryable: false, attempts: 1, code: status });
      expect(requests).toBe(1);
    },
  );

  it.each([
    ["invalid-json", "body is not valid JSON"],
    ["truncated-json", "body is not valid JSON"],
    ["empty-200", "body is empty"],
    ["empty-200-chunked", "body is empty"],
    ["wrong-content-type", 'content-type must be JSON, not "text/html; charset=utf-8"'],
    ["huge-body", "body is larger than the 65536-byte limit"],
    ["huge-declared-body", "body is larger than the 65536-byte limit"],
  ] as const)("a 200 with %s → RealtimeKitResponseValidationError", async (fault, message) => {
    const { error, requests } = await callAgainst(fault);
    expect(error).toBeInstanceOf(RealtimeKitResponseValidationError);
    expect(error).toMatchObject({
      status: 200,
      attempts: 1,
      issues: [{ pointer: "", message: expect.stringContaining(message) }],
    });
    expect(requests).toBe(1);
  });

  it("a huge 200 body is read only up to maxResponseBytes: the server never gets to send it whole", async () => {
    // huge-body is the one success fault whose handler counts whole sends (see support/fault-server.ts).
    const before = faults.sentWhole("huge-body");
    const { error } = await callAgainst("huge-body");
    expect(error).toBeInstanceOf(RealtimeKitResponseValidationError);
    expect(faults.sentWhole("huge-body") - before).toBe(0);
  });

  it("a deadline shorter than the attempt timeout ends the call with scope 'deadline'", async () => {
    const { error, requests } = await callAgainst("slow-body", { timeoutMs: 10_000, deadlineMs: 300 });
    expect(error).toBeInstanceOf(RealtimeKitTimeoutError);
    expect(error).toMatchObject({ scope: "deadline", timeoutMs: 300, attempts: 1 });
    expect(requests).toBe(1);
  });

  it("a cross-origin redirect is not followed: the other origin never sees a request, let alone the token", async () => {
    const { error, requests } = await callAgainst("cross-origin-redirect");
    expect(error).toBeInstanceOf(RealtimeKitApiError);
    expect(error).toMatchObject({ status: 302, retryable: false, attempts: 1 });
    expect(error!.message).toBe("RealtimeKit API answered 302: a redirect (never followed) (attempts: 1)");
    expect(requests).toBe(1);
    expect(redirectTarget.requests).toEqual([]);
  });
});
