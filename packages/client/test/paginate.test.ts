// Walking paged lists: client.paginate() and the standalone paginate() fetch page after page against a local
// server, and stop where the list ends (total_count reached, an empty page), at maxPages, at the caller's
// abort, or at the walk's deadline; client.page() answers one page with its paging.
import { afterEach, describe, expect, it, vi } from "vitest";
import { operations } from "../src/generated/operations.ts";
import {
  createRealtimeKit,
  createRealtimeKitClient,
  getMeetings,
  type OperationName,
  type PaginateOptions,
  paginate,
  RealtimeKitTimeoutError,
  RealtimeKitValidationError,
  responseSchemas,
} from "../src/index.ts";
import { json, recordingFetch, TOKEN, waitFor } from "./helpers.ts";
import {
  meeting,
  type PagedListOptions,
  type PagedListServer,
  startPagedListServer,
} from "./support/paged-list-server.ts";
import { validArguments } from "./support/valid-arguments.ts";

const names = Object.keys(operations) as OperationName[];
const pagedNames = names.filter((name) => operations[name].paged === true);

let server: PagedListServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serve(options: PagedListOptions) {
  server = await startPagedListServer(options);
  return server;
}

const clientOptions = (origin: string) => ({
  apiToken: TOKEN,
  baseUrl: origin,
  maxRetries: 0,
});

const LIST = { account_id: "023e105f4ecef8ad9ca31a8372d0c353", app_id: "my-app" };
type MeetingsParams = typeof LIST & { page_no?: number; per_page?: number };
type Walk = (origin: string, params: MeetingsParams, options?: PaginateOptions) => AsyncIterable<unknown>;

// The same walks, through a client's method and through the standalone function with createRealtimeKit().
const WALKS: [string, Walk][] = [
  [
    "client.paginate",
    (origin, params, options) =>
      createRealtimeKitClient({ ...clientOptions(origin), validateResponses: true }).paginate(
        "getMeetings",
        params,
        options,
      ),
  ],
  [
    "paginate(realtimeKit, getMeetings)",
    (origin, params, options) =>
      paginate(
        createRealtimeKit({ ...clientOptions(origin), validateResponses: responseSchemas }),
        getMeetings,
        params,
        options,
      ),
  ],
];

async function collect(items: AsyncIterable<unknown>): Promise<unknown[]> {
  const seen: unknown[] = [];
  for await (const item of items) seen.push(item);
  return seen;
}

const meetings = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => meeting(from + i));

it("the tables mark the paged lists, each with page_no and per_page", () => {
  expect(pagedNames).toContain("getMeetings");
  for (const name of pagedNames)
    expect(Object.keys(operations[name].parametersSchema.properties!)).toEqual(
      expect.arrayContaining(["page_no", "per_page"]),
    );
});

describe.each(WALKS)("%s", (_, walk) => {
  it("yields every item over several pages and stops once total_count is reached", async () => {
    const { origin, pagesRequested } = await serve({ total: 6 });
    expect(await collect(walk(origin, { ...LIST, per_page: 3 }))).toEqual(meetings(1, 6));
    // Two full pages hold all six: a third request would only fetch an empty page.
    expect(pagesRequested()).toEqual([1, 2]);
  });

  it("ends at total_count with no per_page given (the server's own page size)", async () => {
    const { origin, pagesRequested } = await serve({ total: 8, defaultPerPage: 4 });
    expect(await collect(walk(origin, LIST))).toEqual(meetings(1, 8));
    expect(pagesRequested()).toEqual([1, 2]);
  });

  it("ends at a short last page", async () => {
    const { origin, pagesRequested } = await serve({ total: 7 });
    expect(await collect(walk(origin, { ...LIST, per_page: 3 }))).toEqual(meetings(1, 7));
    expect(pagesRequested()).toEqual([1, 2, 3]);
  });

  it("starts at the page_no given", async () => {
    const { origin, pagesRequested } = await serve({ total: 7 });
    expect(await collect(walk(origin, { ...LIST, page_no: 2, per_page: 3 }))).toEqual(meetings(4, 7));
    expect(pagesRequested()).toEqual([2, 3]);
  });

  it("stops at maxPages", async () => {
    const { origin, pagesRequested } = await serve({ total: 100 });
    expect(await collect(walk(origin, { ...LIST, per_page: 2 }, { maxPages: 3 }))).toEqual(meetings(1, 6));
    expect(pagesRequested()).toEqual([1, 2, 3]);
  });

  it("rejects with the signal's reason when aborted between pages, and asks for no further page", async () => {
    const { origin, pagesRequested } = await serve({ total: 9 });
    const controller = new AbortController();
    const reason = new Error("the caller has seen enough");
    const seen: unknown[] = [];
    const walking = (async () => {
      for await (const item of walk(origin, { ...LIST, per_page: 3 }, { signal: controller.signal })) {
        seen.push(item);
        if (seen.length === 3) controller.abort(reason);
      }
    })();
    await expect(walking).rejects.toBe(reason);
    expect(seen).toEqual(meetings(1, 3));
    expect(pagesRequested()).toEqual([1]);
  });

  it("applies deadlineMs to the whole walk, not to each page", async () => {
    // Each page takes 40 ms, well inside the deadline; all 50 together take far longer than it.
    const { origin, pagesRequested } = await serve({ total: 50, delayMs: 40 });
    const error = await collect(walk(origin, { ...LIST, per_page: 1 }, { deadlineMs: 200 })).catch((e) => e);
    expect(error).toBeInstanceOf(RealtimeKitTimeoutError);
    expect(error).toMatchObject({ scope: "deadline", timeoutMs: 200 });
    expect(pagesRequested().length).toBeLessThan(50);
  });

  it.each([-1, Number.NaN])("refuses deadlineMs %s before asking for any page", async (deadlineMs) => {
    const { origin, pagesRequested } = await serve({ total: 3 });
    const error = await collect(walk(origin, LIST, { deadlineMs })).catch((e) => e);
    expect(error).toBeInstanceOf(RealtimeKitValidationError);
    expect(error).toMatchObject({ field: "deadlineMs", rule: "minimum" });
    expect(pagesRequested()).toEqual([]);
  });

  it("asks for no page once the deadline has passed while the caller worked on the last one", async () => {
    const { origin, pagesRequested } = await serve({ total: 9 });
    // A second for the first page, however busy the machine; then the caller's loop outlasts the deadline (the
    // walk started before the first item came, so its deadline is over a second after that).
    const deadlineMs = 1_000;
    const seen: unknown[] = [];
    const walking = (async () => {
      for await (const item of walk(origin, { ...LIST, per_page: 3 }, { deadlineMs })) {
        seen.push(item);
        if (seen.length === 3) {
          const deadlinePassed = Date.now() + deadlineMs;
          await waitFor(() => Date.now() > deadlinePassed, "the deadline to pass");
        }
      }
    })();
    const error = await walking.catch((e) => e);
    expect(error).toBeInstanceOf(RealtimeKitTimeoutError);
    expect(error).toMatchObject({ scope: "deadline", timeoutMs: deadlineMs });
    expect(seen).toEqual(meetings(1, 3));
    expect(pagesRequested()).toEqual([1]);
  });
});

describe("the end of a list without total_count", () => {
  it("is the first empty page", async () => {
    const { origin, pagesRequested } = await serve({ total: 6, withoutTotal: true });
    // Without total_count the answer is off-schema for getMeetings, so responses are not validated here.
    const realtimeKitClient = createRealtimeKitClient({ ...clientOptions(origin), validateResponses: false });
    expect(await collect(realtimeKitClient.paginate("getMeetings", { ...LIST, per_page: 3 }))).toEqual(meetings(1, 6));
    expect(pagesRequested()).toEqual([1, 2, 3]);
  });
});

describe("each rule that ends a walk, alone", () => {
  // Off-schema answers (no total_count, no offsets, no paging) are not validated here.
  const unvalidated = (origin: string) =>
    createRealtimeKitClient({ ...clientOptions(origin), validateResponses: false });

  it("an empty page, when neither per_page nor total_count tells", async () => {
    const { origin, pagesRequested } = await serve({ total: 8, defaultPerPage: 4, withoutTotal: true });
    expect(await collect(unvalidated(origin).paginate("getMeetings", LIST))).toEqual(meetings(1, 8));
    expect(pagesRequested()).toEqual([1, 2, 3]);
  });

  it("a page shorter than per_page, without total_count", async () => {
    const { origin, pagesRequested } = await serve({ total: 7, withoutTotal: true });
    expect(await collect(unvalidated(origin).paginate("getMeetings", { ...LIST, per_page: 3 }))).toEqual(
      meetings(1, 7),
    );
    expect(pagesRequested()).toEqual([1, 2, 3]);
  });

  it("total_count reached by the items counted, when the pages carry no offsets", async () => {
    const { origin, pagesRequested } = await serve({ total: 8, defaultPerPage: 4, withoutOffsets: true });
    expect(await collect(unvalidated(origin).paginate("getMeetings", LIST))).toEqual(meetings(1, 8));
    expect(pagesRequested()).toEqual([1, 2]);
  });

  it("total_count reached by end_offset, from a later first page", async () => {
    const { origin, pagesRequested } = await serve({ total: 8, defaultPerPage: 4 });
    expect(await collect(unvalidated(origin).paginate("getMeetings", { ...LIST, page_no: 2 }))).toEqual(meetings(5, 8));
    expect(pagesRequested()).toEqual([2]);
  });

  it("pages without paging at all end at the first empty one", async () => {
    const { origin, pagesRequested } = await serve({ total: 2, defaultPerPage: 2, withoutPaging: true });
    expect(await collect(unvalidated(origin).paginate("getMeetings", LIST))).toEqual(meetings(1, 2));
    expect(pagesRequested()).toEqual([1, 2]);
  });

  it("a page whose data is not a list has no items, and ends the walk", async () => {
    const { fetch, calls } = recordingFetch(() => json({ success: true, data: { id: "x" }, paging: {} }));
    const realtimeKit = createRealtimeKit({ apiToken: TOKEN, baseUrl: "http://127.0.0.1:9", fetch });
    expect(await collect(paginate(realtimeKit, getMeetings, LIST))).toEqual([]);
    expect(calls).toHaveLength(1);
  });
});

describe("limits of a walk", () => {
  it.each([
    ["the walk's deadline cuts off a page slower than the time left", { deadlineMs: 200 }, "deadline", 200],
    ["a page's own attempt timeout stays an attempt timeout", { timeoutMs: 100 }, "attempt", 100],
  ] as const)("%s", async (_case, limit, scope, timeoutMs) => {
    const { origin } = await serve({ total: 1, delayMs: 2_000 });
    const walk = createRealtimeKitClient(clientOptions(origin)).paginate("getMeetings", LIST, limit);
    const error = await collect(walk).catch((e) => e);
    expect(error).toBeInstanceOf(RealtimeKitTimeoutError);
    expect(error).toMatchObject({ scope, timeoutMs });
  });

  it("no page is asked for with no time left, not even at exactly the deadline", async () => {
    const { fetch, calls } = recordingFetch(() => json({ success: true, data: [meeting(1)], paging: {} }));
    const realtimeKit = createRealtimeKit({ apiToken: TOKEN, baseUrl: "http://127.0.0.1:9", fetch });
    const start = Date.now();
    // The walk reads the clock when it starts, then before each page: the second reading is the deadline itself.
    const clock = vi
      .spyOn(Date, "now")
      .mockReturnValueOnce(start)
      .mockReturnValue(start + 500);
    try {
      const error = await collect(paginate(realtimeKit, getMeetings, LIST, { deadlineMs: 500 })).catch((e) => e);
      expect(error).toBeInstanceOf(RealtimeKitTimeoutError);
      expect(error).toMatchObject({ scope: "deadline", timeoutMs: 500, attempts: 0 });
    } finally {
      clock.mockRestore();
    }
    expect(calls).toHaveLength(0);
  });
});

describe("client.page", () => {
  it("resolves to the page's envelope: success, its items and its paging", async () => {
    const { origin, pagesRequested, pageBody } = await serve({ total: 7 });
    const page = await createRealtimeKitClient(clientOptions(origin)).page("getMeetings", {
      ...LIST,
      page_no: 2,
      per_page: 3,
    });
    expect(page).toEqual({
      success: true,
      data: meetings(4, 6),
      paging: { total_count: 7, start_offset: 4, end_offset: 6 },
    });
    expect(page).toEqual(pageBody(2, 3));
    expect(pagesRequested()).toEqual([2]);
  });
});

describe("every paged operation", () => {
  // Other operations' items have other schemas: the server's meetings are not checked against them.
  it.each(pagedNames)("%s: paginate walks its own path page by page", async (name) => {
    const { origin, requests } = await serve({ total: 4 });
    const realtimeKitClient = createRealtimeKitClient({ ...clientOptions(origin), validateResponses: false });
    const params = { ...validArguments(name), per_page: 2 } as MeetingsParams;
    const items = await collect(realtimeKitClient.paginate(name as "getMeetings", params));
    expect(items).toEqual(meetings(1, 4));
    const sent = requests.map((request) => new URL(request.url, origin));
    expect(sent.map((url) => url.searchParams.get("page_no"))).toEqual(["1", "2"]);
    const pathPattern = new RegExp(`^${operations[name].path.replace(/\{[^}]+\}/g, "[^/]+")}$`);
    for (const url of sent) expect(url.pathname).toMatch(pathPattern);
  });
});
