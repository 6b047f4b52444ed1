// Security: a requirement list is a choice between alternatives, each needing all of its schemes (and scopes).
// Old callers hold credentials for one of the old alternatives; the new list must still accept each of them.

import { fromRoot, joinPointer } from "../openapi.ts";
import { type Change, change } from "./change.ts";
import { isDocumentation, sameJson } from "./compare-docs.ts";
import type { OperationPair } from "./operations.ts";

type Requirement = Record<string, string[]>;

export function compareSecurity({ documents, base, head }: OperationPair): Change[] {
  const changes: Change[] = [];
  // No requirement at all is one alternative that needs nothing.
  const before: Requirement[] = base.security.requirements.length ? base.security.requirements : [{}];
  const after: Requirement[] = head.security.requirements.length ? head.security.requirements : [{}];
  const stricter = before.filter((old) => !after.some((now) => needsNoMoreThan(now, old)));
  const looser = after.filter((now) => !before.some((old) => needsNoMoreThan(old, now)));
  const list = (requirements: Requirement[]) => requirements.map(show).join(" or ");
  const pointer = head.security.pointer;
  if (stricter.length > 0) {
    const message = `${head.id}: callers authorised by ${list(stricter)} are no longer accepted (now ${list(after)})`;
    changes.push(change("major", "security-requirement-added", pointer, message));
  } else if (looser.length > 0) {
    changes.push(change("minor", "security-requirement-relaxed", pointer, `${head.id}: also accepts ${list(looser)}`));
  }

  const usedBefore = new Set(before.flatMap(Object.keys));
  const strip = (scheme: object) => Object.fromEntries(Object.entries(scheme).filter(([key]) => !isDocumentation(key)));
  for (const name of new Set(after.flatMap(Object.keys).filter((name) => usedBefore.has(name)))) {
    const [was, is] = [documents.base, documents.head].map((document) =>
      fromRoot(document, "components", "securitySchemes", name),
    );
    if (!was || !is) continue; // a scheme that is not defined is the spec linter's to report
    if (!sameJson(strip(was.node), strip(is.node))) {
      const message = `${head.id}: security scheme ${name} changed how credentials are sent`;
      changes.push(change("major", "security-scheme-changed", is.pointer, message));
    } else if (!sameJson(was.node.description, is.node.description)) {
      const message = `security scheme ${name}: description changed`;
      changes.push(change("patch", "description-changed", joinPointer(is.pointer, "description"), message));
    }
  }
  return changes;
}

/** Whether a caller holding what `have` needs is enough for `need`. */
function needsNoMoreThan(need: Requirement, have: Requirement): boolean {
  return Object.entries(need).every(
    ([scheme, scopes]) => scheme in have && scopes.every((scope) => have[scheme]!.includes(scope)),
  );
}

function show(requirement: Requirement): string {
  const schemes = Object.entries(requirement).map(([scheme, scopes]) =>
    scopes.length ? `${scheme}(${scopes.join(", ")})` : scheme,
  );
  return schemes.length ? schemes.join(" + ") : "no credentials";
}
