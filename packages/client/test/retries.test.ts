// Which failures are retried, how long the client waits in between, and how retries are counted.
import { afterEach, describe, expect, it, vi } from "vitest";
import { createRealtimeKitClient, type FetchFunction, type RealtimeKitClientOptions } from "../src/index.ts";
import { DEFAULT_BACKOFF, isRetryableResponse, MAX_RETRY_AFTER_MS, retryDelayMs } from "../src/retry-policy.ts";
import { FAST_BACKOFF, json, recordingFetch, TOKEN, validParams } from "./helpers.ts";
import { successBody } from "./support/participant.ts";

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

const headers = (entries: Record<string, string>) => new Headers(entries);

describe("isRetryableResponse", () => {
  it.each([408, 409, 429, 500, 502, 503, 504, 599])("retries %i", (status) => {
    expect(isRetryableResponse(status)).toBe(true);
  });
  it.each([400, 401, 403, 404, 405, 410, 413, 422])("never retries %i", (status) => {
    expect(isRetryableResponse(status)).toBe(false);
  });
});

describe("retryDelayMs", () => {
  it("honours retry-after-ms", () => {
    expect(retryDelayMs(1, headers({ "retry-after-ms": "250" }), DEFAULT_BACKOFF)).toBe(250);
  });
  it("honours Retry-After in seconds", () => {
    expect(retryDelayMs(1, headers({ "retry-after": "3" }), DEFAULT_BACKOFF)).toBe(3_000);
  });
  it("falls back to backoff for Retry-After as an HTTP date (Cloudflare sends seconds)", () => {
    const delay = retryDelayMs(1, headers({ "retry-after": "Wed, 25 Nov 2026 10:00:12 GMT" }), DEFAULT_BACKOFF);
    expect(delay).toBeGreaterThanOrEqual(DEFAULT_BACKOFF.initialDelayMs * 0.75);
    expect(delay).toBeLessThanOrEqual(DEFAULT_BACKOFF.initialDelayMs);
  });
  it.each([
    ["0", 0],
    ["60", 60_000],
  ])("honours Retry-After %s, the ends of the range it accepts", (value, delay) => {
    vi.spyOn(Math, "random").mockReturnValue(0.5);
    expect(retryDelayMs(1, headers({ "retry-after": value }), DEFAULT_BACKOFF)).toBe(delay);
  });
  it("prefers retry-after-ms over Retry-After", () => {
    expect(retryDelayMs(1, headers({ "retry-after-ms": "40", "retry-after": "9" }), DEFAULT_BACKOFF)).toBe(40);
  });
  it.each([
    ["above the cap", { "retry-after": String(MAX_RETRY_AFTER_MS / 1000 + 1) }],
    ["negative", { "retry-after": "-5" }],
    ["unreadable", { "retry-after": "soon" }],
    ["empty", { "retry-after": "" }],
  ])("falls back to backoff when the server's wait is %s", (_, entries) => {
    vi.spyOn(Math, "random").mockReturnValue(0);
    expect(retryDelayMs(1, headers(entries), DEFAULT_BACKOFF)).toBe(DEFAULT_BACKOFF.initialDelayMs);
  });
  it("backs off exponentially up to maxDelayMs", () => {
    vi.spyOn(Math, "random").mockReturnValue(0);
    const delays = [1, 2, 3, 4, 5, 6, 7].map((retry) => retryDelayMs(retry, undefined, DEFAULT_BACKOFF));
    expect(delays).toEqual([500, 1_000, 2_000, 4_000, 8_000, 8_000, 8_000]);
  });
  it("jitters downwards by at most a quarter", () => {
    vi.spyOn(Math, "random").mockReturnValue(0.999999);
    const delay = retryDelayMs(3, undefined, DEFAULT_BACKOFF);
    expect(delay).toBeLessThan(2_000);
    expect(delay).toBeGreaterThan(1_500);
  });
});

describe("the client's retries", () => {
  const failingTwice = (status: number, extraHeaders: Record<string, string> = {}) =>
    recordingFetch((request) => {
      const attempt = calls.get(request.url) ?? 0;
      calls.set(request.url, attempt + 1);
      return attempt < 2
        ? json({ success: false, errors: [{ code: status, message: "try later" }] }, status, extraHeaders)
        : json(successBody());
    });
  const calls = new Map<string, number>();
  afterEach(() => calls.clear());

  const client = (fetch: FetchFunction, options: RealtimeKitClientOptions = {}) =>
    createRealtimeKitClient({
      apiToken: TOKEN,
      baseUrl: "http://127.0.0.1:9",
      backoff: FAST_BACKOFF,
      fetch,
      ...options,
    });

  it("default maxRetries is 2: three requests in all", async () => {
    const { fetch, requests } = recordingFetch(() => json({ success: false, errors: [] }, 503));
    await expect(client(fetch).getMeetingParticipant(validParams())).rejects.toMatchObject({
      status: 503,
      attempts: 3,
    });
    expect(requests).toHaveLength(3);
  });

  it("maxRetries per client, overridden per call", async () => {
    const { fetch, requests } = recordingFetch(() => json({ success: false, errors: [] }, 500));
    const noRetries = client(fetch, { maxRetries: 0 });
    await expect(noRetries.getMeetingParticipant(validParams())).rejects.toMatchObject({ attempts: 1 });
    expect(requests).toHaveLength(1);
    await expect(noRetries.getMeetingParticipant(validParams(), { maxRetries: 4 })).rejects.toMatchObject({
      attempts: 5,
    });
    expect(requests).toHaveLength(6);
  });

  it("recovers when a retry succeeds", async () => {
    const { fetch, requests } = failingTwice(429);
    await expect(client(fetch).getMeetingParticipant(validParams())).resolves.toEqual(successBody().data);
    expect(requests).toHaveLength(3);
  });

  it("waits what the server asks for (retry-after-ms), not its own backoff", async () => {
    const warnings: Array<Record<string, unknown> | undefined> = [];
    const { fetch } = failingTwice(429, { "retry-after-ms": "30" });
    const logger = { warn: (_: string, details?: Record<string, unknown>) => warnings.push(details) };
    await client(fetch, { logger, backoff: { initialDelayMs: 10_000 } }).getMeetingParticipant(validParams());
    expect(warnings).toEqual([
      { attempt: 1, delayMs: 30, reason: expect.stringContaining("429") },
      { attempt: 2, delayMs: 30, reason: expect.stringContaining("429") },
    ]);
  });

  it("uses its exponential backoff with jitter when the server gives no wait", async () => {
    const delays: number[] = [];
    const { fetch } = failingTwice(503);
    const logger = { warn: (_: string, details?: Record<string, unknown>) => delays.push(details!.delayMs as number) };
    await client(fetch, { logger, backoff: { initialDelayMs: 20, maxDelayMs: 1_000 } }).getMeetingParticipant(
      validParams(),
    );
    expect(delays).toHaveLength(2);
    expect(delays[0]).toBeGreaterThanOrEqual(15);
    expect(delays[0]).toBeLessThanOrEqual(20);
    expect(delays[1]).toBeGreaterThanOrEqual(30);
    expect(delays[1]).toBeLessThanOrEqual(40);
  });

  it("decides by status alone: an x-should-retry header changes nothing", async () => {
    const { fetch, requests } = recordingFetch(() =>
      json({ success: false, errors: [] }, 503, { "x-should-retry": "false" }),
    );
    await expect(client(fetch, { maxRetries: 1 }).getMeetingParticipant(validParams())).rejects.toMatchObject({
      retryable: true,
      attempts: 2,
    });
    expect(requests).toHaveLength(2);
  });

  it("retries connection errors from fetch", async () => {
    const { fetch, requests } = recordingFetch(() => {
      throw new TypeError("fetch failed", {
        cause: Object.assign(new Error("socket hang up"), { code: "ECONNRESET" }),
      });
    });
    await expect(client(fetch).getMeetingParticipant(validParams())).rejects.toMatchObject({
      name: "RealtimeKitConnectionError",
      attempts: 3,
      message: expect.stringContaining("ECONNRESET"),
    });
    expect(requests).toHaveLength(3);
  });

  it("never retries a request it refused to send", async () => {
    const { fetch, requests } = recordingFetch(() => json(successBody()));
    await expect(client(fetch).getMeetingParticipant({ ...validParams(), participant_id: ".." })).rejects.toMatchObject(
      {
        name: "RealtimeKitValidationError",
        field: "participant_id",
        rule: "pathSegment",
      },
    );
    expect(requests).toHaveLength(0);
  });
});
