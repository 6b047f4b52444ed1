export type {
  CloudflareV4ErrorBody,
  CloudflareV4Message,
  GetMeetingParticipantErrorBody,
  GetMeetingParticipantPathParams,
  GetMeetingParticipantResponse,
  Participant,
  RealtimeKitErrorBody,
} from "@realtimekit-api/types";
export type { ConnectionOptions } from "./connection.ts";
export {
  type CallLimits,
  type CallOptions,
  createRealtimeKitClient,
  type FetchFunction,
  type RealtimeKitClient,
  type RealtimeKitClientOptions,
} from "./create-client.ts";
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
export type { Logger, LogLevel } from "./logger.ts";
export type { Backoff } from "./retry-policy.ts";
