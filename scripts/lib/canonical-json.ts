// Top-level keys in OpenAPI's conventional order; every other key is sorted alphabetically.
const LEADING_KEYS = ["openapi", "info", "servers", "security", "tags", "paths", "components"];

/** Serialises JSON with a stable key order and formatting, so equal documents are equal bytes. */
export function canonicalJson(value: unknown): string {
  return `${JSON.stringify(sortKeys(value), null, 2)}\n`;
}

function sortKeys(value: unknown, leading: string[] = LEADING_KEYS): unknown {
  if (Array.isArray(value)) return value.map((item) => sortKeys(item, []));
  if (!value || typeof value !== "object") return value;
  const rank = (key: string) => (leading.includes(key) ? leading.indexOf(key) : leading.length);
  const keys = Object.keys(value).sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(keys.map((key) => [key, sortKeys((value as Record<string, unknown>)[key], [])]));
}
