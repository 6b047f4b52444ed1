// Requests are checked against the spec's parameter rules (from the generated table) before anything is sent,
// and options are checked when the client is made.
import { afterEach, describe, expect, it, vi } from "vitest";
import { operations, paging as pagingNames } from "../src/generated/operations.ts";
import {
  addParticipant,
  createRealtimeKit,
  createRealtimeKitClient,
  RealtimeKitValidationError,
  requestBodySchemas,
} from "../src/index.ts";
import type { OperationTable } from "../src/operation-table.ts";
import { checkPathValues, fillPath } from "../src/path-segments.ts";
import { queryString } from "../src/query-string.ts";
import { jsonBody } from "../src/request-body.ts";
import { json, recordingFetch, TOKEN, validParams } from "./helpers.ts";
import { successBody } from "./support/participant.ts";
import { parametersOf, validArguments } from "./support/valid-arguments.ts";

/** The operation's query parameters, in the spec's order, as the spec the types package ships declares them. */
const queryNames = (name: string) => parametersOf(name).flatMap((p) => (p.in === "query" ? [p.name] : []));

const recorded = () => {
  const { fetch, requests } = recordingFetch(() => json(successBody()));
  return { client: createRealtimeKitClient({ apiToken: TOKEN, baseUrl: "http://127.0.0.1:9", fetch }), requests };
};

describe("path parameters", () => {
  it.each<[string, unknown, string, string]>([
    ["meeting_id", "not-a-uuid", "format", 'Invalid meeting_id: must be a valid "uuid" (rule: format)'],
    [
      "account_id",
      "a".repeat(33),
      "maxLength",
      "Invalid account_id: must have at most 32 characters (rule: maxLength)",
    ],
    ["participant_id", 42, "type", "Invalid participant_id: must be string, not integer (rule: type)"],
    ["participant_id", null, "type", "Invalid participant_id: must be string, not null (rule: type)"],
    ["participant_id", undefined, "required", "Invalid participant_id: is required (rule: required)"],
    [
      "participant_id",
      "",
      "pathSegment",
      'Invalid participant_id: must be one non-empty path segment, not "" (rule: pathSegment)',
    ],
    [
      "participant_id",
      ".",
      "pathSegment",
      'Invalid participant_id: must be one non-empty path segment, not "." (rule: pathSegment)',
    ],
    [
      "participant_id",
      "..",
      "pathSegment",
      'Invalid participant_id: must be one non-empty path segment, not ".." (rule: pathSegment)',
    ],
    [
      "participant_id",
      "a\uD800",
      "pathSegment",
      "Invalid participant_id: must not hold a lone surrogate (rule: pathSegment)",
    ],
  ])("%s = %j → RealtimeKitValidationError (%s), nothing sent", async (field, value, rule, message) => {
    const { client, requests } = recorded();
    const error = await client.getMeetingParticipant({ ...validParams(), [field]: value } as never).catch((e) => e);
    expect(error).toBeInstanceOf(RealtimeKitValidationError);
    expect(error).toMatchObject({ field, rule, message });
    expect(requests).toHaveLength(0);
  });

  it("parameters that are not an object at all", async () => {
    const { client } = recorded();
    await expect(client.getMeetingParticipant(undefined as never)).rejects.toMatchObject({
      field: "params",
      rule: "type",
    });
  });

  it("an app id is a 36-character UUID, as Cloudflare issues them (upstream's 32-character cap is corrected)", async () => {
    const { client, requests } = recorded();
    await client.getMeetingParticipant({ ...validParams(), app_id: "14a396e7-ca44-4937-bf1f-050a69118543" });
    expect(requests).toHaveLength(1);
  });

  it("a meeting id in upper case is still a uuid", async () => {
    const { client, requests } = recorded();
    await client.getMeetingParticipant({ ...validParams(), meeting_id: "550E8400-E29B-41D4-A716-446655440000" });
    expect(requests).toHaveLength(1);
  });

  it("a valid call reaches fetch as (url, { method: GET, headers, redirect: manual, signal })", async () => {
    const { fetch, calls } = recordingFetch(() => json(successBody()));
    const client = createRealtimeKitClient({
      apiToken: TOKEN,
      baseUrl: "http://127.0.0.1:9/v4",
      fetch,
      headers: { "x-team": "media" },
    });
    await client.getMeetingParticipant(validParams());
    expect(calls).toHaveLength(1);
    const { url, init } = calls[0]!;
    expect(typeof url).toBe("string");
    expect(url).toBe(
      "http://127.0.0.1:9/v4/accounts/023e105f4ecef8ad9ca31a8372d0c353/realtime/kit/my-app/meetings/550e8400-e29b-41d4-a716-446655440000/participants/participant-1",
    );
    expect(Object.keys(init).sort()).toEqual(["headers", "method", "redirect", "signal"]);
    expect(init).toMatchObject({ method: "GET", redirect: "manual" });
    expect(init.signal).toBeInstanceOf(AbortSignal);
    expect(init.signal!.aborted).toBe(false);
    expect(Object.fromEntries(new Headers(init.headers))).toEqual({
      authorization: `Bearer ${TOKEN}`,
      "user-agent": expect.stringMatching(/^@realtimekit-api\/client\//),
      "x-team": "media",
    });
  });

  it("an operation with a body sends it as JSON, with its content type; one without sends neither", async () => {
    const { fetch, calls } = recordingFetch((request) =>
      request.method === "POST" ? json({ success: true, data: { id: "p" } }, 201) : json({ success: true, data: [] }),
    );
    const client = createRealtimeKitClient({ apiToken: TOKEN, baseUrl: "http://127.0.0.1:9", fetch });
    const args = validArguments("addParticipant") as Parameters<typeof client.addParticipant>[0];
    await client.addParticipant(args);
    const { init } = calls[0]!;
    expect(init.method).toBe("POST");
    expect(init.body).toBe(JSON.stringify(args.body));
    expect(new Headers(init.headers).get("content-type")).toBe("application/json");
    expect(await calls[0]!.request.json()).toEqual(args.body);

    const list = validArguments("getMeetingParticipants") as Parameters<typeof client.getMeetingParticipants>[0];
    await client.getMeetingParticipants({ ...list, page_no: 2 });
    const { init: listInit, url } = calls[1]!;
    expect(Object.keys(listInit).sort()).toEqual(["headers", "method", "redirect", "signal"]);
    expect(new Headers(listInit.headers).has("content-type")).toBe(false);
    expect(new URL(url).searchParams.get("page_no")).toBe("2");
  });

  it("per-call headers reach fetch merged with the client's, whatever their case, and never replacing the credential", async () => {
    const { fetch, calls } = recordingFetch(() => json(successBody()));
    const client = createRealtimeKitClient({
      apiToken: TOKEN,
      baseUrl: "http://127.0.0.1:9",
      fetch,
      headers: { "X-Team": "media", "x-keep": "1" },
    });
    await client.getMeetingParticipant(validParams(), {
      headers: { "x-team": "audio", "x-request": "42", Authorization: "Bearer call" },
    });
    expect(Object.fromEntries(new Headers(calls[0]!.init.headers))).toEqual({
      authorization: `Bearer ${TOKEN}`,
      "user-agent": expect.any(String),
      "x-team": "audio",
      "x-keep": "1",
      "x-request": "42",
    });
  });

  it("a User-Agent of the client's replaces the package's, however it is spelled", async () => {
    const { fetch, calls } = recordingFetch(() => json(successBody()));
    const client = createRealtimeKitClient({
      apiToken: TOKEN,
      baseUrl: "http://127.0.0.1:9",
      fetch,
      headers: { "User-Agent": "my-app/1" },
    });
    await client.getMeetingParticipant(validParams());
    expect(new Headers(calls[0]!.init.headers).get("user-agent")).toBe("my-app/1");
  });

  it("each request gets its own headers: a fetch that edits them changes no later request", async () => {
    const seen: Array<Record<string, string>> = [];
    const client = createRealtimeKitClient({
      apiToken: TOKEN,
      baseUrl: "http://127.0.0.1:9",
      fetch: async (_url, init) => {
        const headers = init.headers as Record<string, string>;
        seen.push({ ...headers });
        delete headers.authorization;
        headers["x-added"] = "1";
        return json(successBody());
      },
    });
    await client.getMeetingParticipant(validParams());
    await client.getMeetingParticipant(validParams(), { headers: { "x-call": "1" } });
    await client.getMeetingParticipant(validParams(), { headers: { "x-call": "1" } });
    expect(seen.map((headers) => headers.authorization)).toEqual([
      `Bearer ${TOKEN}`,
      `Bearer ${TOKEN}`,
      `Bearer ${TOKEN}`,
    ]);
    expect(seen.some((headers) => "x-added" in headers)).toBe(false);
  });

  it("reserved characters stay inside their segment", async () => {
    const { client, requests } = recorded();
    await client.getMeetingParticipant({ ...validParams(), participant_id: "a/b?c#d%e f" });
    expect(new URL(requests[0]!.url).pathname.split("/").at(-1)).toBe("a%2Fb%3Fc%23d%25e%20f");
  });
});

describe("request bodies", () => {
  const table = operations.addParticipant;
  const bodySchema = requestBodySchemas.schemas[`${table.method} ${table.path}`]!;
  // A body property the spec types as a string, sent as a number.
  const [property] = Object.entries(bodySchema.properties!).find(([, schema]) => schema.type === "string")!;
  const args = validArguments("addParticipant") as { body: Record<string, unknown> };
  const badArgs = { ...args, body: { ...args.body, [property]: 7 } };
  const sending = () => recordingFetch(() => json({ success: true, data: { id: "p" } }, table.successStatus));

  it("are checked by the client before sending, the field named by its pointer", async () => {
    const { fetch, requests } = sending();
    const client = createRealtimeKitClient({ apiToken: TOKEN, baseUrl: "http://127.0.0.1:9", fetch });
    const error = await client.addParticipant(badArgs as never).catch((e) => e);
    expect(error).toBeInstanceOf(RealtimeKitValidationError);
    expect(error).toMatchObject({ field: `body/${property}`, rule: "type" });
    expect(error.message).toBe(`Invalid body/${property}: must be string, not integer (rule: type)`);
    expect(requests).toHaveLength(0);
  });

  it("are checked by a function given requestBodySchemas, and sent unchecked without them", async () => {
    const { fetch, requests } = sending();
    const options = { apiToken: TOKEN, baseUrl: "http://127.0.0.1:9", fetch };
    const checked = createRealtimeKit({ ...options, validateBodies: requestBodySchemas });
    await expect(addParticipant(checked, badArgs as never)).rejects.toMatchObject({ field: `body/${property}` });
    expect(requests).toHaveLength(0);
    await addParticipant(createRealtimeKit(options), badArgs as never);
    await addParticipant(createRealtimeKit({ ...options, validateBodies: false }), badArgs as never);
    expect(requests).toHaveLength(2);
  });

  it("an optional body left out is not checked against its schema", async () => {
    const { fetch, requests } = sending();
    const optional: OperationTable = { ...table, path: "/things", parametersSchema: { type: "object" } };
    const schemas = { [`${table.method} /things`]: { type: "object", required: ["name"] } };
    const realtimeKit = createRealtimeKit({
      apiToken: TOKEN,
      baseUrl: "http://127.0.0.1:9",
      fetch,
      validateBodies: { rules: requestBodySchemas.rules, schemas },
    });
    await realtimeKit.call(optional, {});
    expect(requests).toHaveLength(1);
    await expect(realtimeKit.call(optional, { body: {} })).rejects.toMatchObject({ field: "body/name" });
  });

  it("createRealtimeKit refuses `validateBodies: true`, which would check nothing there", () => {
    expect(() => createRealtimeKit({ apiToken: TOKEN, validateBodies: true as never })).toThrow(
      "Invalid validateBodies: must be the requestBodySchemas export, or false (rule: type)",
    );
    expect(() => createRealtimeKit({ apiToken: TOKEN, validateBodies: true as never })).toThrow(
      RealtimeKitValidationError,
    );
  });
});

describe("options", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("the token defaults to CLOUDFLARE_API_TOKEN", async () => {
    vi.stubEnv("CLOUDFLARE_API_TOKEN", "from-env-token");
    const { fetch, requests } = recordingFetch(() => json(successBody()));
    await createRealtimeKitClient({ baseUrl: "http://127.0.0.1:9", fetch }).getMeetingParticipant(validParams());
    expect(requests[0]!.headers.get("authorization")).toBe("Bearer from-env-token");
  });

  it("no token at all is refused", () => {
    vi.stubEnv("CLOUDFLARE_API_TOKEN", "");
    expect(() => createRealtimeKitClient()).toThrow(
      expect.objectContaining({
        name: "RealtimeKitValidationError",
        field: "apiToken",
        rule: "required",
        message: "Invalid apiToken: pass `apiToken` or set CLOUDFLARE_API_TOKEN (rule: required)",
      }),
    );
  });

  it("a token that is not a string counts as none", () => {
    vi.stubEnv("CLOUDFLARE_API_TOKEN", "");
    expect(() => createRealtimeKitClient({ apiToken: 42 as never })).toThrow(
      expect.objectContaining({ field: "apiToken", rule: "required" }),
    );
  });

  it("a token with a space inside is refused, saying why", () => {
    expect(() => createRealtimeKitClient({ apiToken: "two words" })).toThrow(
      expect.objectContaining({
        field: "apiToken",
        rule: "format",
        message: "Invalid apiToken: must be printable ASCII without spaces (rule: format)",
      }),
    );
  });

  it.each([
    ["no process at all (browsers)", undefined],
    ["a process without env (some bundlers' shims)", {}],
  ])("with %s, a missing token is refused as missing", (_, stand) => {
    const { process } = globalThis;
    // Swapped only for the synchronous call below; nothing else runs meanwhile.
    Object.assign(globalThis, { process: stand });
    let thrown: unknown;
    try {
      createRealtimeKitClient();
    } catch (error) {
      thrown = error;
    } finally {
      Object.assign(globalThis, { process });
    }
    expect(thrown).toMatchObject({ name: "RealtimeKitValidationError", field: "apiToken", rule: "required" });
  });

  it.each<[string, Record<string, unknown>, string]>([
    ["maxRetries", { maxRetries: -1 }, "must be a whole number ≥ 0"],
    ["maxRetries", { maxRetries: 1.5 }, "must be a whole number ≥ 0"],
    ["timeoutMs", { timeoutMs: Number.NaN }, "must be a number ≥ 0"],
    ["deadlineMs", { deadlineMs: -5 }, "must be a number ≥ 0"],
    ["maxResponseBytes", { maxResponseBytes: -1 }, "must be a number ≥ 0"],
    // A NaN wait would otherwise reach the timers.
    ["initialDelayMs", { backoff: { initialDelayMs: Number.NaN } }, "must be a number ≥ 0"],
    ["maxDelayMs", { backoff: { maxDelayMs: -1 } }, "must be a number ≥ 0"],
  ])("client option %s %j is refused", (field, options, message) => {
    expect(() => createRealtimeKitClient({ apiToken: TOKEN, ...options })).toThrow(
      expect.objectContaining({
        name: "RealtimeKitValidationError",
        field,
        rule: "minimum",
        message: `Invalid ${field}: ${message} (rule: minimum)`,
      }),
    );
  });

  it.each([
    ["a line break in a value", { "x-team": "a\r\nx-injected: 1" }],
    ["a space in a name", { "bad name": "1" }],
  ])("client headers with %s are refused, naming the option", (_, headers) => {
    expect(() => createRealtimeKitClient({ apiToken: TOKEN, headers })).toThrow(
      expect.objectContaining({
        name: "RealtimeKitValidationError",
        field: "headers",
        rule: "format",
        message: "Invalid headers: must be valid header names and values (rule: format)",
      }),
    );
  });

  it("a call's headers with a line break are refused before anything is sent, and not retried", async () => {
    const { client, requests } = recorded();
    await expect(client.getMeetingParticipant(validParams(), { headers: { "x-trace": "1\n2" } })).rejects.toMatchObject(
      {
        name: "RealtimeKitValidationError",
        field: "headers",
      },
    );
    expect(requests).toHaveLength(0);
  });

  it("a call's own limits are checked too, before anything is sent", async () => {
    const { client, requests } = recorded();
    await expect(client.getMeetingParticipant(validParams(), { maxRetries: -1 })).rejects.toMatchObject({
      field: "maxRetries",
    });
    expect(requests).toHaveLength(0);
  });

  it("the default server is the spec's", () => {
    const { fetch, requests } = recordingFetch(() => json(successBody()));
    return createRealtimeKitClient({ apiToken: TOKEN, fetch })
      .getMeetingParticipant(validParams())
      .then(() => expect(requests[0]!.url).toMatch(/^https:\/\/api\.cloudflare\.com\/client\/v4\/accounts\//));
  });

  it("a base URL with a trailing slash or a path keeps exactly one slash before the operation's path", async () => {
    const { fetch, requests } = recordingFetch(() => json(successBody()));
    await createRealtimeKitClient({
      apiToken: TOKEN,
      baseUrl: "http://127.0.0.1:9/proxy/v4/",
      fetch,
    }).getMeetingParticipant(validParams());
    expect(new URL(requests[0]!.url).pathname).toMatch(/^\/proxy\/v4\/accounts\/023e/);
  });
});

describe("query strings", () => {
  const answered = () => recordingFetch(() => json({ success: true, data: [] }));

  it("a comma-separated array (the spec's explode: false) is one value; values go in the spec's order", async () => {
    // The operation and parameter come from the generated tables, the values from the parameter's own enum.
    const [name, table] = Object.entries(operations).find(([, t]) => t.commaSeparated?.length)!;
    const parameter = table.commaSeparated![0]!;
    const values = table.parametersSchema.properties![parameter]!.items!.enum!.slice(0, 2) as string[];
    const { fetch, calls } = answered();
    const realtimeKit = createRealtimeKit({ apiToken: TOKEN, baseUrl: "http://127.0.0.1:9", fetch });
    // Given with the array first and, for a paged list, the paging parameters after it in reverse.
    const paging = table.paged ? { [pagingNames.perPage]: 5, [pagingNames.page]: 2 } : {};
    await realtimeKit.call(table, { [parameter]: values, ...paging, ...validArguments(name) });
    const sent = new URL(calls[0]!.url).searchParams;
    expect(sent.getAll(parameter)).toEqual([values.join(",")]);
    const query = queryNames(name);
    expect([...sent.keys()]).toEqual(query.filter((name) => sent.has(name)));
    expect(sent.size).toBe(1 + Object.keys(paging).length + query.filter((q) => q in validArguments(name)).length);
  });

  it("an operation with query parameters, given none, sends no query string", async () => {
    const { fetch, calls } = answered();
    const realtimeKit = createRealtimeKit({ apiToken: TOKEN, baseUrl: "http://127.0.0.1:9", fetch });
    // Every operation with query parameters, none of them required, called with its required arguments only.
    const names = (Object.keys(operations) as Array<keyof typeof operations>).filter(
      (name) => queryNames(name).length > 0 && queryNames(name).every((query) => !(query in validArguments(name))),
    );
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) await realtimeKit.call(operations[name], validArguments(name));
    expect(calls.map((call) => call.url)).toEqual(
      names.map((name) => `http://127.0.0.1:9${fillPath(operations[name].path, validArguments(name))}`),
    );
  });

  it("an exploded array is one name=value each; a value left undefined is left out", async () => {
    // No operation of today's spec has an exploded array: a table as the generator writes one for it.
    const table: OperationTable = {
      method: "GET",
      path: "/things",
      parametersSchema: { type: "object", properties: { tag: {}, absent: {}, limit: {} } },
      successStatus: 200,
      resultProperty: "data",
      rules: {},
      writeQuery: queryString,
    };
    const { fetch, calls } = answered();
    const realtimeKit = createRealtimeKit({ apiToken: TOKEN, baseUrl: "http://127.0.0.1:9", fetch });
    await realtimeKit.call(table, { tag: ["a b", "c"], absent: undefined, limit: 3 });
    expect(new URL(calls[0]!.url).search).toBe("?tag=a+b&tag=c&limit=3");
  });
});

describe("fillPath and checkPathValues", () => {
  it("fills each placeholder with its value; checkPathValues refuses a missing one even with no values at all", () => {
    expect(fillPath("/a/{first}/b/{second}", { first: "1", second: "x y" })).toBe("/a/1/b/x%20y");
    const check = (values: Record<string, unknown> | undefined) => checkPathValues("/a/{first}/b/{second}", values);
    expect(() => check({ first: "1", second: "2" })).not.toThrow();
    expect(() => check(undefined)).toThrow(RealtimeKitValidationError);
    expect(() => check(undefined)).toThrow(expect.objectContaining({ field: "first", rule: "required" }));
    expect(() => check({ first: "1", second: 2 })).toThrow(expect.objectContaining({ field: "second", rule: "type" }));
  });
});

describe("what a table brings into a bundle", () => {
  it("a table refers to queryString if its operation has a query parameter, and to jsonBody if it takes a body", () => {
    for (const [name, table] of Object.entries(operations)) {
      const hasQuery = queryNames(name).length > 0;
      const hasBody = requestBodySchemas.schemas[`${table.method} ${table.path}`] !== undefined;
      expect(table.writeQuery, name).toBe(hasQuery ? queryString : undefined);
      expect(table.writeBody, name).toBe(hasBody ? jsonBody : undefined);
    }
  });

  it("a body given to an operation that takes none is not sent", async () => {
    const { fetch, calls } = recordingFetch(() => json(successBody()));
    const realtimeKit = createRealtimeKit({ apiToken: TOKEN, baseUrl: "http://127.0.0.1:9", fetch });
    await realtimeKit.call(operations.getMeetingParticipant, { ...validParams(), body: { name: "x" } });
    expect(calls[0]!.init.body).toBeUndefined();
    expect(calls[0]!.init.headers).not.toHaveProperty("content-type");
  });
});
