// What the client tells the outside: log lines by level, openapi-fetch middleware, and its User-Agent.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import packageJson from "../package.json" with { type: "json" };
import { createRealtimeKitClient, type Logger, type LogLevel } from "../src/index.ts";
import { type FaultServer, startFaultServer } from "./support/fault-server.ts";
import { FAST_BACKOFF, PARTICIPANT_PATH, TOKEN, validParams } from "./helpers.ts";

let faults: FaultServer;
beforeAll(async () => {
  faults = await startFaultServer();
});
afterAll(() => faults.close());

function recordingLogger() {
  const lines: Array<{ level: string; message: string; details: Record<string, unknown> | undefined }> = [];
  const logger: Logger = Object.fromEntries(
    (["debug", "info", "warn", "error"] as const).map((level) => [level, (message: string, details?: Record<string, unknown>) => lines.push({ level, message, details })]),
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
    const client = createRealtimeKitClient({ apiToken: TOKEN, baseUrl: faults.baseUrl("ok"), logger, logLevel: "debug", headers: { cookie: "session=1" } });
    await client.getMeetingParticipant(validParams());
    expect(lines[0]!.details).toMatchObject({
      method: "GET",
      url: `${faults.baseUrl("ok")}/accounts/023e105f4ecef8ad9ca31a8372d0c353/realtime/kit/my-app/meetings/550e8400-e29b-41d4-a716-446655440000/participants/participant-1`,
      headers: { authorization: "[redacted]", cookie: "[redacted]", "user-agent": expect.any(String) },
    });
    expect(lines[1]!.details).toEqual({ status: 200, requestId: null });
  });

  it("a logger that throws does not change the call's outcome", async () => {
    const logger = { debug: () => { throw new Error("log sink down"); }, warn: () => { throw new Error("log sink down"); } };
    const client = createRealtimeKitClient({ apiToken: TOKEN, baseUrl: faults.baseUrl("rate-limited-then-ok"), backoff: FAST_BACKOFF, logger, logLevel: "debug" });
    await expect(client.getMeetingParticipant(validParams())).resolves.toMatchObject({ id: expect.any(String) });
  });
});

describe("middleware (client.use)", () => {
  it("sees and may change every request and response, the typed method's and raw's", async () => {
    const seen: string[] = [];
    const client = createRealtimeKitClient({ apiToken: TOKEN, baseUrl: faults.baseUrl("ok") });
    client.use({
      onRequest: ({ request }) => {
        seen.push(`request ${request.method}`);
        const traced = new Request(request);
        traced.headers.set("x-trace-id", "trace-1");
        return traced;
      },
      onResponse: ({ response }) => {
        seen.push(`response ${response.status}`);
      },
    });
    const before = faults.requests.length;
    await client.getMeetingParticipant(validParams());
    await client.raw.GET(PARTICIPANT_PATH, { params: { path: validParams() } });
    expect(seen).toEqual(["request GET", "response 200", "request GET", "response 200"]);
    expect(faults.requests.slice(before).map((r) => r.headers["x-trace-id"])).toEqual(["trace-1", "trace-1"]);
  });

  it("can answer for the server (a cache, a test double), and the client still checks the answer", async () => {
    const client = createRealtimeKitClient({ apiToken: TOKEN, baseUrl: faults.baseUrl("ok") });
    client.use({ onRequest: () => new Response("<html>", { status: 200, headers: { "content-type": "text/html" } }) });
    await expect(client.getMeetingParticipant(validParams())).rejects.toMatchObject({ name: "RealtimeKitResponseValidationError" });
  });
});

describe("User-Agent and headers", () => {
  it("names the package and its version", async () => {
    const before = faults.requests.length;
    await createRealtimeKitClient({ apiToken: TOKEN, baseUrl: faults.baseUrl("ok") }).getMeetingParticipant(validParams());
    expect(faults.requests[before]!.headers["user-agent"]).toBe(`@realtimekit-api/client/${packageJson.version}`);
  });

  it("sends the client's and the call's extra headers, but never lets them replace the credential", async () => {
    const before = faults.requests.length;
    const client = createRealtimeKitClient({ apiToken: TOKEN, baseUrl: faults.baseUrl("ok"), headers: { "x-team": "media", Authorization: "Bearer other" } });
    await client.getMeetingParticipant(validParams(), { headers: { "x-request": "42", AUTHORIZATION: "Bearer call" } });
    expect(faults.requests[before]!.headers).toMatchObject({ "x-team": "media", "x-request": "42", authorization: `Bearer ${TOKEN}` });
  });
});
