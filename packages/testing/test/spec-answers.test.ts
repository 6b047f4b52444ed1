// Every operation, called through our client with response validation on, answers what the spec promises.
import { describe, expect, it } from "vitest";
import { OPERATION_NAMES, operationSpec, validArguments } from "./support/arguments.ts";
import { kitClient } from "./support/client.ts";
import { mockRealtimeKit } from "./support/kit.ts";
import { useMswServer } from "./support/msw-server.ts";

const api = mockRealtimeKit();
const server = useMswServer(api.handlers, () => api.reset());
const client = kitClient({ validateResponses: true });

describe("the spec's answers", () => {
  it.each(OPERATION_NAMES)("%s resolves to an answer the spec's schema accepts", async (name) => {
    const call = (client as any)[name] as (params: unknown) => Promise<unknown>;
    await expect(call(validArguments(name))).resolves.toBeDefined();
    expect(api.calls(name)).toHaveLength(1);
  });

  it("answers the documented example where the spec has one", async () => {
    const example = operationSpec("getMeetingParticipant").example as { data: unknown };
    expect(example).toBeDefined();
    await expect(client.getMeetingParticipant(validArguments("getMeetingParticipant") as any)).resolves.toEqual(
      example.data,
    );
  });

  it("generates the same data for the same seed, and other data for another seed", async () => {
    const name = OPERATION_NAMES.find(
      (candidate) =>
        operationSpec(candidate).example === undefined &&
        !operationSpec(candidate).paged &&
        operationSpec(candidate).httpMethod === "GET",
    )!;
    const args = validArguments(name);
    const fetchWith = async (seed: number) => {
      const other = mockRealtimeKit({ seed, baseUrl: `https://seed-${seed}.example.test/client/v4` });
      // Handlers added for this test only, in front of the file's own; reset after it by useMswServer.
      server.use(...other.handlers);
      const seeded = kitClient({ baseUrl: `https://seed-${seed}.example.test/client/v4` });
      return (seeded as any)[name](args);
    };
    expect(await fetchWith(5)).toEqual(await fetchWith(5));
    expect(await fetchWith(5)).not.toEqual(await fetchWith(6));
  });
});
