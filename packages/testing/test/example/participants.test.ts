import { fixtures, mockRealtimeKit } from "@realtimekit-api/testing";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import { greeting } from "./participants.ts";

const api = mockRealtimeKit();
const server = setupServer(...api.handlers);

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => api.reset());
afterAll(() => server.close());

const ids = {
  account_id: "023e105f4ecef8ad9ca31a8372d0c353",
  app_id: "5c0b2d6e-8f3a-4e1b-9c7d-2a4f6e8b0c1d",
  meeting_id: "550e8400-e29b-41d4-a716-446655440000",
  participant_id: "ada",
};

it("greets the participant by name", async () => {
  api.on("getMeetingParticipant", { result: fixtures.participant({ name: "Ada" }) });
  expect(await greeting(ids)).toBe("Welcome, Ada!");
});

it("says so when the participant does not exist", async () => {
  api.on("getMeetingParticipant", { status: 404, error: "realtimekit", message: "Participant not found" });
  expect(await greeting(ids)).toBe("No such participant.");

  const [call] = api.calls("getMeetingParticipant");
  expect(call?.params).toMatchObject({ meeting_id: ids.meeting_id, participant_id: "ada" });
  expect(call?.headers.authorization).toBe("Bearer [redacted]");
});
