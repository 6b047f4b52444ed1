// Every type of @realtimekit-api/types (parameters, bodies and results by operation, schemas by name), so one
// import serves an application.
export type * from "@realtimekit-api/types";
export type { ConnectionOptions } from "./connection.ts";
export { createRealtimeKitClient, type RealtimeKitClient, type RealtimeKitMethods } from "./create-client.ts";
export {
  type ApiErrorDetail,
  RealtimeKitApiError,
  RealtimeKitConnectionError,
  RealtimeKitError,
  RealtimeKitResponseValidationError,
  RealtimeKitTimeoutError,
  RealtimeKitValidationError,
  type ResponseIssue,
} from "./errors.ts";
export * from "./generated/functions.ts";
export { requestBodySchemas } from "./generated/request-body-schemas.ts";
export { responseSchemas } from "./generated/response-schemas.ts";
export { type Log, type Logger, type LogLevel, logTo } from "./logger.ts";
export type { OperationFunction, OperationName } from "./operation-function.ts";
export type { OperationSchemas, RequestBodySchemas, ResponseSchemas } from "./operation-table.ts";
export { type Page, type PaginateOptions, paginate } from "./paginate.ts";
export {
  type CallLimits,
  type CallOptions,
  createRealtimeKit,
  type FetchFunction,
  type RealtimeKit,
  type RealtimeKitClientOptions,
  type RealtimeKitOptions,
} from "./realtime-kit.ts";
export type { Backoff } from "./retry-policy.ts";
