// A request that would fail against the API fails against the kit, the same way: no token → 401 in Cloudflare's
// v4 envelope; a parameter or body the spec rejects → 422 problem+json listing the violations (as Prism does).
// Sent with plain fetch, as a consumer's own request code would send them: our client refuses them itself.
import { describe, expect, it } from "vitest";
import { TOKEN } from "./support/client.ts";
import { DEFAULT_BASE_URL, mockRealtimeKit } from "./support/kit.ts";
import { useMswServer } from "./support/msw-server.ts";

const BASE = "https://kit.example.test/client/v4";
const api = mockRealtimeKit({ baseUrl: BASE });
// Spread as the kit itself (it iterates as its handlers), the other form the README shows.
useMswServer([...api], () => api.reset());

const ACCOUNT = "023e105f4ecef8ad9ca31a8372d0c353";
const APP = "5c0b2d6e-8f3a-4e1b-9c7d-2a4f6e8b0c1d";
const MEETING = "550e8400-e29b-41d4-a716-446655440000";
const meeting = (id = MEETING) => `${BASE}/accounts/${ACCOUNT}/realtime/kit/${APP}/meetings/${id}`;
const auth = { authorization: `Bearer ${TOKEN}` };
const json = { ...auth, "content-type": "application/json" };

describe("the bearer token", () => {
  it("is required: without it the answer is 401 in Cloudflare's v4 envelope", async () => {
    const response = await fetch(`${meeting()}/participants/p1`);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      success: false,
      errors: [{ code: 10000, message: "Authentication error" }],
      messages: [],
      result: null,
    });
  });

  it("must be a bearer credential, not an empty one", async () => {
    const response = await fetch(`${meeting()}/participants/p1`, { headers: { authorization: "Bearer " } });
    expect(response.status).toBe(401);
  });

  it("with it, the same request succeeds", async () => {
    const response = await fetch(`${meeting()}/participants/p1`, { headers: auth });
    expect(response.status).toBe(200);
    expect((await response.json()).success).toBe(true);
  });
});

describe("request validation", () => {
  it("answers a malformed uuid in the path with 422 problem+json naming the parameter", async () => {
    const response = await fetch(`${meeting("not-a-uuid")}/participants/p1`, { headers: auth });
    expect(response.status).toBe(422);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(await response.json()).toMatchObject({
      status: 422,
      title: "Invalid request",
      validation: [
        {
          location: ["path", "meeting_id"],
          severity: "Error",
          code: "format",
          message: 'Request path parameter meeting_id must match format "uuid"',
        },
      ],
    });
  });

  it("answers a body without a required field with 422, one violation per missing field", async () => {
    const response = await fetch(`${meeting()}/participants`, {
      method: "POST",
      headers: json,
      body: JSON.stringify({ name: "Ada" }),
    });
    expect(response.status).toBe(422);
    const { validation } = await response.json();
    expect(validation.map((violation: any) => violation.message).sort()).toEqual([
      "Request body must have required property 'custom_participant_id'",
      "Request body must have required property 'preset_name'",
    ]);
  });

  it("answers a missing required body with 422", async () => {
    const response = await fetch(`${meeting()}/participants`, { method: "POST", headers: auth });
    expect(response.status).toBe(422);
    expect((await response.json()).validation[0]).toMatchObject({ location: ["body"], code: "required" });
  });

  it("answers a body that is not JSON with 422", async () => {
    const response = await fetch(`${meeting()}/participants`, { method: "POST", headers: json, body: "{name" });
    expect(response.status).toBe(422);
    expect((await response.json()).validation[0]).toMatchObject({ location: ["body"], code: "type" });
  });

  it("answers a query parameter of the wrong type with 422", async () => {
    const response = await fetch(`${meeting()}/participants?per_page=lots`, { headers: auth });
    expect(response.status).toBe(422);
    expect((await response.json()).validation[0]).toMatchObject({ location: ["query", "per_page"], code: "type" });
  });

  it("checks the token before the request: no token and a bad uuid is a 401", async () => {
    const response = await fetch(`${meeting("not-a-uuid")}/participants/p1`);
    expect(response.status).toBe(401);
  });

  it("records invalid requests too, with the status they got", async () => {
    await fetch(`${meeting("not-a-uuid")}/participants/p1`, { headers: auth });
    expect(api.calls("getMeetingParticipant")).toMatchObject([{ status: 422, params: { meeting_id: "not-a-uuid" } }]);
  });
});

describe("paging", () => {
  it("serves the spec's list page by page: a page past the end is empty, with paging saying so", async () => {
    const apps = `${BASE}/accounts/${ACCOUNT}/realtime/kit/apps`;
    const first = await (await fetch(`${apps}?per_page=1&page_no=1`, { headers: auth })).json();
    expect(first.data).toHaveLength(1);
    expect(first.paging).toEqual({ total_count: first.paging.total_count, start_offset: 1, end_offset: 1 });
    const past = first.paging.total_count + 1;
    const beyond = await (await fetch(`${apps}?per_page=1&page_no=${past}`, { headers: auth })).json();
    expect(beyond).toMatchObject({ success: true, data: [], paging: { total_count: first.paging.total_count } });
  });
});

describe("routing", () => {
  it("serves the spec's server by default", () => {
    expect(DEFAULT_BASE_URL).toBe("https://api.cloudflare.com/client/v4");
  });

  it("sends a literal segment to its own operation where a parameter could match it too", async () => {
    await fetch(`${BASE}/accounts/${ACCOUNT}/realtime/kit/apps`, { headers: auth });
    expect(api.calls("getApps")).toHaveLength(1);
  });

  it("leaves requests to other hosts and paths to MSW's unhandled-request policy", async () => {
    await expect(fetch(`${BASE}/accounts/${ACCOUNT}/not-realtime`, { headers: auth })).rejects.toThrow();
  });
});
