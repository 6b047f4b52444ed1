import { RealtimeKitValidationError } from "./errors.ts";

const TEMPLATE_PARAMETER = /\{([^{}]+)\}/g;

/**
 * The path template with its `{name}` placeholders filled, each with exactly one encoded path segment. The values
 * have passed the operation's schema (a path parameter is required); `checkPathValues` is for those that have not.
 * encodeURIComponent keeps `/`, `?` and `#` inside the segment, but a whole value of `.` or `..` would still be
 * resolved by the URL parser (`..` climbs a segment), an empty value leaves an empty segment, and a lone UTF-16
 * surrogate cannot be encoded at all: those are refused before anything is sent.
 */
export const fillPath = (template: string, values: Record<string, unknown>): string =>
  template.replace(TEMPLATE_PARAMETER, (_, name: string) => segment(name, String(values[name])));

/**
 * Refuses a placeholder of `template` whose value is missing (it would be sent as `{name}`) or not a string, as
 * no schema has checked them: the raw client's values. Only the raw client imports it.
 */
export function checkPathValues(template: string, values: Record<string, unknown> | undefined): void {
  for (const [, name] of template.matchAll(TEMPLATE_PARAMETER)) {
    const value = values?.[name!];
    if (typeof value !== "string")
      throw new RealtimeKitValidationError(
        name!,
        value === undefined ? "required" : "type",
        value === undefined ? "is required" : "must be a string",
      );
  }
}

function segment(name: string, value: string): string {
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
