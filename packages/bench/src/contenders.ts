// The four ways to make the one call, each reduced to `() => Promise<participant>`. Every contender is
// loaded from built code: ours through the package's exports (dist/index.mjs), openapi-fetch and the SDK from
// their published builds. Each is imported only when asked for, so a worker process loads one contender.
import type { paths } from "@realtimekit-api/types";
import { cloudflareEsmEntry } from "./cloudflare-sdk.ts";
import { API_TOKEN, pathParams } from "./participant-fixture.ts";

export const CONTENDERS = ["ours", "openapi-fetch", "raw-fetch", "cloudflare-sdk"] as const;
export type Contender = (typeof CONTENDERS)[number];

export const CONTENDER_LABELS: Record<Contender, string> = {
  ours: "@realtimekit-api/client",
  "openapi-fetch": "bare openapi-fetch GET",
  "raw-fetch": "raw fetch + JSON",
  "cloudflare-sdk": "cloudflare@7.3.0 SDK",
};

export type Call = () => Promise<unknown>;
export type FetchFunction = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

export type ContenderSetup = {
  baseUrl: string;
  fetch: FetchFunction;
  /** A different build of the client (a scratch copy being profiled) instead of the workspace's dist. */
  clientModule?: string | undefined;
};

const PATH_TEMPLATE =
  "/accounts/{account_id}/realtime/kit/{app_id}/meetings/{meeting_id}/participants/{participant_id}" as const;

export async function createCall(contender: Contender, setup: ContenderSetup): Promise<Call> {
  switch (contender) {
    case "ours":
      return createOursCall(setup);
    case "openapi-fetch":
      return createOpenapiFetchCall(setup);
    case "raw-fetch":
      return createRawFetchCall(setup);
    case "cloudflare-sdk":
      return createCloudflareSdkCall(setup);
  }
}

/** Every safety on: request validation (always), response validation, retries and the per-attempt timeout (defaults). */
async function createOursCall({ baseUrl, fetch, clientModule }: ContenderSetup): Promise<Call> {
  const { createRealtimeKitClient } = (await import(
    clientModule ?? "@realtimekit-api/client"
  )) as typeof import("@realtimekit-api/client");
  const client = createRealtimeKitClient({ apiToken: API_TOKEN, baseUrl, fetch, validateResponses: true });
  return () => client.getMeetingParticipant(pathParams);
}

/** openapi-fetch as its README shows it: no validation, no retries, no timeout. */
async function createOpenapiFetchCall({ baseUrl, fetch }: ContenderSetup): Promise<Call> {
  const { default: createClient } = await import("openapi-fetch");
  const client = createClient<paths>({ baseUrl, fetch, headers: { authorization: `Bearer ${API_TOKEN}` } });
  return async () => {
    const { data, error } = await client.GET(PATH_TEMPLATE, { params: { path: pathParams } });
    if (error !== undefined || data === undefined) throw new Error("openapi-fetch: unexpected answer");
    return data.data;
  };
}

/** The floor: a template string, fetch, res.json(). No Request object of its own, no checks beyond `ok`. */
async function createRawFetchCall({ baseUrl, fetch }: ContenderSetup): Promise<Call> {
  const e = encodeURIComponent;
  const { account_id, app_id, meeting_id, participant_id } = pathParams;
  const url =
    `${baseUrl}/accounts/${e(account_id)}/realtime/kit/${e(app_id)}` +
    `/meetings/${e(meeting_id)}/participants/${e(participant_id)}`;
  const headers = { authorization: `Bearer ${API_TOKEN}` };
  return async () => {
    const response = await fetch(url, { headers });
    if (!response.ok) throw new Error(`raw fetch: ${response.status}`);
    return ((await response.json()) as { data: unknown }).data;
  };
}

/** The official SDK with its defaults (2 retries, 60 s timeout), called as its documentation shows. */
async function createCloudflareSdkCall({ baseUrl, fetch }: ContenderSetup): Promise<Call> {
  const { default: Cloudflare } = (await import(cloudflareEsmEntry())) as {
    default: new (options: object) => CloudflareLike;
  };
  const client = new Cloudflare({ apiToken: API_TOKEN, baseURL: baseUrl, fetch });
  const { participant_id, ...rest } = pathParams;
  return async () =>
    ((await client.realtimeKit.meetings.getMeetingParticipant(participant_id, rest)) as { data: unknown }).data;
}

/** The slice of the SDK's type used here; its real types are not installed in the workspace. */
type CloudflareLike = {
  realtimeKit: { meetings: { getMeetingParticipant(participantId: string, params: object): Promise<unknown> } };
};
