// Many calls at once through one client against one keep-alive server: each settles, with its own answer.
import { afterAll, beforeAll, expect, it } from "vitest";
import { createRealtimeKitClient } from "../src/index.ts";
import { TOKEN, validParams, watchUnhandledRejections } from "./helpers.ts";
import { startServer, type TestServer } from "./support/http-server.ts";
import { successJson } from "./support/participant.ts";

const CALLS = 1_200;
const rejections = watchUnhandledRejections();
const failedOnce = new Set<string>();
let server: TestServer;

beforeAll(async () => {
  // Echoes the participant id; every tenth participant is refused once with a 503, so retries run concurrently too.
  server = await startServer((request, response) => {
    const participantId = decodeURIComponent(request.url!.split("/").at(-1)!);
    if (Number(participantId.slice(2)) % 10 === 0 && !failedOnce.has(participantId)) {
      failedOnce.add(participantId);
      response.writeHead(503, { "content-type": "application/json", "retry-after-ms": "1" });
      response.end(JSON.stringify({ success: false, errors: [{ code: 503, message: "busy" }] }));
      return;
    }
    response.writeHead(200, { "content-type": "application/json" });
    response.end(successJson({ custom_participant_id: participantId }));
  });
  server.server.keepAliveTimeout = 30_000;
});
afterAll(async () => {
  await server.close();
  rejections.stop();
  expect(rejections.seen).toEqual([]);
});

it(`${CALLS} concurrent calls all settle, each with its own participant`, async () => {
  const client = createRealtimeKitClient({ apiToken: TOKEN, baseUrl: server.origin, timeoutMs: 30_000 });
  const ids = Array.from({ length: CALLS }, (_, i) => `p-${i}`);
  const outcomes = await Promise.allSettled(
    ids.map((id) => client.getMeetingParticipant({ ...validParams(), participant_id: id })),
  );

  expect(outcomes.filter((o) => o.status === "rejected")).toEqual([]);
  expect(
    outcomes.map((o) => (o as PromiseFulfilledResult<{ custom_participant_id: string }>).value.custom_participant_id),
  ).toEqual(ids);
  expect(server.requests).toHaveLength(CALLS + CALLS / 10);
  // Keep-alive: far fewer connections than requests (undici's pool opens what the burst needs, then reuses them).
  expect(server.connections()).toBeLessThan(server.requests.length);

  // The connections stay open: further calls reuse them instead of connecting again.
  const opened = server.connections();
  for (const id of ids.slice(1, 50)) await client.getMeetingParticipant({ ...validParams(), participant_id: id });
  expect(server.connections()).toBe(opened);
});
