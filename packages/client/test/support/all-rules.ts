// Every keyword rule schema-rules.ts has, and every format of the schema subset, in one table: for tests of the
// schema interpreter on its own, where the generated table's rules (only those today's spec uses) would be too few.
import subset from "@realtimekit-api/types/schema-subset.json" with { type: "json" };
import * as r from "../../src/schema-rules.ts";
import type { Rule, Rules } from "../../src/validate-schema.ts";

/** The keyword rules: every function export but `format`, which is a factory (and the `…Format` exports are patterns). */
const keywordRules = Object.fromEntries(
  Object.entries(r).filter((entry): entry is [string, Rule] => typeof entry[1] === "function" && entry[0] !== "format"),
);

export const ALL_RULES: Rules = {
  ...keywordRules,
  format: r.format(
    Object.fromEntries(
      Object.entries(subset.formats).map(([name, pattern]) => [
        name,
        (r as unknown as Record<string, RegExp>)[pattern]!,
      ]),
    ),
  ),
};
