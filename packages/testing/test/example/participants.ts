// A consumer's own code, the code under test in the README's example: it greets a meeting's participant.
import { createRealtimeKitClient, RealtimeKitApiError } from "@realtimekit-api/client";

const client = createRealtimeKitClient({
  apiToken: "test-token",
  // Looked up on each call, so MSW's patched fetch is used even though this client is created at import.
  fetch: (url, init) => fetch(url, init),
});

export async function greeting(ids: {
  account_id: string;
  app_id: string;
  meeting_id: string;
  participant_id: string;
}) {
  try {
    const participant = await client.getMeetingParticipant(ids);
    return `Welcome, ${participant.name ?? "guest"}!`;
  } catch (error) {
    if (error instanceof RealtimeKitApiError && error.status === 404) return "No such participant.";
    throw error;
  }
}
