// `pnpm start`: the main job end to end. turbo has generated and built the packages; this starts Prism's mock
// of the spec, fetches a participant with the built client, prints it, and stops the mock.
import { createRealtimeKitClient } from "@realtimekit-api/client";
import { startPrismMock } from "@realtimekit-api/test-servers/prism";

const mock = await startPrismMock();
try {
  console.log(`Prism mock of openapi/realtimekit.openapi.json listening on ${mock.baseUrl}`);
  // The mock checks that a bearer token is sent, not which one.
  const client = createRealtimeKitClient({ apiToken: "mock-token", baseUrl: mock.baseUrl });
  const participant = await client.getMeetingParticipant({
    account_id: "023e105f4ecef8ad9ca31a8372d0c353",
    app_id: "my-realtimekit-app",
    meeting_id: "550e8400-e29b-41d4-a716-446655440000",
    participant_id: "participant-1",
  });
  console.log("GET …/meetings/{meeting_id}/participants/{participant_id} →");
  console.log(JSON.stringify(participant, null, 2));
} finally {
  await mock.stop();
}
