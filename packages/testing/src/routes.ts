// Which operation a request is for. Each operation's handler matches its own path; handlers are ordered so that
// a literal segment wins over a parameter where two paths overlap (`/kit/apps/{app_id}` before
// `/kit/{app_id}/meetings` for `/kit/apps/meetings`), as the API's router decides.
import type { OperationSpec } from "./operation-spec.ts";

export type Route = { pattern: RegExp; names: string[] };

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The RegExp MSW matches `path` with under `baseUrl` (whole URL, no query), and its parameter names in order. */
export function route(baseUrl: string, path: string): Route {
  const names: string[] = [];
  const source = path
    .split(/(\{[^}]+\})/)
    .map((part) => {
      const name = part.match(/^\{([^}]+)\}$/)?.[1];
      if (name === undefined) return escapeRegExp(part);
      names.push(name);
      return "([^/]+)";
    })
    .join("");
  return { pattern: new RegExp(`^${escapeRegExp(baseUrl.replace(/\/+$/, ""))}${source}$`), names };
}

/** The path parameters of `url` for `route`, decoded. */
export function pathParams(route: Route, url: URL): Record<string, string> {
  const match = route.pattern.exec(`${url.origin}${url.pathname}`);
  return Object.fromEntries(route.names.map((name, index) => [name, decodeURIComponent(match?.[index + 1] ?? "")]));
}

/** Sorts operations so that, segment by segment, a literal comes before a parameter. */
export function bySpecificity<T extends [string, OperationSpec]>(entries: T[]): T[] {
  const key = (path: string) => path.split("/").map((segment) => (segment.startsWith("{") ? "1" : "0"));
  return [...entries].sort(([, a], [, b]) => {
    const [left, right] = [key(a.path), key(b.path)];
    for (let i = 0; i < Math.min(left.length, right.length); i++) {
      if (left[i] !== right[i]) return left[i]! < right[i]! ? -1 : 1;
    }
    return 0;
  });
}
