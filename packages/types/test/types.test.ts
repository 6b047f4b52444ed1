// The published types say what the spec says: checked by the compiler (expectTypeOf) and against the
// document shipped as @realtimekit-api/types/openapi.json.
import { readFileSync } from "node:fs";
import { describe, expect, expectTypeOf, it } from "vitest";
import type {
  CloudflareV4ErrorBody,
  GetMeetingParticipantPathParams,
  GetMeetingParticipantResponse,
  Participant,
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

  it("types both error envelopes", () => {
    expectTypeOf<RealtimeKitErrorBody["error"]>().toEqualTypeOf<{ code: number; message: string }>();
    expectTypeOf<CloudflareV4ErrorBody["success"]>().toEqualTypeOf<false>();
    expectTypeOf<CloudflareV4ErrorBody["errors"][number]["code"]>().toEqualTypeOf<number>();
  });

  it("ships the exact spec it was generated from, with its upstream provenance", () => {
    const shipped = readFileSync(new URL("../openapi.json", import.meta.url), "utf8");
    const source = readFileSync(new URL("../../../openapi/realtimekit.openapi.json", import.meta.url), "utf8");
    expect(shipped).toBe(source);
    expect(JSON.parse(shipped).info["x-upstream"]).toMatchObject({
      date: expect.stringMatching(/^\d{4}-\d\d-\d\d$/),
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
  });
});
