// Walking a paged list: each page is one call with its own retries and timeouts; the walk stops at the last
// page (the total count reached, a short or empty page), at `maxPages`, or when the signal or the deadline ends
// it. The names of the page parameters and of the paging object are the spec's, from generated/operations.ts.
import type { RealtimeKitOperations, RealtimeKitPagedOperation } from "@realtimekit-api/types";
import { checkLimits } from "./check-options.ts";
import { RealtimeKitTimeoutError } from "./errors.ts";
import { paging } from "./generated/operations.ts";
import type { OperationFunction } from "./operation-function.ts";
import type { OperationTable } from "./operation-table.ts";
import type { CallOptions, RealtimeKit } from "./realtime-kit.ts";

export type PaginateOptions = CallOptions & {
  /** Pages fetched at most, a guard against a server that never says it is done. Default 100. */
  maxPages?: number;
};

/** A page of a paged list, as the spec types the answer: its items as `data`, and where they sit in the list. */
export type Page<M extends RealtimeKitPagedOperation> = RealtimeKitOperations[M]["response"];

/**
 * Every item of the paged list `operation` answers, from the page `params` ask for (`page_no`, default 1) on.
 * `deadlineMs` is for the whole walk, not each page.
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
  const asked = params[paging.page];
  let pageNo = typeof asked === "number" ? asked : 1;
  let seen = 0;
  for (let pages = 0; pages < maxPages; pages++, pageNo++) {
    const remaining = deadline - Date.now();
    // Past the deadline (the caller's loop took the rest of it), a request could only be sent to be aborted.
    if (remaining <= 0) throw new RealtimeKitTimeoutError("deadline", deadlineMs!, 0);
    const limits = deadline === Infinity ? call : { ...call, deadlineMs: remaining };
    const page: Record<string, any> = await realtimeKit
      .call(operation, { ...params, [paging.page]: pageNo }, limits, true)
      .catch((error) => {
        // The limit that ran out is the walk's deadline, not the part of it this page was given.
        throw error instanceof RealtimeKitTimeoutError && error.scope === "deadline"
          ? new RealtimeKitTimeoutError("deadline", deadlineMs!, error.attempts)
          : error;
      });
    const items = Array.isArray(page.data) ? page.data : [];
    yield* items;
    seen += items.length;
    const where = page[paging.object];
    const total = where?.[paging.totalCount];
    const perPage = params[paging.perPage];
    if (items.length === 0 || (typeof perPage === "number" && items.length < perPage)) return;
    if (typeof total === "number" && (where[paging.endOffset] ?? seen) >= total) return;
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
