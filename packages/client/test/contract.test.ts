// The client against Prism's mock of the spec: what the docs promise is what a caller gets.

import { startPrismMock } from "@realtimekit-api/test-servers/prism";
import type { paths } from "@realtimekit-api/types";
import { beforeAll, describe, expect, inject, it } from "vitest";
import {
  createRealtimeKitClient,
  type Participant,
  RealtimeKitApiError,
  type RealtimeKitClient,
} from "../src/index.ts";
import { type Client, createRealtimeKitRawClient } from "../src/raw.ts";
import docsPageExample from "./fixtures/docs-page-example.json" with { type: "json" };
import { PARTICIPANT_PATH, TOKEN, validParams } from "./helpers.ts";

let client: RealtimeKitClient;
let raw: Client<paths>;
beforeAll(() => {
  client = createRealtimeKitClient({ apiToken: TOKEN, baseUrl: inject("prismBaseUrl"), maxRetries: 0 });
  raw = createRealtimeKitRawClient({ apiToken: TOKEN, baseUrl: inject("prismBaseUrl") });
});

describe("against the static mock", () => {
  it("returns the docs page's example as a typed Participant", async () => {
    const participant: Participant = await client.getMeetingParticipant(validParams());
    expect(participant).toEqual(docsPageExample.data);
  });

  // Prism answers 401 to a request without the spec's bearer credential: this 200 is the raw client's token.
  it("raw client: answered 200 with the docs page's example, authenticated", async () => {
    const { response, data } = await raw.GET(PARTICIPANT_PATH, { params: { path: validParams() } });
    expect(response.status).toBe(200);
    expect(data).toEqual({ success: true, data: docsPageExample.data });
  });

  // Prism validates requests against the spec. For each value it refuses, the typed client must refuse it too,
  // with the same parameter and rule, before sending anything; the raw client validates nothing and sends it.
  it.each([
    ["meeting_id", "not-a-uuid", "format"],
    ["account_id", "a".repeat(33), "maxLength"],
  ])("a bad %s: Prism answers 422 for it, and the typed client refuses it first", async (name, value, rule) => {
    const params = { ...validParams(), [name]: value };
    const { response, error } = await raw.GET(PARTICIPANT_PATH, { params: { path: params } });
    expect(response.status).toBe(422);
    // No 422 is declared, so Prism answers its own problem+json listing the violations.
    expect((error as { validation?: unknown[] }).validation).toContainEqual(
      expect.objectContaining({ location: ["path", name], code: rule }),
    );
    await expect(client.getMeetingParticipant(params)).rejects.toMatchObject({
      name: "RealtimeKitValidationError",
      field: name,
      rule,
    });
  });

  it.each([401, 403, 404, 429, 503])(
    "turns a %i in Cloudflare's v4 envelope into RealtimeKitApiError",
    async (status) => {
      const error = await client
        .getMeetingParticipant(validParams(), { headers: { prefer: `code=${status}` } })
        .catch((e) => e);
      expect(error).toBeInstanceOf(RealtimeKitApiError);
      expect(error.status).toBe(status);
      expect(error.errors).toEqual([{ code: 10000, message: "Authentication error" }]);
      expect(error.code).toBe(10000);
      expect(error.attempts).toBe(1);
    },
  );

  it("turns a 500 in RealtimeKit's own envelope into RealtimeKitApiError", async () => {
    const error = await client
      .getMeetingParticipant(validParams(), { headers: { prefer: "code=500" } })
      .catch((e) => e);
    expect(error).toBeInstanceOf(RealtimeKitApiError);
    expect(error.status).toBe(500);
    expect(error.errors).toHaveLength(1);
    expect(typeof error.errors[0].code).toBe("number");
    expect(typeof error.errors[0].message).toBe("string");
    expect(error.retryable).toBe(true);
  });
});

describe("against the dynamic mock (seeded)", () => {
  // Prism reseeds for every request, so each seed is its own mock; two run side by side. For the spec of
  // 2026-08-14, seed 4 answers a name and a picture and seed 5 null for both. What a seed generates depends on the
  // whole schema, so a spec with another field in the participant draws other values: further seeds are tried, in
  // a fixed order, until the answers cover every case, and the walk stops at the first that do.
  const SEEDS = [4, 5, 1, 2, 3, 6, 7, 8, 9, 10, 11, 12];
  const CASES = [
    (b: Body) => b.data.name === null,
    (b: Body) => b.data.picture === null,
    (b: Body) => typeof b.data.name === "string",
    (b: Body) => typeof b.data.picture === "string",
  ];

  it("accepts every schema-valid answer, nullable name and picture included", async () => {
    const bodies: Body[] = [];
    for (let at = 0; at < SEEDS.length && !CASES.every((seen) => bodies.some(seen)); at += 2)
      bodies.push(...(await Promise.all(SEEDS.slice(at, at + 2).map(fetchThroughClient))));
    // Each answer passed the client's check; between them they must hold both null and set values.
    expect(CASES.map((seen) => bodies.some(seen))).toEqual([true, true, true, true]);
  }, 120_000);

  type Body = { data: Record<string, unknown> };

  async function fetchThroughClient(seed: number): Promise<Body> {
    const prism = await startPrismMock({ dynamic: { seed } });
    try {
      let body: { data: Record<string, unknown> } | undefined;
      const validating = createRealtimeKitClient({
        apiToken: TOKEN,
        baseUrl: prism.baseUrl,
        validateResponses: true,
        // Keep a copy of the raw body, to compare with what the client hands back.
        fetch: async (url, init) => {
          const response = await fetch(url, init);
          body = await response.clone().json();
          return response;
        },
      });
      const participant = await validating.getMeetingParticipant(validParams());
      expect(participant).toEqual(body!.data);
      return body!;
    } finally {
      await prism.stop();
    }
  }
});
