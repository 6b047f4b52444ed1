// What every request to the API carries, worked out once per client from its options: the checked base URL,
// the headers with the credential, and a redactor for that credential. The typed client and the
// raw openapi-fetch client (the `./raw` export) share it, so both authenticate and refuse the same way.
import packageJson from "../package.json" with { type: "json" };
import { checkApiToken, checkBaseUrl } from "./check-options.ts";
import { RealtimeKitValidationError } from "./errors.ts";
import type { Logger, LogLevel } from "./logger.ts";

export type ConnectionOptions = {
  /** A Cloudflare API token with the "Realtime" or "Realtime Admin" permission. Default: `CLOUDFLARE_API_TOKEN`. */
  apiToken?: string;
  /** Default: the spec's server, `https://api.cloudflare.com/client/v4`. Plain `http:` only for loopback hosts. */
  baseUrl?: string;
  /** Extra headers on every request; they cannot replace `Authorization`. */
  headers?: Record<string, string>;
  /** Receives debug/info/warn/error lines; credentials are redacted. */
  logger?: Logger;
  /** Default "warn". */
  logLevel?: LogLevel;
};

export type Connection = {
  /** The base URL without a trailing slash, ready for a path to be appended. */
  baseUrl: string;
  headers: Record<string, string>;
  redact: (text: string) => string;
};

/**
 * Headers with lower-case names, less any Authorization: only the client's own token is ever sent. A name or
 * value that HTTP does not allow (a line break, say) is refused here, not left to fail each attempt.
 */
export function withoutCredential(headers: Record<string, string> | undefined): Record<string, string> {
  let checked: Headers;
  try {
    checked = new Headers(headers);
  } catch {
    throw new RealtimeKitValidationError("headers", "format", "must be valid header names and values");
  }
  checked.delete("authorization");
  return Object.fromEntries(checked);
}

/** Throws RealtimeKitValidationError for a missing or malformed token or base URL. */
export function connectionFor(defaultBaseUrl: string, options: ConnectionOptions): Connection {
  const apiToken = checkApiToken(options.apiToken ?? globalThis.process?.env?.CLOUDFLARE_API_TOKEN);
  return {
    baseUrl: checkBaseUrl(options.baseUrl ?? defaultBaseUrl).replace(/\/$/, ""),
    // A User-Agent of the caller's replaces the package's, in whatever case it is spelled.
    headers: {
      "user-agent": `${packageJson.name}/${packageJson.version}`,
      ...withoutCredential(options.headers),
      authorization: `Bearer ${apiToken}`,
    },
    redact: (text) => text.replaceAll(apiToken, "[redacted]"),
  };
}
