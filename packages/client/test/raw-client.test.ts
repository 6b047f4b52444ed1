// The `./raw` entry on its own: openapi-fetch's client, authenticated and with the typed client's protections
// (option checks, one path segment per parameter, no redirect followed, redacted debug logs), against a local
// server on 127.0.0.1.
import { inspect } from "node:util";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import packageJson from "../package.json" with { type: "json" };
import { RealtimeKitValidationError } from "../src/index.ts";
import { createRealtimeKitRawClient, type RealtimeKitRawClientOptions } from "../src/raw.ts";
import { json, PARTICIPANT_PATH, TOKEN, validParams } from "./helpers.ts";
import { startServer, type TestServer } from "./support/http-server.ts";
import { successBody, successJson } from "./support/participant.ts";

let server: TestServer;
let redirectTarget: TestServer;
beforeAll(async () => {
  redirectTarget = await startServer((_, response) => response.end("{}"));
  // /redirect/… answers 307 to the other server, anything else the participant.
  server = await startServer((request, response) => {
    if (request.url!.startsWith("/redirect/")) {
      response.writeHead(307, { location: `${redirectTarget.origin}${request.url}` }).end();
    } else {
      response.writeHead(200, { "content-type": "application/json", "cf-ray": "8c1f-AMS" }).end(successJson());
    }
  });
});
afterAll(() => Promise.all([server.close(), redirectTarget.close()]));
afterEach(() => vi.unstubAllEnvs());

const raw = (options: RealtimeKitRawClientOptions = {}) =>
  createRealtimeKitRawClient({ apiToken: TOKEN, baseUrl: server.origin, ...options });
const get = (client: ReturnType<typeof raw>, params: Record<string, unknown> = validParams()) =>
  client.GET(PARTICIPANT_PATH, { params: { path: params as ReturnType<typeof validParams> } });

/** What a synchronous factory threw. */
const thrownBy = (make: () => unknown) => {
  try {
    make();
  } catch (error) {
    return error;
  }
  throw new Error("nothing was thrown");
};

describe("requests", () => {
  it("carry the token and the package's User-Agent, and answer openapi-fetch's { data, response }", async () => {
    const before = server.requests.length;
    const { data, error, response } = await get(raw());
    expect(response.status).toBe(200);
    expect(error).toBeUndefined();
    expect(data).toEqual(successBody());
    const [seen] = server.requests.slice(before);
    expect(seen).toMatchObject({
      method: "GET",
      url: "/accounts/023e105f4ecef8ad9ca31a8372d0c353/realtime/kit/my-app/meetings/550e8400-e29b-41d4-a716-446655440000/participants/participant-1",
    });
    expect(seen!.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(seen!.headers["user-agent"]).toBe(`@realtimekit-api/client/${packageJson.version}`);
  });

  it("carry the client's extra headers, none of which can replace the credential", async () => {
    const before = server.requests.length;
    await get(raw({ headers: { "x-team": "media", Authorization: "Bearer other", authorization: "Bearer other" } }));
    expect(server.requests[before]!.headers).toMatchObject({ "x-team": "media", authorization: `Bearer ${TOKEN}` });
  });

  it("the token defaults to CLOUDFLARE_API_TOKEN, trimmed", async () => {
    vi.stubEnv("CLOUDFLARE_API_TOKEN", " from-env-token\n");
    const before = server.requests.length;
    await get(createRealtimeKitRawClient({ baseUrl: server.origin }));
    expect(server.requests[before]!.headers.authorization).toBe("Bearer from-env-token");
  });

  it("the default server is the spec's, and a base URL's path keeps exactly one slash before the operation's", async () => {
    const urls: string[] = [];
    const fetch = async (request: Request) => {
      urls.push(request.url);
      return json(successBody());
    };
    await get(createRealtimeKitRawClient({ apiToken: TOKEN, fetch }));
    await get(createRealtimeKitRawClient({ apiToken: TOKEN, baseUrl: "http://127.0.0.1:9/proxy/v4/", fetch }));
    expect(urls[0]).toMatch(/^https:\/\/api\.cloudflare\.com\/client\/v4\/accounts\/023e/);
    expect(urls[1]).toMatch(/^http:\/\/127\.0\.0\.1:9\/proxy\/v4\/accounts\/023e/);
  });

  it("a redirect is handed back, not followed: the other server sees nothing", async () => {
    const before = server.requests.length;
    const { response } = await get(
      createRealtimeKitRawClient({ apiToken: TOKEN, baseUrl: `${server.origin}/redirect` }),
    );
    expect(response.status).toBe(307);
    expect(response.headers.get("location")).toMatch(new RegExp(`^${redirectTarget.origin}/redirect/accounts/`));
    expect(server.requests.length - before).toBe(1);
    expect(redirectTarget.requests).toEqual([]);
  });
});

describe("bad options are refused with RealtimeKitValidationError naming the field", () => {
  it.each<[string, RealtimeKitRawClientOptions, string, string]>([
    ["a malformed token", { apiToken: `${TOKEN}\nX-Injected: 1` }, "apiToken", "format"],
    ["a base URL that is not http(s)", { apiToken: TOKEN, baseUrl: "ftp://example.com" }, "baseUrl", "url"],
    [
      "a base URL with credentials",
      { apiToken: TOKEN, baseUrl: "https://user:pass@api.cloudflare.com" },
      "baseUrl",
      "url",
    ],
    [
      "plain http to a remote host",
      { apiToken: TOKEN, baseUrl: "http://api.cloudflare.com/client/v4" },
      "baseUrl",
      "https",
    ],
  ])("%s", (_, options, field, rule) => {
    const error = thrownBy(() => createRealtimeKitRawClient(options));
    expect(error).toBeInstanceOf(RealtimeKitValidationError);
    expect(error).toMatchObject({ field, rule });
    expect(inspect(error, { depth: Infinity })).not.toContain(TOKEN);
  });

  it("no token at all", () => {
    vi.stubEnv("CLOUDFLARE_API_TOKEN", "");
    const error = thrownBy(() => createRealtimeKitRawClient());
    expect(error).toBeInstanceOf(RealtimeKitValidationError);
    expect(error).toMatchObject({ field: "apiToken", rule: "required" });
  });
});

describe("path parameters that are not one non-empty segment are refused before sending", () => {
  it.each<[string, unknown, string, string]>([
    [
      "..",
      "..",
      "pathSegment",
      'Invalid participant_id: must be one non-empty path segment, not ".." (rule: pathSegment)',
    ],
    [
      ".",
      ".",
      "pathSegment",
      'Invalid participant_id: must be one non-empty path segment, not "." (rule: pathSegment)',
    ],
    [
      "empty",
      "",
      "pathSegment",
      'Invalid participant_id: must be one non-empty path segment, not "" (rule: pathSegment)',
    ],
    ["missing", undefined, "required", "Invalid participant_id: is required (rule: required)"],
    ["a number", 42, "type", "Invalid participant_id: must be a string (rule: type)"],
    [
      "a lone surrogate",
      "a\uD800",
      "pathSegment",
      "Invalid participant_id: must not hold a lone surrogate (rule: pathSegment)",
    ],
  ])("%s", async (_, value, rule, message) => {
    const before = server.requests.length;
    const error = await get(raw(), { ...validParams(), participant_id: value }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RealtimeKitValidationError);
    expect(error).toMatchObject({ field: "participant_id", rule, message });
    expect(server.requests.length - before).toBe(0);
  });

  it.each([
    ["no params at all", undefined],
    ["params without path", {}],
  ])("%s: refused, naming the first parameter, rather than sending the placeholders", async (_, params) => {
    const before = server.requests.length;
    const error = await (raw().GET as (path: string, init?: unknown) => Promise<unknown>)(
      PARTICIPANT_PATH,
      params === undefined ? undefined : { params },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RealtimeKitValidationError);
    expect(error).toMatchObject({ field: "account_id", rule: "required" });
    expect(server.requests.length - before).toBe(0);
  });

  it("reserved characters stay inside their segment", async () => {
    const before = server.requests.length;
    await get(raw(), { ...validParams(), participant_id: "../a/b?c#d%e f" });
    expect(server.requests[before]!.url.split("/").at(-1)).toBe("..%2Fa%2Fb%3Fc%23d%25e%20f");
  });
});

describe("debug logs", () => {
  const recordingLogger = () => {
    const lines: Array<[level: string, message: string, details: Record<string, unknown> | undefined]> = [];
    const log = (level: string) => (message: string, details?: Record<string, unknown>) =>
      lines.push([level, message, details]);
    return { lines, logger: { debug: log("debug"), info: log("info"), warn: log("warn"), error: log("error") } };
  };

  it("at debug: a line per request (credentials redacted) and per response", async () => {
    const { lines, logger } = recordingLogger();
    await get(raw({ logger, logLevel: "debug", headers: { "x-api-key": "k-1", "x-team": "media" } }));
    expect(lines).toEqual([
      [
        "debug",
        "[realtimekit-api] request",
        {
          method: "GET",
          url: `${server.origin}/accounts/023e105f4ecef8ad9ca31a8372d0c353/realtime/kit/my-app/meetings/550e8400-e29b-41d4-a716-446655440000/participants/participant-1`,
          headers: expect.objectContaining({
            authorization: "[redacted]",
            "x-api-key": "[redacted]",
            "x-team": "media",
            "user-agent": `@realtimekit-api/client/${packageJson.version}`,
          }),
        },
      ],
      ["debug", "[realtimekit-api] response", { status: 200, requestId: "8c1f-AMS" }],
    ]);
    expect(inspect(lines, { depth: Infinity })).not.toContain(TOKEN);
  });

  it.each([undefined, "info", "warn", "off"] as const)("at %s: nothing", async (logLevel) => {
    const { lines, logger } = recordingLogger();
    await get(raw({ logger, ...(logLevel ? { logLevel } : {}) }));
    expect(lines).toEqual([]);
  });
  it("at debug without a logger: requests go out as without logging", async () => {
    const { response } = await get(raw({ logLevel: "debug" }));
    expect(response.status).toBe(200);
  });
});
