// Every keyword rule schema-rules.ts has, and every format it knows, in one table: for tests of the schema
// interpreter on its own, where the generated table's rules (only those today's spec uses) would be too few.
import * as r from "../../src/schema-rules.ts";
import type { Rule, Rules } from "../../src/validate-schema.ts";

/** The keyword rules: every function export but `format`, which is a factory (and the `…Format` exports are patterns). */
const keywordRules = Object.fromEntries(
  Object.entries(r).filter((entry): entry is [string, Rule] => typeof entry[1] === "function" && entry[0] !== "format"),
);

export const ALL_RULES: Rules = {
  ...keywordRules,
  format: r.format({
    uuid: r.uuidFormat,
    "date-time": r.dateTimeFormat,
    date: r.dateFormat,
    uri: r.uriFormat,
    email: r.emailFormat,
  }),
};
