// Option checks done once, when a client is created (and for a call's own limits): a bad option fails at
// once with RealtimeKitValidationError instead of turning into a confusing failure on the wire.
import { RealtimeKitValidationError } from "./errors.ts";

const LOOPBACK_HOST = /^(localhost|127\.[\d.]+|\[::1\])$/;
// RFC 9110 token68 is stricter; this only keeps out what would break the header or leak into an error:
// a Headers error quotes the invalid value, token and all.
const PRINTABLE_TOKEN = /^[\x21-\x7e]+$/;

/** The API token, trimmed (env files often end in a newline); its value never appears in an error. */
export function checkApiToken(apiToken: unknown): string {
  const token = typeof apiToken === "string" ? apiToken.trim() : "";
  if (!token)
    throw new RealtimeKitValidationError("apiToken", "required", "pass `apiToken` or set CLOUDFLARE_API_TOKEN");
  if (!PRINTABLE_TOKEN.test(token)) {
    throw new RealtimeKitValidationError("apiToken", "format", "must be printable ASCII without spaces");
  }
  return token;
}

/** The base URL, normalised; plain http only to loopback, since every request carries the token. */
export function checkBaseUrl(baseUrl: string): string {
  const url = URL.canParse(baseUrl) ? new URL(baseUrl) : undefined;
  if (!url || !/^https?:$/.test(url.protocol) || url.username || url.password || url.search || url.hash) {
    throw new RealtimeKitValidationError(
      "baseUrl",
      "url",
      "must be an http(s) URL without credentials, query or fragment",
    );
  }
  if (url.protocol === "http:" && !LOOPBACK_HOST.test(url.hostname)) {
    throw new RealtimeKitValidationError("baseUrl", "https", "must be https (http only to loopback hosts)");
  }
  // href has `{` and `}` percent-encoded, so the path serializer sees placeholders from the path template only.
  return url.href;
}

// The last two are `backoff`'s.
const LIMITS = ["maxRetries", "timeoutMs", "deadlineMs", "maxResponseBytes", "initialDelayMs", "maxDelayMs"] as const;

/** Each limit that is set must be a number ≥ 0 (Infinity allowed), and maxRetries a whole one. */
export function checkLimits(options: Partial<Record<(typeof LIMITS)[number], number>>): void {
  for (const name of LIMITS) {
    const value = options[name];
    if (value !== undefined && !(value >= 0 && (name !== "maxRetries" || Number.isInteger(value)))) {
      throw new RealtimeKitValidationError(
        name,
        "minimum",
        `must be a ${name === "maxRetries" ? "whole " : ""}number ≥ 0`,
      );
    }
  }
}
