// What the client makes of a success status: the payload, or a typed error that says what is wrong and where.
import { describe, expect, it } from "vitest";
import { operations } from "../src/generated/operations.ts";
import {
  createRealtimeKit,
  createRealtimeKitClient,
  getMeetingParticipant,
  type OperationName,
  RealtimeKitApiError,
  RealtimeKitResponseValidationError,
  RealtimeKitValidationError,
  responseSchemas,
} from "../src/index.ts";
import { json, recordingFetch, TOKEN, validParams } from "./helpers.ts";
import { successBody } from "./support/participant.ts";
import { validArguments } from "./support/valid-arguments.ts";

const answering = (response: () => Response, options = {}) =>
  createRealtimeKitClient({
    apiToken: TOKEN,
    baseUrl: "http://127.0.0.1:9",
    fetch: recordingFetch(response).fetch,
    ...options,
  });

/** A JSON answer whose body arrives in the given chunks, one read each. */
const streamed = (chunks: Uint8Array[], init: ResponseInit = {}) =>
  new Response(
    new ReadableStream({
      start(controller) {
        for (const chunk of chunks) controller.enqueue(chunk);
        controller.close();
      },
    }),
    { ...init, headers: { "content-type": "application/json" } },
  );
/** `text` as UTF-8 chunks of `size` characters. */
const chunksOf = (text: string, size: number) =>
  Array.from({ length: Math.ceil(text.length / size) }, (_, i) =>
    new TextEncoder().encode(text.slice(i * size, (i + 1) * size)),
  );

const issuesOf = async (promise: Promise<unknown>) => {
  const error = await promise.catch((e) => e);
  expect(error).toBeInstanceOf(RealtimeKitResponseValidationError);
  return (error as RealtimeKitResponseValidationError).issues;
};

describe("bodies that are not a success envelope", () => {
  it.each([
    [
      "an empty body",
      () => new Response(null, { status: 200, headers: { "content-type": "application/json" } }),
      "body is empty",
    ],
    [
      "whitespace only",
      () => new Response("  \n", { status: 200, headers: { "content-type": "application/json" } }),
      "body is empty",
    ],
    [
      "no content-type",
      () => new Response(JSON.stringify(successBody()), { status: 200, headers: { "content-type": "" } }),
      'not "(none)"',
    ],
    [
      "text/plain",
      () => new Response(JSON.stringify(successBody()), { status: 200, headers: { "content-type": "text/plain" } }),
      'not "text/plain"',
    ],
    [
      "truncated JSON",
      () =>
        new Response('{"success":true,"data":{"id":"18', {
          status: 200,
          headers: { "content-type": "application/json" },
        }),
      "not valid JSON",
    ],
    ["JSON that is not an envelope", () => json([1, 2, 3]), "not a success envelope"],
    ["success: false on a 200", () => json({ success: false, data: successBody().data }), "not a success envelope"],
    ["data that is not an object", () => json({ success: true, data: "x" }), "not a success envelope"],
    ["data that is null", () => json({ success: true, data: null }), "not a success envelope"],
    ["JSON null", () => json(null), "not a success envelope"],
  ])("%s → RealtimeKitResponseValidationError", async (_, response, message) => {
    const issues = await issuesOf(answering(response).getMeetingParticipant(validParams()));
    expect(issues).toEqual([{ pointer: "", message: expect.stringContaining(message) }]);
  });

  it("no content-type at all is named as none", async () => {
    // A byte body gets no content-type of its own, unlike a string's text/plain.
    const bytes = () => new Response(new TextEncoder().encode(JSON.stringify(successBody())), { status: 200 });
    const error = await answering(bytes)
      .getMeetingParticipant(validParams())
      .catch((e) => e);
    expect(error).toBeInstanceOf(RealtimeKitResponseValidationError);
    expect(error.message).toBe('Unexpected 200 response body: / content-type must be JSON, not "(none)"');
  });

  it.each([
    ["not JSON", { "content-type": "text/html" }],
    ["declared larger than the limit", { "content-type": "application/json", "content-length": "9999999999" }],
  ])("a 200 with no body at all, %s, is refused like any other", async (_, headers) => {
    const issues = await issuesOf(
      answering(() => new Response(null, { status: 200, headers })).getMeetingParticipant(validParams()),
    );
    expect(issues).toHaveLength(1);
  });

  it("accepts JSON media types with parameters and +json suffixes", async () => {
    for (const type of ["application/json; charset=utf-8", "application/vnd.cloudflare+json", "APPLICATION/JSON"]) {
      const client = answering(
        () => new Response(JSON.stringify(successBody()), { headers: { "content-type": type } }),
      );
      await expect(client.getMeetingParticipant(validParams())).resolves.toEqual(successBody().data);
    }
  });
});

describe("maxResponseBytes", () => {
  const MIB_4 = 4 * 1024 * 1024;
  /** The success envelope, padded with trailing whitespace (still valid JSON) to exactly `bytes` bytes. */
  const successOfSize = (bytes: number) => {
    const text = JSON.stringify(successBody());
    return text + " ".repeat(bytes - Buffer.byteLength(text));
  };
  const answer =
    (body: string, headers: Record<string, string> = {}) =>
    () =>
      new Response(body, { status: 200, headers: { "content-type": "application/json", ...headers } });

  it("defaults to 4 MiB: a body of exactly that is read", async () => {
    await expect(answering(answer(successOfSize(MIB_4))).getMeetingParticipant(validParams())).resolves.toEqual(
      successBody().data,
    );
  });

  it("defaults to 4 MiB: one byte more is refused", async () => {
    const issues = await issuesOf(answering(answer(successOfSize(MIB_4 + 1))).getMeetingParticipant(validParams()));
    expect(issues).toEqual([{ pointer: "", message: "body is larger than the 4194304-byte limit" }]);
  });

  it("a declared length over the limit is refused; one exactly at it is read", async () => {
    const small = JSON.stringify(successBody());
    const declaring = (length: number) => answer(small, { "content-length": String(length) });
    const limit = { maxResponseBytes: 1_000 };
    const issues = await issuesOf(answering(declaring(1_001), limit).getMeetingParticipant(validParams()));
    expect(issues).toEqual([{ pointer: "", message: "body is larger than the 1000-byte limit" }]);
    await expect(answering(declaring(1_000), limit).getMeetingParticipant(validParams())).resolves.toEqual(
      successBody().data,
    );
  });

  it("a body in many chunks is counted across them", async () => {
    const text = successOfSize(3_000);
    const chunked = (limit: number) => answering(() => streamed(chunksOf(text, 100)), { maxResponseBytes: limit });
    await expect(chunked(3_000).getMeetingParticipant(validParams())).resolves.toEqual(successBody().data);
    const issues = await issuesOf(chunked(2_999).getMeetingParticipant(validParams()));
    expect(issues).toEqual([{ pointer: "", message: "body is larger than the 2999-byte limit" }]);
    // A limit reached exactly at the end of a chunk, with more to come: the rest is still too much.
    const atChunkEnd = await issuesOf(chunked(2_900).getMeetingParticipant(validParams()));
    expect(atChunkEnd).toEqual([{ pointer: "", message: "body is larger than the 2900-byte limit" }]);
  });

  it("a character whose UTF-8 bytes are split between two chunks is read whole", async () => {
    const body = { ...successBody(), data: { ...successBody().data, name: "Zoë Ångström" } };
    const bytes = new TextEncoder().encode(JSON.stringify(body));
    const split = bytes.indexOf(0xc3) + 1; // inside "ë"
    const client = answering(() => streamed([bytes.slice(0, split), bytes.slice(split)]));
    expect((await client.getMeetingParticipant(validParams())).name).toBe("Zoë Ångström");
  });
});

describe("what errors carry", () => {
  it("RealtimeKitApiError keeps the answer's headers, but not as an enumerable field", async () => {
    const error = await answering(() =>
      json({ success: false, errors: [] }, 429, { "retry-after": "7", "cf-ray": "8c1f-AMS" }),
    )
      .getMeetingParticipant(validParams(), { maxRetries: 0 })
      .catch((e) => e);
    expect(error).toBeInstanceOf(RealtimeKitApiError);
    expect(error.headers.get("retry-after")).toBe("7");
    expect(Object.keys(error)).not.toContain("headers");
    expect(Object.getOwnPropertyDescriptor(error, "headers")?.enumerable).toBe(false);
    expect(JSON.stringify(error)).not.toContain("retry-after");
  });

  it.each([
    ["off-schema", () => json({ success: "yes" }, 200, { "cf-ray": "8c1f-AMS" }), { validateResponses: true }],
    [
      "not JSON",
      () => new Response("{", { headers: { "content-type": "application/json", "cf-ray": "8c1f-AMS" } }),
      {},
    ],
  ])("RealtimeKitResponseValidationError's requestId is the answer's cf-ray (%s)", async (_, response, options) => {
    const error = await answering(response, options)
      .getMeetingParticipant(validParams())
      .catch((e) => e);
    expect(error).toBeInstanceOf(RealtimeKitResponseValidationError);
    expect(error.requestId).toBe("8c1f-AMS");
  });

  it("RealtimeKitResponseValidationError's requestId is undefined without a cf-ray", async () => {
    const error = await answering(() => json({ success: false }))
      .getMeetingParticipant(validParams())
      .catch((e) => e);
    expect(error).toBeInstanceOf(RealtimeKitResponseValidationError);
    expect(error).toHaveProperty("requestId", undefined);
  });
});

describe("validateResponses", () => {
  const offSchema = () =>
    json({
      success: true,
      data: {
        ...successBody().data,
        id: "not-a-uuid",
        created_at: 12,
        picture: "no scheme",
        preset_name: undefined,
        "a/b~c": 1,
      },
    });

  it("is off by default: an off-schema participant is handed back as it came", async () => {
    const participant = await answering(offSchema).getMeetingParticipant(validParams());
    expect(participant.id).toBe("not-a-uuid");
  });

  it("lists every mismatch by JSON pointer, with the rule broken", async () => {
    const issues = await issuesOf(
      answering(offSchema, { validateResponses: true }).getMeetingParticipant(validParams()),
    );
    expect(issues).toEqual(
      expect.arrayContaining([
        { pointer: "/data/preset_name", rule: "required", message: "is required" },
        { pointer: "/data/created_at", rule: "type", message: "must be string, not integer" },
        { pointer: "/data/id", rule: "format", message: 'must be a valid "uuid"' },
        { pointer: "/data/picture", rule: "format", message: 'must be a valid "uri"' },
      ]),
    );
    expect(issues).toHaveLength(4);
  });

  it("accepts what the spec allows, null name and picture included", async () => {
    const client = answering(() => json(successBody({ name: null, picture: null })), { validateResponses: true });
    await expect(client.getMeetingParticipant(validParams())).resolves.toMatchObject({ name: null, picture: null });
  });

  it("says which envelope field is wrong", async () => {
    const error = await answering(() => json({ success: "yes" }), { validateResponses: true })
      .getMeetingParticipant(validParams())
      .catch((e) => e);
    expect(error.issues).toEqual([
      { pointer: "/data", rule: "required", message: "is required" },
      { pointer: "/success", rule: "type", message: "must be boolean, not string" },
    ]);
    expect(error.message).toBe("Unexpected 200 response body: /data is required; /success must be boolean, not string");
  });

  describe("with createRealtimeKit, which validates against the schemas it is given", () => {
    const realtimeKit = (validateResponses?: false | typeof responseSchemas) =>
      createRealtimeKit({
        apiToken: TOKEN,
        baseUrl: "http://127.0.0.1:9",
        fetch: recordingFetch(offSchema).fetch,
        ...(validateResponses === undefined ? {} : { validateResponses }),
      });

    it("given responseSchemas, lists the same mismatches as the client", async () => {
      const issues = await issuesOf(getMeetingParticipant(realtimeKit(responseSchemas), validParams()));
      expect(issues.map((issue) => `${issue.pointer} ${issue.rule}`).sort()).toEqual([
        "/data/created_at type",
        "/data/id format",
        "/data/picture format",
        "/data/preset_name required",
      ]);
    });

    it.each([undefined, false as const])("given %s, hands an off-schema participant back as it came", async (given) => {
      await expect(getMeetingParticipant(realtimeKit(given), validParams())).resolves.toMatchObject({
        id: "not-a-uuid",
      });
    });

    it("refuses `true`, which would check nothing here", () => {
      const error = (() => {
        try {
          realtimeKit(true as never);
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(RealtimeKitValidationError);
      expect(error).toMatchObject({ field: "validateResponses", rule: "type" });
      expect((error as Error).message).toBe(
        "Invalid validateResponses: must be the responseSchemas export, or false (rule: type)",
      );
    });
  });
});

describe("other statuses", () => {
  it("an error status with an empty body says there are no details", async () => {
    await expect(
      answering(() => new Response(null, { status: 404 })).getMeetingParticipant(validParams()),
    ).rejects.toMatchObject({
      name: "RealtimeKitApiError",
      status: 404,
      errors: [],
      bodyExcerpt: undefined,
      message: "RealtimeKit API answered 404: no error details (attempts: 1)",
    });
  });

  it.each([
    ["a 3xx handed back by fetch", () => Response.redirect("http://127.0.0.1:9/elsewhere", 302), 302],
    // What a browser's fetch hands back for redirect: "manual" (an opaque redirect) has status 0.
    ["a status-0 answer, as a browser's opaque redirect", () => Response.error(), 0],
  ])("%s is reported as a redirect, neither followed nor retried", async (_, respond, status) => {
    const { fetch, requests } = recordingFetch(respond);
    const client = createRealtimeKitClient({ apiToken: TOKEN, baseUrl: "http://127.0.0.1:9", fetch });
    await expect(client.getMeetingParticipant(validParams())).rejects.toMatchObject({
      name: "RealtimeKitApiError",
      status,
      retryable: false,
      message: `RealtimeKit API answered ${status}: a redirect (never followed) (attempts: 1)`,
    });
    expect(requests).toHaveLength(1);
  });

  // An operation whose success status is 201, from the generated tables; 200 is then not its success.
  const [created] = Object.entries(operations).find(([, table]) => table.successStatus === 201)!;

  it.each([
    ["200 where the spec promises 201", 200],
    ["202", 202],
    ["299", 299],
  ])(
    "another 2xx than the operation's success status, %s, is an API error with its details, not a redirect",
    async (_case, status) => {
      const { fetch } = recordingFetch(() => json({ success: false, errors: [{ code: 7, message: "odd" }] }, status));
      const client = createRealtimeKitClient({ apiToken: TOKEN, baseUrl: "http://127.0.0.1:9", fetch, maxRetries: 0 });
      const call = client[created as OperationName] as (params: unknown) => Promise<unknown>;
      const error = (await call(validArguments(created)).catch((e: unknown) => e)) as RealtimeKitApiError;
      expect(error).toBeInstanceOf(RealtimeKitApiError);
      expect(error).toMatchObject({ status, errors: [{ code: 7, message: "odd" }] });
      expect(error.message).toBe(`RealtimeKit API answered ${status}: 7 odd (attempts: 1)`);
    },
  );

  it.each([
    ["JSON null", "null"],
    ["whitespace", " \n "],
  ])("an error status whose body is %s has no details and no excerpt", async (_, body) => {
    const error = await answering(() => new Response(body, { status: 400, headers: { "content-type": "text/plain" } }))
      .getMeetingParticipant(validParams())
      .catch((e) => e);
    expect(error).toMatchObject({ name: "RealtimeKitApiError", status: 400, errors: [], bodyExcerpt: undefined });
    expect(error.message).toBe("RealtimeKit API answered 400: no error details (attempts: 1)");
  });

  it("an error status whose JSON names neither `errors` nor `error` has no details", async () => {
    const error = await answering(() => json({ message: "gone", code: 9 }, 410))
      .getMeetingParticipant(validParams())
      .catch((e) => e);
    expect(error).toMatchObject({ name: "RealtimeKitApiError", status: 410, errors: [], bodyExcerpt: undefined });
  });

  it("an error page's excerpt has its whitespace collapsed and trimmed", async () => {
    const page = "  \n<h1>Bad   gateway</h1>\n\n\t<p>try later</p>  ";
    const error = await answering(() => new Response(page, { status: 400, headers: { "content-type": "text/html" } }))
      .getMeetingParticipant(validParams())
      .catch((e) => e);
    expect(error.bodyExcerpt).toBe("<h1>Bad gateway</h1> <p>try later</p>");
  });

  it("an error body larger than maxResponseBytes is read only that far", async () => {
    const page = `${"a".repeat(40)}${"b".repeat(960)}`;
    const error = await answering(
      () => new Response(page, { status: 400, headers: { "content-type": "text/plain" } }),
      {
        maxResponseBytes: 40,
      },
    )
      .getMeetingParticipant(validParams())
      .catch((e) => e);
    expect(error.bodyExcerpt).toBe("a".repeat(40));
  });

  it("an error body in many chunks is cut at maxResponseBytes too: what is past it is neither parsed nor shown", async () => {
    const body = JSON.stringify({ success: false, errors: [{ code: 7, message: "x".repeat(100) }] });
    const chunked = () => streamed(chunksOf(body, 30), { status: 400 });
    const whole = await answering(chunked)
      .getMeetingParticipant(validParams())
      .catch((e) => e);
    expect(whole.errors).toEqual([{ code: 7, message: "x".repeat(100) }]);
    // The limit falls inside the last chunk, which is read whole: only the cut keeps the JSON from parsing.
    const cut = await answering(chunked, { maxResponseBytes: body.length - 5 })
      .getMeetingParticipant(validParams())
      .catch((e) => e);
    expect(cut).toMatchObject({ errors: [], bodyExcerpt: body.slice(0, body.length - 5) });
  });

  it("errors that are strings, null, or carry a code that is not a number, are read as they can be", async () => {
    const error = await answering(() =>
      json({ success: false, errors: ["plain words", null, { code: "E1", message: "coded" }] }, 400),
    )
      .getMeetingParticipant(validParams())
      .catch((e) => e);
    expect(error.errors).toEqual([
      { code: undefined, message: "plain words" },
      { code: undefined, message: "null" },
      { code: undefined, message: "coded" },
    ]);
  });

  it("an error without a code reads as its message alone", async () => {
    const error = await answering(() => json({ success: false, errors: [{ message: "No route" }] }, 404))
      .getMeetingParticipant(validParams())
      .catch((e) => e);
    expect(error).toMatchObject({ code: undefined, errors: [{ code: undefined, message: "No route" }] });
    expect(error.message).toBe("RealtimeKit API answered 404: No route (attempts: 1)");
  });

  it("a 2xx other than the spec's success status is an API error, not a success", async () => {
    await expect(
      answering(() => new Response(null, { status: 204 })).getMeetingParticipant(validParams()),
    ).rejects.toMatchObject({
      name: "RealtimeKitApiError",
      status: 204,
      retryable: false,
      errors: [],
      message: "RealtimeKit API answered 204: no error details (attempts: 1)",
    });
  });

  it("reads Cloudflare's v4 envelope and RealtimeKit's own", async () => {
    const v4 = answering(() =>
      json(
        {
          success: false,
          errors: [
            { code: 7003, message: "No route" },
            { code: 7000, message: "Other" },
          ],
        },
        404,
      ),
    );
    await expect(v4.getMeetingParticipant(validParams())).rejects.toMatchObject({
      code: 7003,
      errors: [
        { code: 7003, message: "No route" },
        { code: 7000, message: "Other" },
      ],
      message: expect.stringContaining("7003 No route; 7000 Other"),
    });
    const own = answering(() =>
      json({ success: false, error: { code: 404, message: "Participant not found" } }, 404, { "cf-ray": "8c1f-AMS" }),
    );
    await expect(own.getMeetingParticipant(validParams())).rejects.toMatchObject({
      code: 404,
      requestId: "8c1f-AMS",
      message: expect.stringContaining("(cf-ray 8c1f-AMS)"),
    });
  });
});
