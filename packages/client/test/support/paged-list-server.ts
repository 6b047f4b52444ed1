// A server for paged lists as RealtimeKit answers them: `page_no` (from 1) and `per_page` in the query, the
// page's items as `data`, and `paging` with the 1-based offsets of its first and last item and the list's size.
import { startServer, type TestServer } from "./http-server.ts";

/** A meeting as the spec describes one, numbered so tests can tell which items came. */
export const meeting = (index: number) => ({
  id: `00000000-0000-4000-8000-${String(index).padStart(12, "0")}`,
  title: `meeting ${index}`,
  created_at: "2026-01-01T00:00:00.000Z",
  updated_at: "2026-01-01T00:00:00.000Z",
});

export type PagedListOptions = {
  /** How many items the list holds. */
  total: number;
  /** The page size when a request names none. Default 10. */
  defaultPerPage?: number;
  /** Leave `total_count` out of `paging`, so only an empty page tells that the list has ended. Default false. */
  withoutTotal?: boolean;
  /** Leave `start_offset` and `end_offset` out of `paging`, so the walk must count the items itself. Default false. */
  withoutOffsets?: boolean;
  /** Leave `paging` out altogether. Default false. */
  withoutPaging?: boolean;
  /** Answer each page only after this long, as a slow API does. Default 0. */
  delayMs?: number;
};

export type PagedListServer = TestServer & {
  /** The `page_no` of every request, in arrival order. */
  pagesRequested: () => number[];
  /** The body the server sends for a page. */
  pageBody: (pageNo: number, perPage: number) => unknown;
};

export async function startPagedListServer(options: PagedListOptions): Promise<PagedListServer> {
  const { total, defaultPerPage = 10, withoutTotal = false, withoutOffsets = false, withoutPaging = false } = options;
  const { delayMs = 0 } = options;
  const pageBody = (pageNo: number, perPage: number) => {
    const start = (pageNo - 1) * perPage;
    const data = Array.from({ length: Math.max(0, Math.min(perPage, total - start)) }, (_, i) =>
      meeting(start + i + 1),
    );
    const paging = {
      ...(withoutTotal ? {} : { total_count: total }),
      ...(withoutOffsets ? {} : { start_offset: start + 1, end_offset: start + data.length }),
    };
    return { success: true, data, ...(withoutPaging ? {} : { paging }) };
  };
  const server = await startServer((request, response) => {
    const query = new URL(request.url!, "http://localhost").searchParams;
    const body = JSON.stringify(
      pageBody(Number(query.get("page_no") ?? 1), Number(query.get("per_page") ?? defaultPerPage)),
    );
    const answer = () => {
      response.writeHead(200, { "content-type": "application/json" });
      response.end(body);
    };
    if (delayMs === 0) return answer();
    const timer = setTimeout(answer, delayMs);
    response.on("close", () => clearTimeout(timer));
  });
  return {
    ...server,
    pagesRequested: () =>
      server.requests.map((request) => Number(new URL(request.url, "http://localhost").searchParams.get("page_no"))),
    pageBody,
  };
}
