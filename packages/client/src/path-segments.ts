import { RealtimeKitValidationError } from "./errors.ts";

const TEMPLATE_PARAMETER = /\{([^{}]+)\}/;

/**
 * A function that fills a path template's `{name}` placeholders, each with exactly one encoded path segment
 * (split it once to fill it many times). encodeURIComponent keeps `/`, `?` and `#` inside the
 * segment, but a whole value of `.` or `..` would still be resolved by the URL parser (`..` climbs a segment),
 * an empty value leaves an empty segment, a missing one would leave the placeholder in the URL, and a lone
 * UTF-16 surrogate cannot be encoded at all: those are refused before anything is sent.
 */
export function pathFiller(template: string): (values: Record<string, unknown> | undefined) => string {
  // [text, name, text, name, …, text]
  const parts = template.split(TEMPLATE_PARAMETER);
  return (values) => {
    let path = parts[0]!;
    for (let i = 1; i < parts.length; i += 2) path += segment(parts[i]!, values?.[parts[i]!]) + parts[i + 1];
    return path;
  };
}

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
