// The public API as the compiler sees it, through the package's own exports (the built declarations), the way
// a consumer's TypeScript does. vitest's typecheck mode runs these: a wrong type fails a test.
import {
  type CallOptions,
  createRealtimeKit,
  createRealtimeKitClient,
  type GetMeetingParticipantPathParams,
  type GetMeetingsResponse,
  logTo,
  type Participant,
  RealtimeKitApiError,
  RealtimeKitConnectionError,
  type RealtimeKitError,
  RealtimeKitResponseValidationError,
  RealtimeKitTimeoutError,
  RealtimeKitValidationError,
  type RequestBodySchemas,
  type ResponseSchemas,
  requestBodySchemas,
  responseSchemas,
} from "@realtimekit-api/client";
import { createRealtimeKitRawClient } from "@realtimekit-api/client/raw";
import { describe, expectTypeOf, it } from "vitest";

const client = createRealtimeKitClient({ apiToken: "token" });
const params = {
  account_id: "023e105f4ecef8ad9ca31a8372d0c353",
  app_id: "app",
  meeting_id: "550e8400-e29b-41d4-a716-446655440000",
  participant_id: "participant-1",
};

describe("createRealtimeKitClient", () => {
  it("getMeetingParticipant takes the four path parameters and call options, and resolves to a Participant", () => {
    expectTypeOf(client.getMeetingParticipant).parameter(0).toEqualTypeOf<GetMeetingParticipantPathParams>();
    expectTypeOf(client.getMeetingParticipant).parameter(1).toEqualTypeOf<CallOptions | undefined>();
    expectTypeOf(client.getMeetingParticipant).returns.toEqualTypeOf<Promise<Participant>>();
    expectTypeOf(client.getMeetingParticipant(params)).resolves.toHaveProperty("id").toEqualTypeOf<string>();
  });

  it("page() resolves to a list's whole answer as the spec types it, its paging object included", () => {
    const page = client.page("getMeetings", { account_id: params.account_id, app_id: params.app_id });
    expectTypeOf(page).resolves.toEqualTypeOf<GetMeetingsResponse>();
    expectTypeOf(page).resolves.toHaveProperty("paging").toEqualTypeOf<GetMeetingsResponse["paging"]>();
    // @ts-expect-error only the paged lists have pages
    void client.page("getMeetingParticipant", params);
  });

  it("refuses a missing or misspelled parameter, and a parameter of the wrong type", () => {
    const { participant_id: _, ...withoutParticipant } = params;
    // @ts-expect-error participant_id is required
    void client.getMeetingParticipant(withoutParticipant);
    // @ts-expect-error meetingId is not a parameter (meeting_id is)
    void client.getMeetingParticipant({ ...withoutParticipant, participant_id: "p", meetingId: "m" });
    // @ts-expect-error path parameters are strings
    void client.getMeetingParticipant({ ...params, app_id: 7 });
  });

  it("types the options: limits are numbers, the signal an AbortSignal, headers strings", () => {
    // @ts-expect-error timeoutMs is a number of milliseconds
    createRealtimeKitClient({ timeoutMs: "5s" });
    // @ts-expect-error retry is spelled maxRetries
    createRealtimeKitClient({ retries: 3 });
    // @ts-expect-error a header value is a string
    void client.getMeetingParticipant(params, { headers: { "x-count": 1 } });
    expectTypeOf<CallOptions["signal"]>().toEqualTypeOf<AbortSignal | undefined>();
  });
});

describe("errors", () => {
  it("narrow with instanceof to each class's own fields", () => {
    const error: unknown = new Error("any");
    if (error instanceof RealtimeKitApiError) {
      expectTypeOf(error.status).toEqualTypeOf<number>();
      expectTypeOf(error.code).toEqualTypeOf<number | undefined>();
      expectTypeOf(error.requestId).toEqualTypeOf<string | undefined>();
      expectTypeOf(error.headers).toEqualTypeOf<Headers>();
      expectTypeOf(error.retryable).toEqualTypeOf<boolean>();
    }
    if (error instanceof RealtimeKitValidationError) {
      expectTypeOf(error.field).toEqualTypeOf<string>();
      expectTypeOf(error.rule).toEqualTypeOf<string>();
    }
    if (error instanceof RealtimeKitTimeoutError) {
      expectTypeOf(error.scope).toEqualTypeOf<"attempt" | "deadline">();
      expectTypeOf(error.timeoutMs).toEqualTypeOf<number>();
    }
    if (error instanceof RealtimeKitConnectionError) expectTypeOf(error.retryable).toEqualTypeOf<true>();
    if (error instanceof RealtimeKitResponseValidationError) expectTypeOf(error.attempts).toEqualTypeOf<number>();
  });

  it("all derive from RealtimeKitError and Error", () => {
    expectTypeOf<RealtimeKitApiError>().toExtend<RealtimeKitError>();
    expectTypeOf<RealtimeKitValidationError>().toExtend<RealtimeKitError>();
    expectTypeOf<RealtimeKitTimeoutError>().toExtend<RealtimeKitError>();
    expectTypeOf<RealtimeKitConnectionError>().toExtend<RealtimeKitError>();
    expectTypeOf<RealtimeKitResponseValidationError>().toExtend<RealtimeKitError>();
    expectTypeOf<RealtimeKitError>().toExtend<Error>();
  });
});

describe("the raw client (@realtimekit-api/client/raw)", () => {
  const raw = createRealtimeKitRawClient({ apiToken: "token" });
  const path = "/accounts/{account_id}/realtime/kit/{app_id}/meetings/{meeting_id}/participants/{participant_id}";

  it("types a spec path's parameters and its answer", async () => {
    const { data, error } = await raw.GET(path, { params: { path: params } });
    expectTypeOf(data?.data).toEqualTypeOf<Participant | undefined>();
    expectTypeOf(data?.success).toEqualTypeOf<true | undefined>();
    if (error && "errors" in error) expectTypeOf(error.success).toEqualTypeOf<false>();
  });

  it("refuses a path the spec does not have, a missing path parameter, and a method the path does not take", () => {
    // @ts-expect-error not a path of the spec
    void raw.GET("/accounts/{account_id}/realtime/kit/{app_id}/nothing-here", {});
    const { meeting_id: _, ...withoutMeeting } = params;
    // @ts-expect-error meeting_id is required
    void raw.GET(path, { params: { path: withoutMeeting } });
    // @ts-expect-error the spec has no POST for this path
    void raw.POST(path, { params: { path: params } });
  });
});

describe("createRealtimeKit", () => {
  it("validates answers against the schemas it is given, not a boolean", () => {
    expectTypeOf(createRealtimeKit).toBeCallableWith({ apiToken: "token", validateResponses: responseSchemas });
    expectTypeOf(createRealtimeKit).toBeCallableWith({ apiToken: "token", validateResponses: false });
    // @ts-expect-error `true` would bundle every schema behind the caller's back; pass responseSchemas
    void createRealtimeKit({ apiToken: "token", validateResponses: true });
    expectTypeOf(responseSchemas).toEqualTypeOf<ResponseSchemas>();
  });

  it("checks request bodies against the schemas it is given, not a boolean", () => {
    expectTypeOf(createRealtimeKit).toBeCallableWith({ apiToken: "token", validateBodies: requestBodySchemas });
    expectTypeOf(createRealtimeKit).toBeCallableWith({ apiToken: "token", validateBodies: false });
    // @ts-expect-error `true` would bundle every body schema behind the caller's back; pass requestBodySchemas
    void createRealtimeKit({ apiToken: "token", validateBodies: true });
    expectTypeOf(requestBodySchemas).toEqualTypeOf<RequestBodySchemas>();
  });

  it("logs through a log function (logTo's, or the caller's), not a logger and level it would need code for", () => {
    expectTypeOf(createRealtimeKit).toBeCallableWith({ apiToken: "token", log: logTo(console, "debug") });
    expectTypeOf(createRealtimeKit).toBeCallableWith({
      apiToken: "token",
      log: (level, message) => void [level, message],
    });
    // @ts-expect-error createRealtimeKit takes `log: logTo(logger, level)`, so that an application without a log bundles none of its code
    void createRealtimeKit({ apiToken: "token", logger: console });
  });

  it("the typed client always checks bodies: it takes no validateBodies", () => {
    // @ts-expect-error createRealtimeKitClient brings every body schema and always checks them
    void createRealtimeKitClient({ apiToken: "token", validateBodies: false });
  });
});
