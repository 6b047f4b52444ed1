/**
 * Types for Cloudflare RealtimeKit's "Fetch a participant's detail" operation, generated from the spec
 * shipped beside them (`@realtimekit-api/types/openapi.json`).
 *
 * `paths`, `components` and `operations` are openapi-typescript's output; the names below are stable,
 * friendly aliases into it, so consumers don't spell out index chains.
 */
import type { components, operations } from "./generated/openapi.ts";

export type { components, operations, paths, webhooks } from "./generated/openapi.ts";

type GetMeetingParticipant = operations["get_meeting_participant"];

/** A participant of a RealtimeKit meeting. */
export type Participant = components["schemas"]["realtimekit_Participant"];

/** The path parameters of `GET …/meetings/{meeting_id}/participants/{participant_id}`. */
export type GetMeetingParticipantPathParams = GetMeetingParticipant["parameters"]["path"];

/** The body of a successful answer: `{ success, data }`. */
export type GetMeetingParticipantResponse = GetMeetingParticipant["responses"][200]["content"]["application/json"];

/** RealtimeKit's own failure body: `{ success: false, error: { code, message } }`. */
export type RealtimeKitErrorBody = components["schemas"]["realtimekit_GenericErrorResponse"];

/** Cloudflare's v4 failure envelope, answered by the API gateway: `{ success: false, errors, messages, result }`. */
export type CloudflareV4ErrorBody = components["schemas"]["realtimekit-api_V4ErrorResponse"];

/** One entry of `errors` or `messages` in Cloudflare's v4 envelope. */
export type CloudflareV4Message = components["schemas"]["realtimekit-api_V4Message"];

/** Any failure body this operation is documented to answer with. */
export type GetMeetingParticipantErrorBody = RealtimeKitErrorBody | CloudflareV4ErrorBody;
