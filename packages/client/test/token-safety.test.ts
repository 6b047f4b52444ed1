// The API token goes to the API's origin in the Authorization header and nowhere else: not into errors, logs or
// stacks, not over plain http to a remote host, and not to another origin through a redirect.
import { inspect } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRealtimeKitClient, RealtimeKitError, RealtimeKitValidationError } from "../src/index.ts";
import { createRealtimeKitRawClient } from "../src/raw.ts";
import {
  FAST_BACKOFF,
  PARTICIPANT_PATH,
  recordingFetch,
  TOKEN,
  validParams,
  watchUnhandledRejections,
} from "./helpers.ts";
import { type Fault, type FaultServer, startFaultServer } from "./support/fault-server.ts";
import { startServer, type TestServer } from "./support/http-server.ts";

const rejections = watchUnhandledRejections();
let faults: FaultServer;
let otherOrigin: TestServer;
beforeAll(async () => {
  otherOrigin = await startServer((_, response) => response.end("{}"));
  faults = await startFaultServer({ redirectTo: otherOrigin.origin });
});
afterAll(async () => {
  await Promise.all([faults.close(), otherOrigin.close()]);
  rejections.stop();
  expect(rejections.seen).toEqual([]);
});

/** Every way an error gets printed: message, stack, JSON and inspect (deep, with the cause chain). */
const renderings = (error: Error) => [
  error.message,
  String(error.stack),
  JSON.stringify(error),
  inspect(error, { depth: Infinity }),
];

/** A logger at every level that keeps each line as `inspect` prints it, deeply. */
function recordingLogger() {
  const lines: string[] = [];
  const logger = Object.fromEntries(
    (["debug", "info", "warn", "error"] as const).map((level) => [
      level,
      (...args: unknown[]) => lines.push(`${level} ${inspect(args, { depth: Infinity })}`),
    ]),
  );
  return { lines, logger };
}

describe("errors and logs never contain the token", () => {
  it.each<[Fault, string, Record<string, unknown>?]>([
    ["echoes-token", "RealtimeKitApiError"],
    ["html-error-page", "RealtimeKitApiError"],
    ["status-503", "RealtimeKitApiError"],
    ["reset-mid-body", "RealtimeKitConnectionError"],
    ["headers-never-sent", "RealtimeKitTimeoutError", { timeoutMs: 50 }],
    ["invalid-json", "RealtimeKitResponseValidationError"],
    ["cross-origin-redirect", "RealtimeKitApiError"],
  ])("%s → %s", async (fault, name, options = {}) => {
    const { lines, logger } = recordingLogger();
    const client = createRealtimeKitClient({
      apiToken: TOKEN,
      baseUrl: faults.baseUrl(fault),
      backoff: FAST_BACKOFF,
      logger,
      logLevel: "debug",
      ...options,
    });
    const error = await client.getMeetingParticipant(validParams()).catch((e) => e);
    expect(error.name).toBe(name);
    for (const text of renderings(error)) expect(text).not.toContain(TOKEN);
    // This call's own lines: at least its request and what became of it.
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(line).not.toContain(TOKEN);
  });

  it("the server's echo of the token is redacted, not dropped", async () => {
    const client = createRealtimeKitClient({ apiToken: TOKEN, baseUrl: faults.baseUrl("echoes-token") });
    const error = await client.getMeetingParticipant(validParams()).catch((e) => e);
    expect(error.errors.map((e: { message: string }) => e.message)).toEqual([
      'Authentication error for header "Bearer [redacted]"',
    ]);
    expect(error.headers.get("x-echo")).toBe("Bearer [redacted]");
  });

  it("debug logs show request headers with credentials redacted", async () => {
    const { lines, logger } = recordingLogger();
    await createRealtimeKitClient({
      apiToken: TOKEN,
      baseUrl: faults.baseUrl("ok"),
      logger,
      logLevel: "debug",
    }).getMeetingParticipant(validParams());
    const requestLine = lines.find((line) => line.startsWith("debug") && line.includes("request"));
    expect(requestLine).toContain("authorization: '[redacted]'");
    expect(requestLine).toContain("user-agent");
    for (const line of lines) expect(line).not.toContain(TOKEN);
  });

  it("a connection error caused by a custom fetch that quotes the token is redacted", async () => {
    const client = createRealtimeKitClient({
      apiToken: TOKEN,
      baseUrl: "http://127.0.0.1:9",
      maxRetries: 0,
      fetch: async (_url, init) => {
        throw new Error(`proxy refused ${new Headers(init.headers).get("authorization")}`);
      },
    });
    const error = await client.getMeetingParticipant(validParams()).catch((e) => e);
    expect(error.message).toBe("Connection failed: proxy refused Bearer [redacted] (attempts: 1)");
    // The cause too, so util.inspect(error) shows no token.
    for (const text of renderings(error)) expect(text).not.toContain(TOKEN);
    expect(String(error.cause.message)).toBe("proxy refused Bearer [redacted]");
  });

  it.each([150, 190, 199])(
    "an error page quoting the token at character %i is redacted before the excerpt is cut",
    async (at) => {
      const client = createRealtimeKitClient({
        apiToken: TOKEN,
        baseUrl: "http://127.0.0.1:9",
        maxRetries: 0,
        fetch: async () =>
          new Response(`${"x".repeat(at)} ${TOKEN} and more`, {
            status: 500,
            headers: { "content-type": "text/plain" },
          }),
      });
      const error = await client.getMeetingParticipant(validParams()).catch((e) => e);
      expect(error.bodyExcerpt.length).toBeLessThanOrEqual(200);
      // Not even a prefix of the token: its first 8 characters appear nowhere.
      for (const text of renderings(error)) expect(text).not.toContain(TOKEN.slice(0, 8));
    },
  );

  it("a token that could not go into a header is refused without being quoted", () => {
    const bad = `${TOKEN}\nX-Injected: 1`;
    const error = (() => {
      try {
        createRealtimeKitClient({ apiToken: bad });
      } catch (e) {
        return e as RealtimeKitValidationError;
      }
    })();
    expect(error).toBeInstanceOf(RealtimeKitValidationError);
    expect(error).toMatchObject({ field: "apiToken", rule: "format" });
    for (const text of renderings(error!)) expect(text).not.toContain(TOKEN);
  });

  it("surrounding whitespace (an env file's newline) is trimmed from the token", async () => {
    const { fetch, requests } = recordingFetch(() => new Response(null, { status: 401 }));
    await createRealtimeKitClient({ apiToken: ` ${TOKEN}\n`, baseUrl: "http://127.0.0.1:9", fetch })
      .getMeetingParticipant(validParams())
      .catch(() => {});
    expect(requests[0]!.headers.get("authorization")).toBe(`Bearer ${TOKEN}`);
  });
});

// The typed client and the raw one check their options the same way.
describe.each([
  ["typed client", (options: { apiToken: string; baseUrl: string }) => createRealtimeKitClient(options)],
  ["raw client", (options: { apiToken: string; baseUrl: string }) => createRealtimeKitRawClient(options)],
] as const)("plain http only to loopback (%s)", (_, create) => {
  it.each([
    "http://api.cloudflare.com/client/v4",
    "http://10.0.0.1",
    "http://localhost.example.com",
    "http://127.0.0.1.nip.io",
  ])("refuses %s", (baseUrl) => {
    expect(() => create({ apiToken: TOKEN, baseUrl })).toThrow(
      expect.objectContaining({
        name: "RealtimeKitValidationError",
        field: "baseUrl",
        rule: "https",
        message: "Invalid baseUrl: must be https (http only to loopback hosts) (rule: https)",
      }),
    );
  });
  it.each([
    "http://localhost:8787",
    "http://127.0.0.1:9",
    "http://127.1.2.3",
    "http://[::1]:8080/v4",
    "https://api.cloudflare.com/client/v4",
  ])("accepts %s", (baseUrl) => {
    expect(() => create({ apiToken: TOKEN, baseUrl })).not.toThrow();
  });
  it.each([
    "ftp://example.com",
    "api.cloudflare.com",
    "https://user:secret@api.cloudflare.com",
    "https://api.cloudflare.com/v4?x=1",
    "https://api.cloudflare.com/#x",
  ])("refuses %s as a base URL", (baseUrl) => {
    expect(() => create({ apiToken: TOKEN, baseUrl })).toThrow(
      expect.objectContaining({
        name: "RealtimeKitValidationError",
        field: "baseUrl",
        rule: "url",
        message: "Invalid baseUrl: must be an http(s) URL without credentials, query or fragment (rule: url)",
      }),
    );
  });
});

describe("redirects are never followed, so the token never reaches another origin", () => {
  it.each([301, 302, 303, 307, 308])("typed call: a %i to another local server", async (status) => {
    const target = await startServer((_, response) => response.end("{}"));
    const redirector = await startServer((request, response) => {
      response.writeHead(status, { location: `${target.origin}${request.url}` });
      response.end();
    });
    try {
      const client = createRealtimeKitClient({ apiToken: TOKEN, baseUrl: redirector.origin });
      const error = await client.getMeetingParticipant(validParams()).catch((e) => e);
      expect(error).toBeInstanceOf(RealtimeKitError);
      expect(error).toMatchObject({ name: "RealtimeKitApiError", status, attempts: 1 });
      expect(redirector.requests.map((r) => r.headers.authorization)).toEqual([`Bearer ${TOKEN}`]);
      expect(target.requests).toEqual([]);
    } finally {
      await Promise.all([target.close(), redirector.close()]);
    }
  });

  it("raw client: the 3xx is handed back and the other origin sees nothing", async () => {
    const before = faults.hits("cross-origin-redirect");
    const client = createRealtimeKitRawClient({ apiToken: TOKEN, baseUrl: faults.baseUrl("cross-origin-redirect") });
    const { response } = await client.GET(PARTICIPANT_PATH, { params: { path: validParams() } });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(
      `${otherOrigin.origin}/cross-origin-redirect${PARTICIPANT_PATH.replace(/\{(\w+)\}/g, (_, name: keyof ReturnType<typeof validParams>) => validParams()[name])}`,
    );
    expect(faults.hits("cross-origin-redirect") - before).toBe(1);
    expect(otherOrigin.requests.filter((r) => r.headers.authorization !== undefined)).toEqual([]);
    expect(otherOrigin.requests).toEqual([]);
  });
});
