// Requests are checked against the spec's parameter rules (from the generated table) before anything is sent,
// and options are checked when the client is made.
import { afterEach, describe, expect, it, vi } from "vitest";
import { createRealtimeKitClient, RealtimeKitValidationError } from "../src/index.ts";
import { json, recordingFetch, TOKEN, validParams } from "./helpers.ts";
import { successBody } from "./support/participant.ts";

const recorded = () => {
  const { fetch, requests } = recordingFetch(() => json(successBody()));
  return { client: createRealtimeKitClient({ apiToken: TOKEN, baseUrl: "http://127.0.0.1:9", fetch }), requests };
};

describe("path parameters", () => {
  it.each<[string, unknown, string, string]>([
    ["meeting_id", "not-a-uuid", "format", 'Invalid meeting_id: must be a valid "uuid" (rule: format)'],
    ["account_id", "a".repeat(33), "maxLength", "Invalid account_id: must have at most 32 characters (rule: maxLength)"],
    ["app_id", "b".repeat(33), "maxLength", "Invalid app_id: must have at most 32 characters (rule: maxLength)"],
    ["participant_id", 42, "type", "Invalid participant_id: must be string, not integer (rule: type)"],
    ["participant_id", null, "type", "Invalid participant_id: must be string, not null (rule: type)"],
    ["participant_id", undefined, "required", "Invalid participant_id: is required (rule: required)"],
    ["participant_id", "", "pathSegment", 'Invalid participant_id: must be one non-empty path segment, not "" (rule: pathSegment)'],
    ["participant_id", "..", "pathSegment", 'Invalid participant_id: must be one non-empty path segment, not ".." (rule: pathSegment)'],
    ["participant_id", "a\uD800", "pathSegment", "Invalid participant_id: must be well-formed Unicode (it has a lone surrogate) (rule: pathSegment)"],
  ])("%s = %j → RealtimeKitValidationError (%s), nothing sent", async (field, value, rule, message) => {
    const { client, requests } = recorded();
    const error = await client.getMeetingParticipant({ ...validParams(), [field]: value } as never).catch((e) => e);
    expect(error).toBeInstanceOf(RealtimeKitValidationError);
    expect(error).toMatchObject({ field, rule, message });
    expect(requests).toHaveLength(0);
  });

  it("parameters that are not an object at all", async () => {
    const { client } = recorded();
    await expect(client.getMeetingParticipant(undefined as never)).rejects.toMatchObject({ field: "params", rule: "type" });
  });

  it("a meeting id in upper case is still a uuid", async () => {
    const { client, requests } = recorded();
    await client.getMeetingParticipant({ ...validParams(), meeting_id: "550E8400-E29B-41D4-A716-446655440000" });
    expect(requests).toHaveLength(1);
  });

  it("reserved characters stay inside their segment", async () => {
    const { client, requests } = recorded();
    await client.getMeetingParticipant({ ...validParams(), participant_id: "a/b?c#d%e f" });
    expect(new URL(requests[0]!.url).pathname.split("/").at(-1)).toBe("a%2Fb%3Fc%23d%25e%20f");
  });
});

describe("options", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("the token defaults to CLOUDFLARE_API_TOKEN", async () => {
    vi.stubEnv("CLOUDFLARE_API_TOKEN", "from-env-token");
    const { fetch, requests } = recordingFetch(() => json(successBody()));
    await createRealtimeKitClient({ baseUrl: "http://127.0.0.1:9", fetch }).getMeetingParticipant(validParams());
    expect(requests[0]!.headers.get("authorization")).toBe("Bearer from-env-token");
  });

  it("no token at all is refused", () => {
    vi.stubEnv("CLOUDFLARE_API_TOKEN", "");
    expect(() => createRealtimeKitClient()).toThrow(expect.objectContaining({ name: "RealtimeKitValidationError", field: "apiToken", rule: "required" }));
  });

  it.each<[string, Record<string, unknown>]>([
    ["maxRetries", { maxRetries: -1 }],
    ["maxRetries", { maxRetries: 1.5 }],
    ["timeoutMs", { timeoutMs: Number.NaN }],
    ["deadlineMs", { deadlineMs: -5 }],
    ["maxResponseBytes", { maxResponseBytes: -1 }],
  ])("client option %s %j is refused", (field, options) => {
    expect(() => createRealtimeKitClient({ apiToken: TOKEN, ...options })).toThrow(expect.objectContaining({ field, rule: "minimum" }));
  });

  it("a call's own limits are checked too, before anything is sent", async () => {
    const { client, requests } = recorded();
    await expect(client.getMeetingParticipant(validParams(), { maxRetries: -1 })).rejects.toMatchObject({ field: "maxRetries" });
    expect(requests).toHaveLength(0);
  });

  it("the default server is the spec's", () => {
    const { fetch, requests } = recordingFetch(() => json(successBody()));
    return createRealtimeKitClient({ apiToken: TOKEN, fetch })
      .getMeetingParticipant(validParams())
      .then(() => expect(requests[0]!.url).toMatch(/^https:\/\/api\.cloudflare\.com\/client\/v4\/accounts\//));
  });

  it("a base URL with a trailing slash or a path keeps exactly one slash before the operation's path", async () => {
    const { fetch, requests } = recordingFetch(() => json(successBody()));
    await createRealtimeKitClient({ apiToken: TOKEN, baseUrl: "http://127.0.0.1:9/proxy/v4/", fetch }).getMeetingParticipant(validParams());
    expect(new URL(requests[0]!.url).pathname).toMatch(/^\/proxy\/v4\/accounts\/023e/);
  });
});
