// A server that misbehaves in the ways real networks, proxies and overloaded APIs do. Each fault is chosen by
// the first path segment, so a client whose baseUrl is `${origin}/<fault>` meets that fault on every request;
// the server counts requests per fault, so tests can check how many attempts the client really made.
import type { IncomingMessage, ServerResponse } from "node:http";
import { startServer, type TestServer } from "./http-server.ts";
import { successJson } from "./participant.ts";

type FaultContext = {
  hit: number;
  redirectTo: string | undefined;
  /** Called when a huge body went out whole, which a client that stops reading at its limit never allows. */
  sentWhole: () => void;
};
type FaultHandler = (request: IncomingMessage, response: ServerResponse, context: FaultContext) => void;

const JSON_TYPE = { "content-type": "application/json" };

/** RealtimeKit's own error envelope. */
const errorJson = (code: number, message: string) => JSON.stringify({ success: false, error: { code, message } });

const answer = (
  response: ServerResponse,
  status: number,
  body: string,
  headers: Record<string, string> = JSON_TYPE,
) => {
  response.writeHead(status, { ...headers, "content-length": Buffer.byteLength(body) });
  response.end(body);
};

const HUGE = 64 * 1024 * 1024;

/** Writes `total` bytes of filler in chunks, as fast as the client reads, until done or the client goes away. */
function stream(response: ServerResponse, total: number, onComplete: () => void) {
  const chunk = Buffer.alloc(64 * 1024, " ");
  let sent = 0;
  const more = () => {
    while (sent < total && !response.destroyed) {
      sent += chunk.length;
      if (!response.write(chunk)) return void response.once("drain", more);
    }
    if (!response.destroyed) response.end(onComplete);
  };
  more();
}

const PROXY_502_PAGE =
  "<!DOCTYPE html>\n<html>\n<head><title>502 Bad Gateway</title></head>\n<body>\n<center><h1>502 Bad Gateway</h1></center>\n" +
  `<p>${"The upstream server sent an invalid response. ".repeat(20)}</p>\n<hr><center>nginx</center>\n</body>\n</html>\n`;

export const FAULTS = {
  ok: (_, response) => answer(response, 200, successJson()),
  // Headers and the start of the body, then the connection is torn down.
  "reset-mid-body": (_, response) => {
    response.writeHead(200, { ...JSON_TYPE, "content-length": 1000 });
    response.write(successJson().slice(0, 20), () => response.socket?.destroy());
  },
  // The request is read and never answered.
  "headers-never-sent": () => {},
  // Headers at once, then a byte every 50 ms, forever.
  "slow-body": (_, response) => {
    response.writeHead(200, JSON_TYPE);
    response.write("{");
    const timer = setInterval(() => response.write(" "), 50);
    response.on("close", () => clearInterval(timer));
  },
  // Per pair of requests, so each call made one after another meets one 429 and then success.
  "rate-limited-then-ok": (_, response, { hit }) =>
    hit % 2 === 1
      ? answer(response, 429, errorJson(429, "Too many requests"), { ...JSON_TYPE, "retry-after": "0" })
      : answer(response, 200, successJson()),
  "rate-limited": (_, response) =>
    answer(response, 429, errorJson(429, "Too many requests"), { ...JSON_TYPE, "retry-after": "0" }),
  "status-408": (_, response) => answer(response, 408, errorJson(408, "Request timeout")),
  "status-409": (_, response) => answer(response, 409, errorJson(409, "Conflict")),
  "status-400": (_, response) => answer(response, 400, errorJson(400, "Bad request")),
  "status-401": (_, response) => answer(response, 401, errorJson(401, "Unauthorized")),
  "status-403": (_, response) => answer(response, 403, errorJson(403, "Forbidden")),
  "status-404": (_, response) => answer(response, 404, errorJson(404, "Participant not found")),
  "status-422": (_, response) => answer(response, 422, errorJson(422, "Unprocessable")),
  "status-500": (_, response) => answer(response, 500, errorJson(500, "Internal server error")),
  "status-502": (_, response) => answer(response, 502, errorJson(502, "Bad gateway")),
  "status-503": (_, response) => answer(response, 503, errorJson(503, "Service unavailable")),
  "status-504": (_, response) => answer(response, 504, errorJson(504, "Gateway timeout")),
  // Per three requests: two 503s, then success.
  "status-503-then-ok": (_, response, { hit }) =>
    hit % 3 !== 0 ? answer(response, 503, errorJson(503, "Service unavailable")) : answer(response, 200, successJson()),
  "invalid-json": (_, response) => answer(response, 200, '{"success": tru'),
  // A complete HTTP message whose JSON stops half-way, as when an upstream gave up.
  "truncated-json": (_, response) => {
    response.writeHead(200, JSON_TYPE);
    response.end(successJson().slice(0, 40));
  },
  "html-error-page": (_, response) => answer(response, 502, PROXY_502_PAGE, { "content-type": "text/html" }),
  "empty-200": (_, response) => answer(response, 200, ""),
  "empty-200-chunked": (_, response) => {
    response.writeHead(200, JSON_TYPE);
    response.end();
  },
  "wrong-content-type": (_, response) =>
    answer(response, 200, successJson(), { "content-type": "text/html; charset=utf-8" }),
  // Far more than any client limit, sent without a length, so only counting bytes catches it.
  "huge-body": (_, response, { sentWhole }) => {
    response.writeHead(200, JSON_TYPE);
    stream(response, HUGE, sentWhole);
  },
  "huge-declared-body": (_, response) => {
    response.writeHead(200, { ...JSON_TYPE, "content-length": HUGE });
    response.write("{");
  },
  "huge-error-body": (_, response, { sentWhole }) => {
    response.writeHead(500, { "content-type": "text/html" });
    response.write("<html><body>Internal error");
    stream(response, HUGE, sentWhole);
  },
  // Sends the client to another origin, as a hijacked DNS name or a misconfigured proxy might.
  "cross-origin-redirect": (request, response, { redirectTo }) => {
    response.writeHead(302, { location: `${redirectTo}${request.url}` });
    response.end();
  },
  // A server that quotes the credential back in its error, as some debugging proxies do.
  "echoes-token": (request, response) =>
    answer(response, 401, errorJson(10000, `Authentication error for header "${request.headers.authorization}"`), {
      ...JSON_TYPE,
      "x-echo": String(request.headers.authorization),
    }),
} satisfies Record<string, FaultHandler>;

export type Fault = keyof typeof FAULTS;

export type FaultServer = TestServer & {
  /** The base URL that makes every request meet `fault`. */
  baseUrl: (fault: Fault) => string;
  /** How many requests met `fault`. */
  hits: (fault: Fault) => number;
  /** How many huge bodies of `fault` were sent whole (a client that enforces its limit cuts them off). */
  sentWhole: (fault: Fault) => number;
};

/** Starts the fault server; `redirectTo` is the origin that `cross-origin-redirect` sends clients to. */
export async function startFaultServer(options: { redirectTo?: string } = {}): Promise<FaultServer> {
  const hits = new Map<string, number>();
  const whole = new Map<string, number>();
  const server = await startServer((request, response) => {
    const fault = request.url!.split("/")[1] as Fault;
    const hit = (hits.get(fault) ?? 0) + 1;
    hits.set(fault, hit);
    const handler: FaultHandler | undefined = FAULTS[fault];
    const sentWhole = () => whole.set(fault, (whole.get(fault) ?? 0) + 1);
    if (handler) handler(request, response, { hit, redirectTo: options.redirectTo, sentWhole });
    else answer(response, 599, errorJson(599, `no fault named ${fault}`));
  });
  return {
    ...server,
    baseUrl: (fault) => `${server.origin}/${fault}`,
    hits: (fault) => hits.get(fault) ?? 0,
    sentWhole: (fault) => whole.get(fault) ?? 0,
  };
}
