// Runs in the page (bundled by esbuild with the built kit, msw/browser and our client): MSW's service worker
// with the kit's handlers, then our client and plain fetch against it. The outcomes end up in window.results.
import { createRealtimeKitClient, RealtimeKitApiError } from "@realtimekit-api/client";
import { setupWorker } from "msw/browser";
import { DEFAULT_BASE_URL, fixtures, mockRealtimeKit } from "../../dist/index.mjs";

// The API's own origin, across origins from the page as for a web app. Were the worker not to answer, the
// browser could not resolve the host (see chromium.ts) and the page would fail, never reaching it.
const baseUrl = DEFAULT_BASE_URL;
const ids = {
  account_id: "023e105f4ecef8ad9ca31a8372d0c353",
  app_id: "5c0b2d6e-8f3a-4e1b-9c7d-2a4f6e8b0c1d",
  meeting_id: "550e8400-e29b-41d4-a716-446655440000",
  participant_id: "ada",
};
const meetingUrl = `${baseUrl}/accounts/${ids.account_id}/realtime/kit/${ids.app_id}/meetings`;

async function run() {
  const api = mockRealtimeKit();
  await setupWorker(...api.handlers).start({ onUnhandledRequest: "error", quiet: true });
  const client = createRealtimeKitClient({ apiToken: "browser-token-7d2e", maxRetries: 0 });
  const participant = await client.getMeetingParticipant(ids);
  api.on("getMeetingParticipant", { result: fixtures.participant({ name: "Ada" }), once: true });
  const overridden = await client.getMeetingParticipant(ids);
  api.on("getMeetingParticipant", { status: 404, error: "realtimekit", message: "Participant not found" });
  const notFound = await client.getMeetingParticipant(ids).catch((error) => ({
    isApiError: error instanceof RealtimeKitApiError,
    status: error.status,
  }));
  const invalid = await fetch(`${meetingUrl}/not-a-uuid/participants/ada`, {
    headers: { authorization: "Bearer browser-token-7d2e" },
  });
  const noToken = await fetch(`${meetingUrl}/${ids.meeting_id}/participants/ada`);
  return {
    participantId: participant.id,
    overriddenName: overridden.name,
    notFound,
    invalid: { status: invalid.status, type: invalid.headers.get("content-type"), body: await invalid.json() },
    noToken: { status: noToken.status, body: await noToken.json() },
    calls: api.calls("getMeetingParticipant"),
  };
}

(window as any).results = run().catch((error) => ({ failed: String(error?.stack ?? error) }));
