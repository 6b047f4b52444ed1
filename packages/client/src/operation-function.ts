import type { RealtimeKitOperations } from "@realtimekit-api/types";
import type { OperationTable } from "./operation-table.ts";
import type { CallOptions, RealtimeKit } from "./realtime-kit.ts";

export type OperationName = keyof RealtimeKitOperations;

/** One operation as a function of a RealtimeKit (from createRealtimeKit), with its table for `paginate`. */
export type OperationFunction<M extends OperationName> = ((
  realtimeKit: RealtimeKit,
  params: RealtimeKitOperations[M]["params"],
  options?: CallOptions,
) => Promise<RealtimeKitOperations[M]["result"]>) & { readonly operation: OperationTable };

/** The function generated/functions.ts exports for the operation `table` describes. */
export function operationFunction<M extends OperationName>(table: OperationTable): OperationFunction<M> {
  const call = (realtimeKit: RealtimeKit, params: unknown, options?: CallOptions) =>
    realtimeKit.call(table, params, options);
  return Object.assign(call, { operation: table });
}
