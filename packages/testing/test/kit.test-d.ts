// The kit's public types, checked by the compiler against the built declarations: operation names and result
// shapes are checked per operation, and recorded calls and fixtures are typed from @realtimekit-api/types.
import type { Participant, RealtimeKitOperations } from "@realtimekit-api/types";
import { describe, expectTypeOf, it } from "vitest";
import { fixtures, mockRealtimeKit, type RecordedCall } from "../dist/index.mjs";

const api = mockRealtimeKit();

describe("api.on", () => {
  it("takes the operation's own result type", () => {
    api.on("getMeetingParticipant", { result: fixtures.participant({ name: "Ada" }) });
    api.on("getMeetingParticipants", { result: [fixtures.participant()] });
    // @ts-expect-error a result of another operation's shape
    api.on("getMeetingParticipant", { result: [fixtures.participant()] });
    // @ts-expect-error a field the result does not have
    api.on("getMeetingParticipant", { result: { ...fixtures.participant(), nickname: "Ada" } });
    // @ts-expect-error a field of the wrong type
    api.on("getMeetingParticipant", { result: { ...fixtures.participant(), name: 42 } });
  });

  it("takes a status with an envelope, or a network error, once or always", () => {
    api.on("addParticipant", { status: 404, error: "realtimekit", once: true });
    api.on("addParticipant", { status: 403, error: "cloudflare", code: 9109, delayMs: 10 });
    api.on("addParticipant", { status: 400, error: { success: false, error: { code: 400, message: "bad" } } });
    api.on("addParticipant", { networkError: true });
    // @ts-expect-error an envelope name that does not exist
    api.on("addParticipant", { status: 404, error: "graphql" });
    // @ts-expect-error a result and an error at once
    api.on("getMeetingParticipant", { status: 404, error: "realtimekit", result: fixtures.participant() });
    // @ts-expect-error an error without its status
    api.on("addParticipant", { error: "realtimekit" });
  });

  it("refuses a name that is not an operation", () => {
    // @ts-expect-error no such operation
    api.on("getParticipant", { networkError: true });
    // @ts-expect-error no such operation
    api.calls("fetchMeetings");
  });
});

describe("api.calls", () => {
  it("types each call by its operation", () => {
    const [call] = api.calls("addParticipant");
    expectTypeOf(call).toEqualTypeOf<RecordedCall<"addParticipant"> | undefined>();
    expectTypeOf(call!.body).toEqualTypeOf<RealtimeKitOperations["addParticipant"]["params"]["body"] | undefined>();
    expectTypeOf(call!.params.meeting_id).toEqualTypeOf<string | undefined>();
    expectTypeOf(call!.headers).toEqualTypeOf<Record<string, string>>();
  });
});

describe("fixtures", () => {
  it("are typed from the types package and take the fields to set", () => {
    expectTypeOf(fixtures.participant({ name: "Ada" })).toEqualTypeOf<Participant>();
    // @ts-expect-error a field of the wrong type
    fixtures.participant({ name: 42 });
    // @ts-expect-error no such schema
    fixtures.participants();
  });
});
