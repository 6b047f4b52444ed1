export {
  cloudflareError,
  type ErrorEnvelope,
  realtimeKitError,
} from "./answers.ts";
export { createFixtures, type Fixtures, type FixtureTypes, fixtures } from "./fixtures.ts";
export { DEFAULT_BASE_URL } from "./generated/operations.ts";
export { type MockRealtimeKitOptions, mockRealtimeKit, type RealtimeKitMock } from "./mock-realtime-kit.ts";
export type {
  ErrorOverride,
  NetworkErrorOverride,
  OperationName,
  OperationResult,
  Override,
  ResultOverride,
} from "./overrides.ts";
export type { RecordedCall } from "./recorded-call.ts";
export type { Violation } from "./validate.ts";
