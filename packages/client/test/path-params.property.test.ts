// Property: whatever string a caller passes as a path parameter, the client either refuses it with
// RealtimeKitValidationError, or the server receives it as exactly one path segment that decodes back to it.
// A real HTTP server reports the request-target exactly as it arrived on the wire.

import type { paths } from "@realtimekit-api/types";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRealtimeKitClient, type RealtimeKitClient, RealtimeKitValidationError } from "../src/index.ts";
import { type Client, createRealtimeKitRawClient } from "../src/raw.ts";
import { PARTICIPANT_PATH, TOKEN, validParams } from "./helpers.ts";
import { startServer, type TestServer } from "./support/http-server.ts";
import { successJson } from "./support/participant.ts";

type Params = ReturnType<typeof validParams>;
const NAMES = ["account_id", "app_id", "meeting_id", "participant_id"] as const;

let server: TestServer;
let client: RealtimeKitClient;
let raw: Client<paths>;
beforeAll(async () => {
  // The answer carries the raw request-target back, so each check reads the URL of its own request.
  server = await startServer((request, response) => {
    response.writeHead(200, { "content-type": "application/json" });
    response.end(successJson({ custom_participant_id: request.url }));
  });
  client = createRealtimeKitClient({ apiToken: TOKEN, baseUrl: server.origin, maxRetries: 0 });
  raw = createRealtimeKitRawClient({ apiToken: TOKEN, baseUrl: server.origin });
});
afterAll(() => server.close());

/** Any UTF-16 code unit, lone surrogates included (fast-check's own units never produce those). */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code));
const pathy = fc.constantFrom(
  ".",
  "..",
  "/",
  "\\",
  "%",
  "2e",
  "%2e",
  "%2E",
  "?",
  "#",
  ";",
  "{",
  "}",
  "&",
  "=",
  "+",
  " ",
  "\t",
  "\n",
  "~",
  "é",
  "\u{1F600}",
);
const anyString = fc.oneof(
  fc.string({ unit: "binary-ascii", maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: codeUnit, maxLength: 12 }),
  fc.string({ unit: pathy, maxLength: 6 }),
  fc.constantFrom("", ".", "..", "...", "%2e%2e", "../..", "a/../b", "{participant_id}", "\uD800", "\uDFFFx"),
  fc.uuid(),
);

const isWellFormed = (value: string) => {
  try {
    encodeURIComponent(value);
    return true;
  } catch {
    return false;
  }
};

/** The request-target's segments, decoded, as the server saw them. */
function segmentsSeen(target: string): string[] {
  expect(target.startsWith("/")).toBe(true);
  return target
    .slice(1)
    .split("/")
    .map((segment) => decodeURIComponent(segment));
}

const expectedSegments = (params: Params) => [
  "accounts",
  params.account_id,
  "realtime",
  "kit",
  params.app_id,
  "meetings",
  params.meeting_id,
  "participants",
  params.participant_id,
];

describe.each(NAMES)("%s", (name) => {
  it("typed method: refused, or exactly one segment that decodes to the same value", async () => {
    await fc.assert(
      fc.asyncProperty(anyString, async (value) => {
        const params = { ...validParams(), [name]: value };
        const outcome = await client.getMeetingParticipant(params).catch((error: unknown) => error);
        if (outcome instanceof RealtimeKitValidationError) {
          expect(outcome.field).toBe(name);
          // participant_id has no rule in the spec: only values no URL can carry may be refused.
          if (name === "participant_id")
            expect(value === "" || value === "." || value === ".." || !isWellFormed(value)).toBe(true);
          return;
        }
        if (outcome instanceof Error) throw outcome;
        expect(segmentsSeen((outcome as { custom_participant_id: string }).custom_participant_id)).toEqual(
          expectedSegments(params),
        );
      }),
      { numRuns: 250 },
    );
  });

  it("raw client: the same guarantee from its path serializer", async () => {
    const before = server.requests.length;
    let sent = 0;
    await fc.assert(
      fc.asyncProperty(anyString, async (value) => {
        const params = { ...validParams(), [name]: value };
        let target: string;
        try {
          const { data } = await raw.GET(PARTICIPANT_PATH, { params: { path: params } });
          target = data!.data.custom_participant_id;
        } catch (error) {
          expect(error).toBeInstanceOf(RealtimeKitValidationError);
          expect((error as RealtimeKitValidationError).field).toBe(name);
          expect(value === "" || value === "." || value === ".." || !isWellFormed(value)).toBe(true);
          return;
        }
        sent++;
        expect(segmentsSeen(target)).toEqual(expectedSegments(params));
      }),
      { numRuns: 250 },
    );
    // A refused value is refused before sending: the server saw exactly the requests that were answered.
    expect(server.requests.length - before).toBe(sent);
  });
});
