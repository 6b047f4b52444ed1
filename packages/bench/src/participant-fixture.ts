// The request and the answer every contender exchanges: one participant, valid against the spec's success
// schema, so the client's response validation does its full work rather than bailing out early.

export const ACCOUNT_ID = "023e105f4ecef8ad9ca31a8372d0c353";
export const APP_ID = "my-app";
export const MEETING_ID = "550e8400-e29b-41d4-a716-446655440000";
export const PARTICIPANT_ID = "participant-1";
export const API_TOKEN = "bench-token-not-a-secret";

export const pathParams = {
  account_id: ACCOUNT_ID,
  app_id: APP_ID,
  meeting_id: MEETING_ID,
  participant_id: PARTICIPANT_ID,
} as const;

/** What the server answers, with the RealtimeKit envelope around the participant. */
export const participantBody = {
  success: true,
  data: {
    id: "182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e",
    created_at: "2026-08-14T09:30:00.000Z",
    updated_at: "2026-08-14T09:31:12.345Z",
    custom_participant_id: "participant-1",
    preset_name: "group_call_host",
    name: "Ada Lovelace",
    picture: "https://example.com/ada.png",
  },
};

export const participantBodyText = JSON.stringify(participantBody);

export const responseHeaders = {
  "content-type": "application/json; charset=utf-8",
  "cf-ray": "8f1c2d3e4a5b6c7d-LHR",
} as const;

/** The URL path the server expects; anything else is answered 404 so a contender that calls the wrong URL fails. */
export const expectedPath = `/client/v4/accounts/${ACCOUNT_ID}/realtime/kit/${APP_ID}/meetings/${MEETING_ID}/participants/${PARTICIPANT_ID}`;
