// The published types say what the spec says, as the compiler sees them (vitest typecheck mode): a type that
// drifts from the spec fails here.
import { describe, expectTypeOf, it } from "vitest";
import type {
  CloudflareV4ErrorBody,
  GetMeetingParticipantPathParams,
  GetMeetingParticipantResponse,
  Participant,
  paths,
  RealtimeKitErrorBody,
} from "../src/index.ts";

describe("@realtimekit-api/types", () => {
  it("types a participant as the spec does: required fields, optional nullable name and picture", () => {
    expectTypeOf<Participant["id"]>().toEqualTypeOf<string>();
    expectTypeOf<Participant["created_at"]>().toEqualTypeOf<string>();
    expectTypeOf<Participant["name"]>().toEqualTypeOf<string | null | undefined>();
    expectTypeOf<Participant["picture"]>().toEqualTypeOf<string | null | undefined>();
    expectTypeOf<GetMeetingParticipantResponse>().toEqualTypeOf<{ data: Participant; success: true }>();
  });

  it("requires all four path parameters as strings", () => {
    expectTypeOf<GetMeetingParticipantPathParams>().toEqualTypeOf<{
      account_id: string;
      app_id: string;
      meeting_id: string;
      participant_id: string;
    }>();
  });

  it("refuses a participant without its required fields", () => {
    // @ts-expect-error id, created_at, updated_at and preset_name are required
    const partial: Participant = { name: "Ada" };
    void partial;
  });

  it("keeps the operation under its spec path and method", () => {
    type Operation =
      paths["/accounts/{account_id}/realtime/kit/{app_id}/meetings/{meeting_id}/participants/{participant_id}"]["get"];
    expectTypeOf<Operation["parameters"]["path"]>().toEqualTypeOf<GetMeetingParticipantPathParams>();
    expectTypeOf<
      Operation["responses"][200]["content"]["application/json"]
    >().toEqualTypeOf<GetMeetingParticipantResponse>();
  });

  it("types both error envelopes", () => {
    expectTypeOf<RealtimeKitErrorBody["error"]>().toEqualTypeOf<{ code: number; message: string }>();
    expectTypeOf<CloudflareV4ErrorBody["success"]>().toEqualTypeOf<false>();
    expectTypeOf<CloudflareV4ErrorBody["errors"][number]["code"]>().toEqualTypeOf<number>();
  });
});
