import { JSONPath } from "jsonpath-plus";
import { isObject } from "./openapi.ts";

/** One action of an OpenAPI Overlay 1.0 document. */
export type OverlayAction = { target: string; description?: string; update?: unknown; remove?: boolean };
export type Overlay = { overlay: string; info: { title: string; version: string }; actions: OverlayAction[] };
type Match = { value: unknown; parent: any; parentProperty: string | number };

/**
 * Applies an OpenAPI Overlay 1.0 document in place, in action order.
 * A target that matches nothing is an error: a correction that no longer applies must be reviewed, not skipped.
 */
export function applyOverlay(document: object, overlay: Overlay): void {
  if (!/^1\.\d+\.\d+$/.test(String(overlay?.overlay))) throw new Error(`overlay: "overlay" must be a 1.x version`);
  for (const [index, action] of overlay.actions.entries()) {
    const matches = JSONPath({ path: action.target, json: document, resultType: "all", eval: "safe" }) as Match[];
    if (matches.length === 0) throw new Error(`overlay action ${index} (${action.target}) matches nothing`);
    // Removing from the end keeps the remaining array indexes valid.
    for (const match of matches.reverse()) {
      if (match.parent === null) {
        // `$` itself: the document object is kept (callers hold it), so merge into it.
        if (action.remove) throw new Error(`overlay action ${index} removes the whole document`);
        Object.assign(document, merge(document, action.update));
      } else if (action.remove) {
        if (Array.isArray(match.parent)) match.parent.splice(Number(match.parentProperty), 1);
        else delete match.parent[match.parentProperty];
      } else if (action.update !== undefined) {
        match.parent[match.parentProperty] = merge(match.value, action.update);
      }
    }
  }
}

/** Overlay merge: objects merge recursively, arrays append, anything else is replaced. */
function merge(target: unknown, update: unknown): unknown {
  if (Array.isArray(target) && Array.isArray(update)) return [...target, ...structuredClone(update)];
  if (isObject(target) && isObject(update)) {
    const result: Record<string, unknown> = { ...target };
    for (const [key, value] of Object.entries(update)) result[key] = merge(result[key], value);
    return result;
  }
  return structuredClone(update);
}
