// The published types say what the spec says, as the compiler sees them (vitest typecheck mode): a type that
// drifts from the spec fails here.
import { describe, expectTypeOf, it } from "vitest";
import type {
  AddParticipantBody,
  AddParticipantParams,
  AddParticipantResult,
  CloudflareV4ErrorBody,
  CreateWebhookErrorBody,
  ErrorBody,
  GetMeetingParticipantErrorBody,
  GetMeetingParticipantPathParams,
  GetMeetingParticipantResponse,
  GetMeetingsItem,
  GetMeetingsParams,
  GetMeetingsQuery,
  GetMeetingsResult,
  Meeting,
  operations,
  Participant,
  paths,
  RealtimeKitErrorBody,
  RealtimeKitOperations,
  RealtimeKitPagedOperation,
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

  it("keeps the participant operation's names as they were", () => {
    expectTypeOf<GetMeetingParticipantErrorBody>().toEqualTypeOf<RealtimeKitErrorBody | CloudflareV4ErrorBody>();
    expectTypeOf<RealtimeKitOperations["getMeetingParticipant"]>().toEqualTypeOf<{
      params: GetMeetingParticipantPathParams;
      response: GetMeetingParticipantResponse;
      result: Participant;
      item: never;
    }>();
  });

  it("makes addParticipant take its three path parameters and a required body", () => {
    expectTypeOf<keyof AddParticipantParams>().toEqualTypeOf<"account_id" | "app_id" | "meeting_id" | "body">();
    expectTypeOf<AddParticipantParams["body"]>().toEqualTypeOf<AddParticipantBody>();
    expectTypeOf<AddParticipantResult["token"]>().toEqualTypeOf<string>();
    const path = { account_id: "a", app_id: "b", meeting_id: "c" };
    const body = { custom_participant_id: "p", preset_name: "host" };
    const whole: AddParticipantParams = { ...path, body };
    // @ts-expect-error the body is required
    const withoutBody: AddParticipantParams = path;
    // @ts-expect-error meeting_id is required
    const withoutMeeting: AddParticipantParams = { account_id: "a", app_id: "b", body };
    void [whole, withoutBody, withoutMeeting];
  });

  it("makes getMeetings' paging parameters optional numbers, flat beside the path parameters", () => {
    expectTypeOf<GetMeetingsParams["page_no"]>().toEqualTypeOf<number | undefined>();
    expectTypeOf<GetMeetingsParams["per_page"]>().toEqualTypeOf<number | undefined>();
    expectTypeOf<{ account_id: string; app_id: string }>().toExtend<GetMeetingsParams>();
    expectTypeOf<GetMeetingsQuery>().toEqualTypeOf<
      NonNullable<operations["get_all_meetings"]["parameters"]["query"]>
    >();
  });

  it("types a page's item as the element of the paged result", () => {
    expectTypeOf<GetMeetingsResult>().toEqualTypeOf<GetMeetingsItem[]>();
    expectTypeOf<GetMeetingsItem>().toEqualTypeOf<Meeting>();
    expectTypeOf<RealtimeKitOperations["getMeetings"]["item"]>().toEqualTypeOf<Meeting>();
  });

  it("gives exactly the paged operations an item type", () => {
    type WithItem = {
      [M in keyof RealtimeKitOperations]: [RealtimeKitOperations[M]["item"]] extends [never] ? never : M;
    }[keyof RealtimeKitOperations];
    expectTypeOf<WithItem>().toEqualTypeOf<RealtimeKitPagedOperation>();
  });

  it("covers every documented failure body with ErrorBody", () => {
    expectTypeOf<RealtimeKitErrorBody>().toExtend<ErrorBody>();
    expectTypeOf<CloudflareV4ErrorBody>().toExtend<ErrorBody>();
    // The webhook operations answer 400 with a schema of their own.
    expectTypeOf<CreateWebhookErrorBody>().toExtend<ErrorBody>();
    expectTypeOf<CreateWebhookErrorBody>().not.toEqualTypeOf<CloudflareV4ErrorBody>();
  });
});
