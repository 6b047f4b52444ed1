// Which failures each operation retries, by its HTTP method as the generated tables give it. GET, PUT and DELETE
// are retried after anything transient. POST and PATCH may act twice if sent twice (the API has no idempotency
// key), so they are retried only where the server certainly did not act (a 429, a refused connection), unless
// the caller opts in with retryNonIdempotent.
import type { IncomingMessage, ServerResponse } from "node:http";
import { freePort } from "@realtimekit-api/test-servers/free-port";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { operations } from "../src/generated/operations.ts";
import {
  type CallOptions,
  createRealtimeKitClient,
  type OperationName,
  RealtimeKitApiError,
  type RealtimeKitClientOptions,
  RealtimeKitConnectionError,
  RealtimeKitTimeoutError,
} from "../src/index.ts";
import { FAST_BACKOFF, TOKEN, waitFor } from "./helpers.ts";
import { startServer, type TestServer } from "./support/http-server.ts";
import { validArguments } from "./support/valid-arguments.ts";

const MAX_RETRIES = 2;
const names = Object.keys(operations) as OperationName[];
const isWrite = (name: OperationName) => /^(POST|PATCH)$/.test(operations[name].method);
const writes = names.filter(isWrite);

/** The first operation of each HTTP method, and the two writes a caller meets first (adding and editing a participant). */
const samples = [
  ...new Map(names.map((name) => [operations[name].method, name] as const).reverse()).values(),
  "addParticipant",
  "editParticipant",
] as OperationName[];

type Fault = (request: IncomingMessage, response: ServerResponse) => void;

const errorJson = (status: number) => JSON.stringify({ success: false, error: { code: status, message: "failed" } });
const FAULTS = {
  "a 503": (_, response) => {
    response.writeHead(503, { "content-type": "application/json" });
    response.end(errorJson(503));
  },
  "a 429": (_, response) => {
    response.writeHead(429, { "content-type": "application/json", "retry-after": "0" });
    response.end(errorJson(429));
  },
  // The request arrives and is never answered: the client's attempt times out.
  "a timeout": () => {},
  // The request arrives and the connection is torn down before any answer.
  "a reset": (request) => request.socket.destroy(),
} satisfies Record<string, Fault>;

let server: TestServer;
let fault: Fault;
beforeAll(async () => {
  server = await startServer((request, response) => fault(request, response));
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

/** Calls operation `name` with valid arguments; resolves to the error it rejected with. */
function failureOf(
  name: OperationName,
  options: Partial<RealtimeKitClientOptions> = {},
  call: CallOptions = {},
): Promise<any> {
  const client = createRealtimeKitClient({
    apiToken: TOKEN,
    baseUrl: server.origin,
    maxRetries: MAX_RETRIES,
    backoff: FAST_BACKOFF,
    // Long enough that a busy machine never turns an answer into a timeout; the timeout cases set their own.
    timeoutMs: 10_000,
    ...options,
  });
  const method = (client as unknown as Record<string, (params: unknown, call: CallOptions) => Promise<unknown>>)[name]!;
  return method(validArguments(name), call).then(
    () => expect.unreachable(`${name} resolved`),
    (error) => error,
  );
}

/** The requests the server saw, once the first has arrived (a call that gives up may settle before that). */
async function requestsSeen(): Promise<number> {
  await waitFor(() => server.requests.length > 0, "a request");
  return server.requests.length;
}

it("the tables have POST and PATCH operations, and every other operation is GET, PUT or DELETE", () => {
  expect(writes).toContain("addParticipant");
  expect(writes).toContain("editParticipant");
  expect(new Set(writes.map((name) => operations[name].method))).toEqual(new Set(["POST", "PATCH"]));
  const others = names.filter((name) => !isWrite(name));
  expect(new Set(others.map((name) => operations[name].method))).toEqual(new Set(["GET", "PUT", "DELETE"]));
  expect(new Set(samples.map((name) => operations[name].method))).toEqual(
    new Set(["GET", "PUT", "DELETE", "POST", "PATCH"]),
  );
});

describe("after a 503, every operation", () => {
  it.each(names)("%s: retried unless it is a POST or PATCH", async (name) => {
    fault = FAULTS["a 503"];
    const error = await failureOf(name);
    const attempts = isWrite(name) ? 1 : 1 + MAX_RETRIES;
    expect(error).toBeInstanceOf(RealtimeKitApiError);
    expect(error).toMatchObject({ status: 503, retryable: true, attempts });
    expect(await requestsSeen()).toBe(attempts);
  });
});

describe.each([
  // Half a second lets each request reach the server before its attempt times out, even on a busy machine.
  ["a timeout", RealtimeKitTimeoutError, { timeoutMs: 500 }],
  ["a reset", RealtimeKitConnectionError, {}],
] as const)("after %s", (faultName, errorClass, options) => {
  it.each(samples)("%s: retried unless it is a POST or PATCH", async (name) => {
    fault = FAULTS[faultName];
    const error = await failureOf(name, options);
    const attempts = isWrite(name) ? 1 : 1 + MAX_RETRIES;
    expect(error).toBeInstanceOf(errorClass);
    expect(error.attempts).toBe(attempts);
    expect(await requestsSeen()).toBe(attempts);
  });
});

describe("POST and PATCH are retried where the server did not act", () => {
  it.each(writes)("%s after a 429", async (name) => {
    fault = FAULTS["a 429"];
    const error = await failureOf(name);
    expect(error).toBeInstanceOf(RealtimeKitApiError);
    expect(error).toMatchObject({ status: 429, attempts: 1 + MAX_RETRIES });
    expect(await requestsSeen()).toBe(1 + MAX_RETRIES);
  });

  it.each(writes)("%s after a refused connection", async (name) => {
    const nothingListens = await freePort();
    const error = await failureOf(name, { baseUrl: `http://127.0.0.1:${nothingListens}` });
    expect(error).toBeInstanceOf(RealtimeKitConnectionError);
    // The connection was never made, so no request reached any server and a retry cannot act twice.
    expect(error).toMatchObject({ code: "ECONNREFUSED", attempts: 1 + MAX_RETRIES });
  });
});

describe("retryNonIdempotent retries POST and PATCH after a 503", () => {
  it.each(writes)("%s, set on the client", async (name) => {
    fault = FAULTS["a 503"];
    const error = await failureOf(name, { retryNonIdempotent: true });
    expect(error).toMatchObject({ status: 503, attempts: 1 + MAX_RETRIES });
    expect(await requestsSeen()).toBe(1 + MAX_RETRIES);
  });

  it.each(writes)("%s, set on the call", async (name) => {
    fault = FAULTS["a 503"];
    const error = await failureOf(name, {}, { retryNonIdempotent: true });
    expect(error).toMatchObject({ status: 503, attempts: 1 + MAX_RETRIES });
    expect(await requestsSeen()).toBe(1 + MAX_RETRIES);
  });

  it("a call's false overrides the client's true", async () => {
    fault = FAULTS["a 503"];
    const error = await failureOf("addParticipant", { retryNonIdempotent: true }, { retryNonIdempotent: false });
    expect(error).toMatchObject({ status: 503, attempts: 1 });
    expect(await requestsSeen()).toBe(1);
  });
});
