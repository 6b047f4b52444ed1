// Walking a paged list: each page is one call with its own retries and timeouts; the walk stops at the last
// page (`paging.total_count` reached, a short or empty page), at `maxPages`, or when the signal or the
// deadline ends it.
import type { RealtimeKitOperations, RealtimeKitPagedOperation } from "@realtimekit-api/types";
import { checkLimits } from "./check-options.ts";
import { RealtimeKitTimeoutError } from "./errors.ts";
import type { OperationFunction } from "./operation-function.ts";
import type { OperationTable } from "./operation-table.ts";
import type { CallOptions, RealtimeKit } from "./realtime-kit.ts";

export type PaginateOptions = CallOptions & {
  /** Pages fetched at most, a guard against a server that never says it is done. Default 100. */
  maxPages?: number;
};

/** A page of a list: its items as `data`, and where they sit in the whole list. */
export type Page<Items> = {
  success: true;
  data: Items;
  paging: { total_count?: number; start_offset?: number; end_offset?: number };
};

/**
 * Every item of the paged list `operation` answers, from `params.page_no` (default 1) on. `deadlineMs` is for
 * the whole walk, not each page.
 */
export async function* paginateOperation<Item>(
  realtimeKit: RealtimeKit,
  operation: OperationTable,
  params: Record<string, unknown>,
  options: PaginateOptions = {},
): AsyncGenerator<Item, void, undefined> {
  // Checked here as well as by each page's call: the walk's deadline reaches no call as given.
  checkLimits(options);
  const { maxPages = 100, deadlineMs, ...call } = options;
  const deadline = deadlineMs === undefined ? Infinity : Date.now() + deadlineMs;
  let pageNo = typeof params.page_no === "number" ? params.page_no : 1;
  let seen = 0;
  for (let pages = 0; pages < maxPages; pages++, pageNo++) {
    const remaining = deadline - Date.now();
    // Past the deadline (the caller's loop took the rest of it), a request could only be sent to be aborted.
    if (remaining <= 0) throw new RealtimeKitTimeoutError("deadline", deadlineMs!, 0);
    const limits = deadline === Infinity ? call : { ...call, deadlineMs: remaining };
    const page: Page<Item[]> = await realtimeKit
      .call(operation, { ...params, page_no: pageNo }, limits, true)
      .catch((error) => {
        // The limit that ran out is the walk's deadline, not the part of it this page was given.
        throw error instanceof RealtimeKitTimeoutError && error.scope === "deadline"
          ? new RealtimeKitTimeoutError("deadline", deadlineMs!, error.attempts)
          : error;
      });
    const items = Array.isArray(page.data) ? page.data : [];
    yield* items;
    seen += items.length;
    const total = page.paging?.total_count;
    const perPage = params.per_page;
    if (items.length === 0 || (typeof perPage === "number" && items.length < perPage)) return;
    if (typeof total === "number" && (page.paging.end_offset ?? seen) >= total) return;
  }
}

/**
 * Every item of a paged list, for the per-operation functions:
 * `for await (const meeting of paginate(realtimeKit, getMeetings, { account_id, app_id })) …`.
 */
export function paginate<M extends RealtimeKitPagedOperation>(
  realtimeKit: RealtimeKit,
  operation: OperationFunction<M>,
  params: RealtimeKitOperations[M]["params"],
  options?: PaginateOptions,
): AsyncGenerator<RealtimeKitOperations[M]["item"], void, undefined> {
  return paginateOperation(realtimeKit, operation.operation, params as Record<string, unknown>, options);
}
