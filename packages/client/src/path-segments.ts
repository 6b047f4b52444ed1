import { RealtimeKitValidationError } from "./errors.ts";

const TEMPLATE_PARAMETER = /\{([^{}]+)\}/g;

/**
 * Fills a path template's `{name}` placeholders, each with exactly one encoded path segment. Used as
 * openapi-fetch's `pathSerializer`, so `client.raw` gets the same protection as the typed method.
 * encodeURIComponent keeps `/`, `?` and `#` inside the segment, but a whole value of `.` or `..` would still
 * be resolved by the URL parser (`..` climbs a segment), an empty value leaves an empty segment, and a
 * missing one would leave the placeholder in the URL: those are refused before anything is sent.
 */
export function fillPathTemplate(template: string, values: Record<string, unknown> | undefined): string {
  return template.replace(TEMPLATE_PARAMETER, (_, name: string) => {
    const value = values?.[name];
    if (typeof value !== "string") {
      throw new RealtimeKitValidationError(name, value === undefined ? "required" : "type",
        value === undefined ? "is required" : `must be a string, not ${value === null ? "null" : typeof value}`);
    }
    if (value === "" || value === "." || value === "..") {
      throw new RealtimeKitValidationError(name, "pathSegment", `must be one non-empty path segment, not ${JSON.stringify(value)}`);
    }
    return encodeURIComponent(value);
  });
}
