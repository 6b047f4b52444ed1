// Classifies the change between two versions of the spec as the semver bump the published packages need,
// from the point of view of code written against the old packages. See each compare-*.ts for its rules.
import type { OpenApiDocument } from "../openapi.ts";
import { bumpFor, type Change, type SpecDiff, sortChanges } from "./change.ts";
import { compareConstraints } from "./compare-constraints.ts";
import { compareDocs } from "./compare-docs.ts";
import { compareOperation, compareOperationSets } from "./compare-operations.ts";
import { compareSecurity } from "./compare-security.ts";
import { compareTypes } from "./compare-types.ts";
import { compareUnclassified } from "./compare-unclassified.ts";
import { clientMethod, differs, findOperations, pairOperation, publishedOperationIds } from "./operations.ts";

export type { Bump, Change, Level, SpecDiff } from "./change.ts";

export async function diffSpecs(
  base: OpenApiDocument,
  head: OpenApiDocument,
  // The operationIds consumers can call; by default every operation in either document.
  options: { operations?: readonly string[] } = {},
): Promise<SpecDiff> {
  const ids = options.operations ?? publishedOperationIds(base, head);
  const [before, after] = [findOperations(base, ids), findOperations(head, ids)];
  // Comparing two documents that publish nothing would say "none" about the wrong files.
  if (before.size === 0 && after.size === 0) {
    throw new Error(`neither document has any of the published operations (${ids.join(", ")})`);
  }
  const documents = { base, head };
  // An operation that is the same text on both sides, with all it depends on, cannot have changed: only the
  // others are compared, so a change to one of 62 operations costs one operation's comparison.
  const pairs = ids
    .filter((id) => before.has(id) && after.has(id) && differs(documents, id))
    .map((id) => pairOperation(documents, before.get(id)!, after.get(id)!));

  // Each change names its operation by client method, so release notes can list changes per operation.
  const changes: Change[] = compareOperationSets(ids, before, after);
  const typeChanges = await compareTypes(documents, pairs);
  for (const pair of pairs) {
    const found = [
      ...compareOperation(pair.base, pair.head),
      ...compareSecurity(pair),
      ...compareConstraints(pair),
      ...compareDocs(pair),
      ...typeChanges.get(pair.head.id)!, // compareTypes has an entry for every pair
    ];
    const operation = clientMethod(pair.head);
    changes.push(...[...found, ...compareUnclassified(pair, found)].map((change) => ({ ...change, operation })));
  }
  const sorted = sortChanges(changes);
  return { bump: bumpFor(sorted), changes: sorted };
}
