import type { RealtimeKitOperations, RealtimeKitPagedOperation } from "@realtimekit-api/types";
import { operations } from "./generated/operations.ts";
import { requestBodySchemas } from "./generated/request-body-schemas.ts";
import { responseSchemas } from "./generated/response-schemas.ts";
import { logTo } from "./logger.ts";
import type { OperationName } from "./operation-function.ts";
import { type Page, type PaginateOptions, paginateOperation } from "./paginate.ts";
import { type CallOptions, createRealtimeKit, type RealtimeKitClientOptions } from "./realtime-kit.ts";

/** A method per operation, named as in openapi/sync.config.json, resolving to the answer's `data`. */
export type RealtimeKitMethods = {
  [M in OperationName]: (
    params: RealtimeKitOperations[M]["params"],
    options?: CallOptions,
  ) => Promise<RealtimeKitOperations[M]["result"]>;
};

export type RealtimeKitClient = RealtimeKitMethods & {
  /** One page of a paged list (`getMeetings`, …), with its `paging`. */
  page<M extends RealtimeKitPagedOperation>(
    method: M,
    params: RealtimeKitOperations[M]["params"],
    options?: CallOptions,
  ): Promise<Page<M>>;
  /** Every item of a paged list, fetched page by page as the loop asks for them. */
  paginate<M extends RealtimeKitPagedOperation>(
    method: M,
    params: RealtimeKitOperations[M]["params"],
    options?: PaginateOptions,
  ): AsyncGenerator<RealtimeKitOperations[M]["item"], void, undefined>;
};

/**
 * A client with a method for every RealtimeKit operation. Throws RealtimeKitValidationError on a bad option.
 * An application that calls only a few operations bundles less with createRealtimeKit() and the
 * per-operation functions (`getMeetingParticipant(realtimeKit, params)`).
 */
export function createRealtimeKitClient(options: RealtimeKitClientOptions = {}): RealtimeKitClient {
  const realtimeKit = createRealtimeKit({
    ...options,
    log: logTo(options.logger, options.logLevel),
    // Every method is here, so every body schema is bundled anyway: bodies are always checked.
    validateBodies: requestBodySchemas,
    validateResponses: options.validateResponses === true && responseSchemas,
  });
  const client: Record<string, unknown> = {
    page: (method: OperationName, params: unknown, call?: CallOptions) =>
      realtimeKit.call(operations[method], params, call, true),
    paginate: (method: OperationName, params: Record<string, unknown>, call?: PaginateOptions) =>
      paginateOperation(realtimeKit, operations[method], params, call),
  };
  for (const [name, table] of Object.entries(operations)) {
    client[name] = (params: unknown, call?: CallOptions) => realtimeKit.call(table, params, call);
  }
  return client as RealtimeKitClient;
}
