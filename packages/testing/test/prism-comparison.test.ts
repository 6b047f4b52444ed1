// The kit against the real thing: the same calls, through our client (or plain fetch where our client would
// refuse to send them), to the kit and to Prism serving the spec must give the same statuses and answers of the
// same shape.
import { RealtimeKitApiError } from "@realtimekit-api/client";
import { type PrismMock, startPrismMock } from "@realtimekit-api/test-servers/prism";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OPERATION_NAMES, operationSpec, validArguments } from "./support/arguments.ts";
import { kitClient, TOKEN } from "./support/client.ts";
import { mockRealtimeKit } from "./support/kit.ts";

const KIT_URL = "https://kit.example.test/client/v4";
const api = mockRealtimeKit({ baseUrl: KIT_URL });
// Prism is on 127.0.0.1 and must be reached for real; anything else unhandled is an error.
const server = setupServer(...api.handlers);
let prism: PrismMock;

beforeAll(async () => {
  server.listen({
    onUnhandledRequest: (request, print) => {
      if (new URL(request.url).hostname !== "127.0.0.1") print.error();
    },
  });
  prism = await startPrismMock();
}, 60_000);
afterAll(async () => {
  server.close();
  await prism?.stop();
});

/**
 * A value's shape: its JSON type, an object's keys with their shapes, an array's first element's shape.
 * Values differ between the two (Prism fills strings with "string", the kit generates them); shapes must not.
 */
function shape(value: unknown): unknown {
  if (value === null) return "null";
  if (Array.isArray(value)) return value.length ? [shape(value[0])] : [];
  if (typeof value === "object") {
    return Object.fromEntries(
      Object.keys(value as object)
        .sort()
        .map((key) => [key, shape((value as any)[key])]),
    );
  }
  return typeof value === "number" ? "number" : typeof value;
}

/** Shapes compared with an empty array standing for any array: a generated list may hold no element. */
function sameShape(kit: unknown, real: unknown): boolean {
  if (Array.isArray(kit) && Array.isArray(real)) return !kit.length || !real.length || sameShape(kit[0], real[0]);
  if (kit && real && typeof kit === "object" && typeof real === "object") {
    const keys = Object.keys(kit);
    return (
      keys.length === Object.keys(real).length &&
      keys.every((key) => key in real && sameShape((kit as any)[key], (real as any)[key]))
    );
  }
  return kit === real;
}

/** Where two shapes differ, as JSON pointers with both sides: the failure message. */
function shapeDifference(kit: any, real: any, pointer = ""): string[] {
  if (sameShape(kit, real)) return [];
  if (Array.isArray(kit) && Array.isArray(real)) return shapeDifference(kit[0], real[0], `${pointer}/0`);
  if (kit && real && typeof kit === "object" && typeof real === "object") {
    return [...new Set([...Object.keys(kit), ...Object.keys(real)])].flatMap((key) =>
      shapeDifference(kit[key], real[key], `${pointer}/${key}`),
    );
  }
  return [`${pointer}: kit ${JSON.stringify(kit)}, Prism ${JSON.stringify(real)}`];
}

type Outcome = { status: number; shape: unknown };

async function outcome(call: Promise<unknown>): Promise<Outcome> {
  try {
    return { status: 200, shape: shape(await call) };
  } catch (error) {
    if (error instanceof RealtimeKitApiError) return { status: error.status, shape: "error" };
    throw error;
  }
}

describe("the kit and Prism, through our client", () => {
  it.each(OPERATION_NAMES)("%s: same status, same shape of result", async (name) => {
    const args = validArguments(name);
    const call = (baseUrl: string) => (kitClient({ baseUrl }) as any)[name](args) as Promise<unknown>;
    const [kit, real] = await Promise.all([outcome(call(KIT_URL)), outcome(call(prism.baseUrl))]);
    expect(kit.status).toBe(real.status);
    expect(sameShape(kit.shape, real.shape), shapeDifference(kit.shape, real.shape).join("\n")).toBe(true);
  });
});

describe("the kit and Prism, for requests our client would refuse", () => {
  const ACCOUNT = "023e105f4ecef8ad9ca31a8372d0c353";
  const APP = "5c0b2d6e-8f3a-4e1b-9c7d-2a4f6e8b0c1d";
  const MEETING = "550e8400-e29b-41d4-a716-446655440000";
  const auth = { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" };
  const both = async (path: string, init: RequestInit = {}) => {
    const [kit, real] = await Promise.all(
      [KIT_URL, prism.baseUrl].map(async (base) => {
        const response = await fetch(`${base}/accounts/${ACCOUNT}/realtime/kit/${APP}${path}`, init);
        return { status: response.status, type: response.headers.get("content-type"), body: await response.json() };
      }),
    );
    return { kit: kit!, real: real! };
  };
  const violations = (body: any) =>
    body.validation
      .map(({ location, code }: any) => ({ location, code }))
      .sort((a: any, b: any) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

  it("no token: the same 401 and body", async () => {
    const { kit, real } = await both(`/meetings/${MEETING}/participants/p1`);
    expect(kit.status).toBe(401);
    expect(kit.status).toBe(real.status);
    expect(kit.body).toEqual(real.body);
  });

  it("a malformed uuid: the same 422 problem+json and violations", async () => {
    const { kit, real } = await both("/meetings/not-a-uuid/participants/p1", { headers: auth });
    expect(kit.status).toBe(422);
    expect(kit.status).toBe(real.status);
    expect(kit.type).toBe(real.type);
    expect(kit.body).toEqual(real.body);
  });

  it("a body missing required fields: the same 422 and violations", async () => {
    const init = { method: "POST", headers: auth, body: JSON.stringify({ name: "Ada" }) };
    const { kit, real } = await both(`/meetings/${MEETING}/participants`, init);
    expect(kit.status).toBe(422);
    expect(kit.status).toBe(real.status);
    expect(violations(kit.body)).toEqual(violations(real.body));
  });

  it("a query parameter of the wrong type: the same 422 and violations", async () => {
    const { kit, real } = await both(`/meetings/${MEETING}/participants?per_page=lots`, { headers: auth });
    expect(kit.status).toBe(422);
    expect(kit.status).toBe(real.status);
    expect(violations(kit.body)).toEqual(violations(real.body));
  });
});

describe("error envelopes: the kit's overrides and the answers the spec declares", () => {
  // Prism answers a declared status on request (`Prefer: code=…`) with that response's documented body.
  it.each([
    [404, "cloudflare"],
    [500, "realtimekit"],
  ] as const)("%i in the %s envelope: the same status and body shape as Prism's", async (status, error) => {
    const args = validArguments("getMeetingParticipant");
    const path = operationSpec("getMeetingParticipant").path.replace(/\{([^}]+)\}/g, (_, key) =>
      encodeURIComponent(String(args[key])),
    );
    api.on("getMeetingParticipant", { status, error, once: true });
    // Plain fetch: the bodies themselves are compared, which our client turns into an error.
    const answer = async (baseUrl: string, headers: Record<string, string>) => {
      const response = await fetch(`${baseUrl}${path}`, { headers: { authorization: `Bearer ${TOKEN}`, ...headers } });
      return { status: response.status, body: await response.json() };
    };
    const [kit, real] = await Promise.all([answer(KIT_URL, {}), answer(prism.baseUrl, { prefer: `code=${status}` })]);
    expect(kit.status).toBe(status);
    expect(real.status).toBe(status);
    expect(kit.body.success).toBe(false);
    expect(shapeDifference(shape(kit.body), shape(real.body))).toEqual([]);
  });
});

describe("the spec's examples", () => {
  it.each(
    OPERATION_NAMES.filter(
      (name) => operationSpec(name).example !== undefined && operationSpec(name).httpMethod === "GET",
    ),
  )("%s: the kit answers the same documented example as Prism", async (name) => {
    const args = validArguments(name);
    const call = (baseUrl: string) => (kitClient({ baseUrl }) as any)[name](args) as Promise<unknown>;
    const [kit, real] = await Promise.all([call(KIT_URL), call(prism.baseUrl)]);
    expect(kit).toEqual(real);
  });
});
