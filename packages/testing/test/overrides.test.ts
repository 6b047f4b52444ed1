// Overriding one operation's answer, and what the kit records of each call, seen through our client.
import { RealtimeKitApiError, RealtimeKitConnectionError, RealtimeKitTimeoutError } from "@realtimekit-api/client";
import { describe, expect, it } from "vitest";
import { validArguments } from "./support/arguments.ts";
import { kitClient, TOKEN } from "./support/client.ts";
import { fixtures, mockRealtimeKit } from "./support/kit.ts";
import { useMswServer } from "./support/msw-server.ts";

const api = mockRealtimeKit();
useMswServer(api.handlers, () => api.reset());
const client = kitClient();
const participantArgs = validArguments("getMeetingParticipant") as any;

describe("api.on", () => {
  it("answers one operation with a given result, leaving the others to the spec", async () => {
    const ada = fixtures.participant({ name: "Ada" });
    api.on("getMeetingParticipant", { result: ada });
    await expect(client.getMeetingParticipant(participantArgs)).resolves.toEqual(ada);
    await expect(
      client.getMeetingParticipants(validArguments("getMeetingParticipants") as any),
    ).resolves.not.toContainEqual(ada);
  });

  it("answers a status in RealtimeKit's error envelope", async () => {
    api.on("getMeetingParticipant", { status: 404, error: "realtimekit", message: "Participant not found" });
    const error = await client.getMeetingParticipant(participantArgs).catch((caught) => caught);
    expect(error).toBeInstanceOf(RealtimeKitApiError);
    expect(error).toMatchObject({ status: 404, errors: [{ code: 404, message: "Participant not found" }] });
  });

  it("answers a status in Cloudflare's v4 envelope, with its code", async () => {
    api.on("getMeetingParticipant", {
      status: 403,
      error: "cloudflare",
      code: 9109,
      message: "Unauthorized to access",
    });
    const error = await client.getMeetingParticipant(participantArgs).catch((caught) => caught);
    expect(error).toMatchObject({
      status: 403,
      code: 9109,
      errors: [{ code: 9109, message: "Unauthorized to access" }],
    });
  });

  it("answers once, then as before", async () => {
    api.on("getMeetingParticipant", { status: 500, error: "realtimekit", once: true });
    await expect(client.getMeetingParticipant(participantArgs)).rejects.toMatchObject({ status: 500 });
    await expect(client.getMeetingParticipant(participantArgs)).resolves.toHaveProperty("id");
  });

  it("lets our client's retries see a failure followed by a success", async () => {
    api.on("getMeetingParticipant", { status: 503, error: "cloudflare", once: true });
    const retrying = kitClient({ maxRetries: 1, backoff: { initialDelayMs: 1, maxDelayMs: 1 } });
    await expect(retrying.getMeetingParticipant(participantArgs)).resolves.toHaveProperty("id");
    expect(api.calls("getMeetingParticipant").map((call) => call.status)).toEqual([503, 200]);
  });

  it("fails the request like a dropped connection", async () => {
    api.on("getMeetingParticipant", { networkError: true });
    await expect(client.getMeetingParticipant(participantArgs)).rejects.toBeInstanceOf(RealtimeKitConnectionError);
  });

  it("delays the answer: a client timeout shorter than the delay fires", async () => {
    api.on("getMeetingParticipant", { result: fixtures.participant(), delayMs: 5_000 });
    await expect(client.getMeetingParticipant(participantArgs, { timeoutMs: 20 })).rejects.toBeInstanceOf(
      RealtimeKitTimeoutError,
    );
  });

  it("serves an overridden list page by page, with paging", async () => {
    const people = Array.from({ length: 5 }, (_, index) => fixtures.participant({ name: `P${index}` }));
    api.on("getMeetingParticipants", { result: people });
    const args = validArguments("getMeetingParticipants") as any;
    const walked: unknown[] = [];
    for await (const item of client.paginate("getMeetingParticipants", { ...args, per_page: 2 })) walked.push(item);
    expect(walked).toEqual(people);
    expect(api.calls("getMeetingParticipants").map((call) => call.params.page_no)).toEqual([1, 2, 3]);
    const page = await client.page("getMeetingParticipants", { ...args, per_page: 2, page_no: 3 });
    expect(page).toMatchObject({ data: [people[4]], paging: { total_count: 5, start_offset: 5, end_offset: 5 } });
  });

  it("refuses a name that is not an operation", () => {
    expect(() => api.on("getParticipant" as any, { status: 404, error: "realtimekit" })).toThrow(TypeError);
  });
});

describe("api.calls", () => {
  it("lists what was received: path and query parameters, body, headers", async () => {
    const args = validArguments("addParticipant") as any;
    await client.addParticipant({ ...args, body: { ...args.body, name: "Ada" } }, { headers: { "x-trace": "t1" } });
    const [call] = api.calls("addParticipant");
    expect(call).toMatchObject({
      operation: "addParticipant",
      method: "POST",
      params: { account_id: args.account_id, app_id: args.app_id, meeting_id: args.meeting_id },
      body: { ...args.body, name: "Ada" },
      status: 201,
    });
    expect(call?.headers["x-trace"]).toBe("t1");
  });

  it("never holds the token: the authorization header is redacted", async () => {
    await client.getMeetingParticipant(participantArgs);
    const [call] = api.calls("getMeetingParticipant");
    expect(call?.headers.authorization).toBe("Bearer [redacted]");
    expect(JSON.stringify(api.calls("getMeetingParticipant"))).not.toContain(TOKEN);
  });

  it("redacts a bare authorization value and Cloudflare's key headers whole", async () => {
    await fetch(`https://api.cloudflare.com/client/v4/accounts/${participantArgs.account_id}/realtime/kit/apps`, {
      headers: { authorization: TOKEN, "x-auth-key": TOKEN, "x-auth-email": "ada@example.com" },
    });
    const [call] = api.calls("getApps");
    expect(call?.status).toBe(401);
    expect(call?.headers).toMatchObject({
      authorization: "[redacted]",
      "x-auth-key": "[redacted]",
      "x-auth-email": "ada@example.com",
    });
    expect(JSON.stringify(call)).not.toContain(TOKEN);
  });

  it("keeps calls per operation, oldest first, until reset", async () => {
    await client.getMeetingParticipant({ ...participantArgs, participant_id: "first" });
    await client.getMeetingParticipant({ ...participantArgs, participant_id: "second" });
    expect(api.calls("getMeetingParticipant").map((call) => call.params.participant_id)).toEqual(["first", "second"]);
    expect(api.calls("addParticipant")).toEqual([]);
    api.reset();
    expect(api.calls("getMeetingParticipant")).toEqual([]);
  });
});
