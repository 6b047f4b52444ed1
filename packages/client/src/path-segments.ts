import { RealtimeKitValidationError } from "./errors.ts";

const TEMPLATE_PARAMETER = /\{([^{}]+)\}/g;

/**
 * The path template with its `{name}` placeholders filled, each with exactly one encoded path segment.
 * encodeURIComponent keeps `/`, `?` and `#` inside the segment, but a whole value of `.` or `..` would still be
 * resolved by the URL parser (`..` climbs a segment), an empty value leaves an empty segment, a missing one would
 * leave the placeholder in the URL, and a lone UTF-16 surrogate cannot be encoded at all: those are refused
 * before anything is sent.
 */
export const fillPath = (template: string, values: Record<string, unknown> | undefined): string =>
  template.replace(TEMPLATE_PARAMETER, (_, name: string) => segment(name, values?.[name]));

function segment(name: string, value: unknown): string {
  if (typeof value !== "string") {
    throw new RealtimeKitValidationError(
      name,
      value === undefined ? "required" : "type",
      value === undefined ? "is required" : "must be a string",
    );
  }
  if (value === "" || value === "." || value === "..") {
    throw new RealtimeKitValidationError(
      name,
      "pathSegment",
      `must be one non-empty path segment, not ${JSON.stringify(value)}`,
    );
  }
  try {
    return encodeURIComponent(value);
  } catch {
    throw new RealtimeKitValidationError(name, "pathSegment", "must not hold a lone surrogate");
  }
}
