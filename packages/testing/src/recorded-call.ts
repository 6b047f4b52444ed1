// What the kit records of each request it receives, for a test to assert on.
import type { RealtimeKitOperations } from "@realtimekit-api/types";
import type { OperationName } from "./overrides.ts";

type Params<Name extends OperationName> = RealtimeKitOperations[Name]["params"];

export type RecordedCall<Name extends OperationName = OperationName> = {
  operation: Name;
  /** `GET`, `POST`, … */
  method: string;
  url: string;
  /** The path parameters, and the query parameters that were sent, typed as the spec types them. */
  params: Partial<Omit<Params<Name>, "body">>;
  /** The JSON body as received (invalid bodies too); `undefined` when none was sent. */
  body: (Params<Name> extends { body?: infer Body } ? Body : never) | undefined;
  /**
   * Every header, names in lower case; credentials redacted: `authorization` is `Bearer [redacted]`, `x-auth-key`,
   * `x-auth-user-service-key` and `cookie` are `[redacted]`.
   */
  headers: Record<string, string>;
  /** The status the kit answered with; 0 for a simulated network error. */
  status: number;
};

/** Headers that carry a credential: the bearer token, and Cloudflare's older key-based ones. */
const CREDENTIAL_HEADERS = new Set(["authorization", "x-auth-key", "x-auth-user-service-key", "cookie"]);

/** A request's headers with credentials taken out, so a recorded call can be printed or snapshotted safely. */
export function redactedHeaders(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, name) => {
    if (!CREDENTIAL_HEADERS.has(name)) out[name] = value;
    else {
      // Only a scheme followed by a credential keeps its scheme: a bare value may be the token itself.
      const scheme = name === "authorization" ? value.match(/^(\w+)\s+\S/)?.[1] : undefined;
      out[name] = scheme ? `${scheme} [redacted]` : "[redacted]";
    }
  });
  return out;
}
