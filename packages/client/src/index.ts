export {
  createRealtimeKitClient,
  type CallLimits,
  type CallOptions,
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
export type { ConnectionOptions } from "./connection.ts";
export type { Logger, LogLevel } from "./logger.ts";
export type { Backoff } from "./retry-policy.ts";
export type {
  CloudflareV4ErrorBody,
  CloudflareV4Message,
  GetMeetingParticipantErrorBody,
  GetMeetingParticipantPathParams,
  GetMeetingParticipantResponse,
  Participant,
  RealtimeKitErrorBody,
} from "@realtimekit-api/types";
