// What the client tells the outside, and where others can look in: log lines by level, the typed method's
// custom fetch, the raw client's openapi-fetch middleware, and the User-Agent.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import packageJson from "../package.json" with { type: "json" };
import {
  createRealtimeKit,
  createRealtimeKitClient,
  getMeetingParticipant,
  type Log,
  type Logger,
  type LogLevel,
  logTo,
} from "../src/index.ts";
import { createRealtimeKitRawClient } from "../src/raw.ts";
import { FAST_BACKOFF, PARTICIPANT_PATH, TOKEN, validParams } from "./helpers.ts";
import { type FaultServer, startFaultServer } from "./support/fault-server.ts";
import { successBody } from "./support/participant.ts";

let faults: FaultServer;
beforeAll(async () => {
  faults = await startFaultServer();
});
afterAll(() => faults.close());

function recordingLogger() {
  const lines: Array<{ level: string; message: string; details: Record<string, unknown> | undefined }> = [];
  const logger: Logger = Object.fromEntries(
    (["debug", "info", "warn", "error"] as const).map((level) => [
      level,
      (message: string, details?: Record<string, unknown>) => lines.push({ level, message, details }),
    ]),
  );
  return { logger, lines };
}

describe("logger", () => {
  const run = async (logLevel: LogLevel | undefined) => {
    const { logger, lines } = recordingLogger();
    const client = createRealtimeKitClient({
      apiToken: TOKEN,
      baseUrl: faults.baseUrl("rate-limited-then-ok"),
      backoff: FAST_BACKOFF,
      logger,
      ...(logLevel ? { logLevel } : {}),
    });
    await client.getMeetingParticipant(validParams());
    return lines.map((line) => `${line.level} ${line.message}`);
  };

  it("at debug: each request and response, and each retry", async () => {
    expect(await run("debug")).toEqual([
      "debug [realtimekit-api] request",
      "debug [realtimekit-api] response",
      "warn [realtimekit-api] retrying",
      "debug [realtimekit-api] request",
      "debug [realtimekit-api] response",
    ]);
  });

  it("by default (warn): only the retry", async () => {
    expect(await run(undefined)).toEqual(["warn [realtimekit-api] retrying"]);
  });

  it.each(["error", "off"] as const)("at %s: nothing for a call that recovered", async (level) => {
    expect(await run(level)).toEqual([]);
  });

  it("debug lines carry method, URL, redacted headers, status and request id", async () => {
    const { logger, lines } = recordingLogger();
    const headers = {
      cookie: "session=1",
      "x-api-key": "k-1",
      "cf-access-client-secret": "s-1",
      "x-session-token": "t-1",
      "x-auth-email": "a@b.c",
      "x-team": "media",
    };
    const client = createRealtimeKitClient({
      apiToken: TOKEN,
      baseUrl: faults.baseUrl("ok"),
      logger,
      logLevel: "debug",
      headers,
    });
    await client.getMeetingParticipant(validParams(), { headers: { "Proxy-Authorization": "Basic eA==" } });
    expect(lines[0]!.details).toEqual({
      method: "GET",
      url: `${faults.baseUrl("ok")}/accounts/023e105f4ecef8ad9ca31a8372d0c353/realtime/kit/my-app/meetings/550e8400-e29b-41d4-a716-446655440000/participants/participant-1`,
      headers: {
        authorization: "[redacted]",
        "proxy-authorization": "[redacted]",
        cookie: "[redacted]",
        "x-api-key": "[redacted]",
        "cf-access-client-secret": "[redacted]",
        "x-session-token": "[redacted]",
        "x-auth-email": "[redacted]",
        "x-team": "media",
        "user-agent": `@realtimekit-api/client/${packageJson.version}`,
      },
    });
    expect(lines[1]!.details).toEqual({ status: 200, requestId: null });
  });

  it("a logger that throws does not change the call's outcome", async () => {
    const logger = {
      debug: () => {
        throw new Error("log sink down");
      },
      warn: () => {
        throw new Error("log sink down");
      },
    };
    const client = createRealtimeKitClient({
      apiToken: TOKEN,
      baseUrl: faults.baseUrl("rate-limited-then-ok"),
      backoff: FAST_BACKOFF,
      logger,
      logLevel: "debug",
    });
    await expect(client.getMeetingParticipant(validParams())).resolves.toMatchObject({ id: expect.any(String) });
  });
});

describe("createRealtimeKit's log option", () => {
  it("logTo(logger, level) logs what the client's logger and logLevel do, through a per-operation function", async () => {
    const viaClient = recordingLogger();
    const viaKit = recordingLogger();
    const options = { apiToken: TOKEN, baseUrl: faults.baseUrl("rate-limited-then-ok"), backoff: FAST_BACKOFF };
    await createRealtimeKitClient({ ...options, logger: viaClient.logger, logLevel: "debug" }).getMeetingParticipant(
      validParams(),
    );
    await getMeetingParticipant(createRealtimeKit({ ...options, log: logTo(viaKit.logger, "debug") }), validParams());
    expect(viaKit.lines.map((line) => `${line.level} ${line.message}`)).toEqual([
      "debug [realtimekit-api] request",
      "debug [realtimekit-api] response",
      "warn [realtimekit-api] retrying",
      "debug [realtimekit-api] request",
      "debug [realtimekit-api] response",
    ]);
    // The same details, but the retry's delay, which has jitter.
    const withoutDelay = (lines: typeof viaKit.lines) =>
      lines.map((line) => ({ ...line, details: { ...line.details, delayMs: undefined } }));
    expect(withoutDelay(viaKit.lines)).toEqual(withoutDelay(viaClient.lines));
  });

  it("logTo drops lines below its level (default warn), and makes no log at all for off or no logger", async () => {
    const { logger, lines } = recordingLogger();
    const log = logTo(logger)!;
    log("debug", "request", {});
    log("info", "note", {});
    log("warn", "retrying", { attempt: 1 });
    log("error", "no details");
    expect(lines).toEqual([
      { level: "warn", message: "[realtimekit-api] retrying", details: { attempt: 1 } },
      { level: "error", message: "[realtimekit-api] no details", details: undefined },
    ]);
    expect(logTo(logger, "off")).toBeUndefined();
    expect(logTo(undefined, "debug")).toBeUndefined();
  });

  it("a log function of the caller's own gets every line unprefixed, and never the token", async () => {
    const lines: Array<Parameters<Log>> = [];
    const realtimeKit = createRealtimeKit({
      apiToken: TOKEN,
      baseUrl: faults.baseUrl("rate-limited-then-ok"),
      backoff: FAST_BACKOFF,
      headers: { "x-team": "media" },
      log: (...line) => lines.push(line),
    });
    await getMeetingParticipant(realtimeKit, validParams());
    expect(lines.map(([level, message]) => `${level} ${message}`)).toEqual([
      "debug request",
      "debug response",
      "warn retrying",
      "debug request",
      "debug response",
    ]);
    expect(lines[0]![2]).toMatchObject({
      method: "GET",
      headers: { authorization: "[redacted]", "x-team": "media", "user-agent": expect.any(String) },
    });
    expect(JSON.stringify(lines)).not.toContain(TOKEN);
  });
});

describe("raw client middleware (createRealtimeKitRawClient(...).use)", () => {
  it("sees each request as the client made it: authenticated, with the User-Agent, the path checked and encoded", async () => {
    const seen: Array<{ url: string; authorization: string | null; userAgent: string | null }> = [];
    const raw = createRealtimeKitRawClient({ apiToken: TOKEN, baseUrl: faults.baseUrl("ok") });
    raw.use({
      onRequest: ({ request }) => {
        seen.push({
          url: new URL(request.url).pathname,
          authorization: request.headers.get("authorization"),
          userAgent: request.headers.get("user-agent"),
        });
      },
    });
    await raw.GET(PARTICIPANT_PATH, { params: { path: { ...validParams(), participant_id: "a/b c" } } });
    // A value that is not one path segment is refused before any middleware sees a request.
    const refused = await raw
      .GET(PARTICIPANT_PATH, { params: { path: { ...validParams(), participant_id: ".." } } })
      .catch((e: unknown) => e);
    expect(refused).toMatchObject({ name: "RealtimeKitValidationError", field: "participant_id" });
    expect(seen).toEqual([
      {
        url: "/ok/accounts/023e105f4ecef8ad9ca31a8372d0c353/realtime/kit/my-app/meetings/550e8400-e29b-41d4-a716-446655440000/participants/a%2Fb%20c",
        authorization: `Bearer ${TOKEN}`,
        userAgent: `@realtimekit-api/client/${packageJson.version}`,
      },
    ]);
  });
});

describe("the typed method's interception point: a custom fetch", () => {
  it("sees and may change every attempt's request and response", async () => {
    const seen: string[] = [];
    const before = faults.requests.length;
    const client = createRealtimeKitClient({
      apiToken: TOKEN,
      baseUrl: faults.baseUrl("rate-limited-then-ok"),
      backoff: FAST_BACKOFF,
      fetch: async (url, init) => {
        seen.push(`request ${init.method} ${new URL(url).pathname.split("/")[1]}`);
        const headers = new Headers(init.headers);
        headers.set("x-trace-id", "trace-1");
        const response = await fetch(url, { ...init, headers });
        seen.push(`response ${response.status}`);
        return response;
      },
    });
    await expect(client.getMeetingParticipant(validParams())).resolves.toEqual(successBody().data);
    // The retry goes through the custom fetch too.
    expect(seen).toEqual([
      "request GET rate-limited-then-ok",
      "response 429",
      "request GET rate-limited-then-ok",
      "response 200",
    ]);
    expect(faults.requests.slice(before).map((r) => [r.headers["x-trace-id"], r.headers.authorization])).toEqual([
      ["trace-1", `Bearer ${TOKEN}`],
      ["trace-1", `Bearer ${TOKEN}`],
    ]);
  });

  it("can answer for the server, and the client still checks the answer", async () => {
    const before = faults.hits("ok");
    const html = createRealtimeKitClient({
      apiToken: TOKEN,
      baseUrl: faults.baseUrl("ok"),
      fetch: async () => new Response("<html>", { status: 200, headers: { "content-type": "text/html" } }),
    });
    await expect(html.getMeetingParticipant(validParams())).rejects.toMatchObject({
      name: "RealtimeKitResponseValidationError",
      issues: [{ pointer: "", message: 'content-type must be JSON, not "text/html"' }],
    });
    const offSchema = createRealtimeKitClient({
      apiToken: TOKEN,
      baseUrl: faults.baseUrl("ok"),
      validateResponses: true,
      fetch: async () => Response.json({ success: true, data: { ...successBody().data, id: "not-a-uuid" } }),
    });
    await expect(offSchema.getMeetingParticipant(validParams())).rejects.toMatchObject({
      name: "RealtimeKitResponseValidationError",
      issues: [{ pointer: "/data/id", rule: "format" }],
    });
    const cached = createRealtimeKitClient({
      apiToken: TOKEN,
      baseUrl: faults.baseUrl("ok"),
      fetch: async () => Response.json(successBody({ name: "cached" })),
    });
    await expect(cached.getMeetingParticipant(validParams())).resolves.toMatchObject({ name: "cached" });
    expect(faults.hits("ok") - before).toBe(0);
  });
});

describe("User-Agent and headers", () => {
  it("names the package and its version", async () => {
    const before = faults.requests.length;
    await createRealtimeKitClient({ apiToken: TOKEN, baseUrl: faults.baseUrl("ok") }).getMeetingParticipant(
      validParams(),
    );
    expect(faults.requests[before]!.headers["user-agent"]).toBe(`@realtimekit-api/client/${packageJson.version}`);
  });

  it("sends the client's and the call's extra headers, but never lets them replace the credential", async () => {
    const before = faults.requests.length;
    const client = createRealtimeKitClient({
      apiToken: TOKEN,
      baseUrl: faults.baseUrl("ok"),
      headers: { "x-team": "media", Authorization: "Bearer other" },
    });
    await client.getMeetingParticipant(validParams(), { headers: { "x-request": "42", AUTHORIZATION: "Bearer call" } });
    expect(faults.requests[before]!.headers).toMatchObject({
      "x-team": "media",
      "x-request": "42",
      authorization: `Bearer ${TOKEN}`,
    });
  });
});
