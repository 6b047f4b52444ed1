// The schema interpreter on its own, for the keywords the generator keeps that today's spec does not use yet:
// a spec update that starts using them must be enforced, not silently ignored. The interpreter checks each
// keyword with the rule a table gives it; here the table holds every rule schema-rules.ts has.
import subset from "@realtimekit-api/types/schema-subset.json" with { type: "json" };
import { describe, expect, it } from "vitest";
import * as r from "../src/schema-rules.ts";
import { type Schema, validateSchema } from "../src/validate-schema.ts";
import { ALL_RULES } from "./support/all-rules.ts";

/** `pointer rule` per violation, sorted: which violations, not the order they are found in, is the contract. */
const rulesBroken = (schema: Schema, value: unknown, rules = ALL_RULES) =>
  validateSchema(schema, value, rules)
    .map((v) => `${v.pointer || "/"} ${v.rule}`)
    .sort();

describe("validateSchema", () => {
  it.each<[string, Schema, unknown, string[]]>([
    ["integer vs number", { type: "integer" }, 1.5, ["/ type"]],
    ["an integer is a number", { type: "number" }, 3, []],
    ["OpenAPI 3.1 type lists", { type: ["string", "null"] }, null, []],
    ["OpenAPI 3.1 type lists, miss", { type: ["string", "null"] }, 1, ["/ type"]],
    ["nullable", { type: "string", nullable: true }, null, []],
    ["not nullable", { type: "string" }, null, ["/ type"]],
    ["nullable, but neither null nor of the type", { type: "string", nullable: true }, 42, ["/ type"]],
    ["a wrong type skips the other keywords", { type: "string", maxLength: 1, enum: ["a"] }, 42, ["/ type"]],
    ["minLength", { type: "string", minLength: 2 }, "a", ["/ minLength"]],
    ["minLength, exactly the limit", { type: "string", minLength: 2 }, "ab", []],
    ["maxLength, exactly the limit", { type: "string", maxLength: 2 }, "ab", []],
    ["maxLength, one more", { type: "string", maxLength: 2 }, "abc", ["/ maxLength"]],
    ["pattern (Unicode mode)", { type: "string", pattern: "^\\p{Lu}+$" }, "ÉCOLE", []],
    ["pattern, miss", { type: "string", pattern: "^[a-z]+$" }, "ABC", ["/ pattern"]],
    ["enum", { enum: ["a", "b"] }, "c", ["/ enum"]],
    ["const", { const: true }, false, ["/ const"]],
    ["const, match", { const: true }, true, []],
    ["length rules ignore what is not a string", { minLength: 5, maxLength: 0 }, [1, 2], []],
    ["item rules ignore what is not an array", { minItems: 5, maxItems: 0, items: { type: "string" } }, "ab", []],
    ["minimum / maximum", { type: "number", minimum: 1, maximum: 3 }, 4, ["/ maximum"]],
    ["minimum / maximum, below", { type: "number", minimum: 1, maximum: 3 }, 0.5, ["/ minimum"]],
    ["minimum / maximum, exactly either limit", { type: "number", minimum: 1, maximum: 1 }, 1, []],
    ["OpenAPI 3.0 exclusiveMinimum, inside", { type: "number", minimum: 1, exclusiveMinimum: true }, 1.5, []],
    ["OpenAPI 3.0 exclusiveMaximum", { type: "number", maximum: 3, exclusiveMaximum: true }, 3, ["/ maximum"]],
    ["OpenAPI 3.1 exclusiveMinimum", { type: "number", exclusiveMinimum: 3 }, 3, ["/ exclusiveMinimum"]],
    ["OpenAPI 3.1 exclusiveMaximum, inside", { type: "number", exclusiveMaximum: 3 }, 2.5, []],
    ["exclusive bounds ignore what is not a number", { exclusiveMinimum: 3, exclusiveMaximum: 1, minimum: 5 }, "2", []],
    ["OpenAPI 3.0 exclusiveMinimum", { type: "number", minimum: 1, exclusiveMinimum: true }, 1, ["/ minimum"]],
    ["OpenAPI 3.0 exclusiveMaximum, inside", { type: "number", maximum: 3, exclusiveMaximum: true }, 2.5, []],
    ["OpenAPI 3.1 exclusiveMaximum", { type: "number", exclusiveMaximum: 3 }, 3, ["/ exclusiveMaximum"]],
    ["OpenAPI 3.1 exclusiveMinimum, inside", { type: "number", exclusiveMinimum: 3 }, 3.5, []],
    ["date-time", { type: "string", format: "date-time" }, "2026-11-25 10:00", ["/ format"]],
    ["date-time, valid", { type: "string", format: "date-time" }, "2026-11-25T10:00:00.5+01:00", []],
    ["date", { type: "string", format: "date" }, "25.11.2026", ["/ format"]],
    ["uuid", { type: "string", format: "uuid" }, "550e8400-e29b-41d4-a716-44665544000", ["/ format"]],
    ["uri", { type: "string", format: "uri" }, "no scheme", ["/ format"]],
    ["email", { type: "string", format: "email" }, "someone@", ["/ format"]],
    ["unknown formats are not guessed at", { type: "string", format: "x-custom" }, "anything", []],
    [
      "items with pointers",
      { type: "array", items: { type: "string" }, maxItems: 2 },
      ["a", 1, "c"],
      ["/ maxItems", "/1 type"],
    ],
    ["minItems", { type: "array", minItems: 1 }, [], ["/ minItems"]],
    ["minItems and maxItems, exactly the limit", { type: "array", minItems: 2, maxItems: 2 }, [1, 2], []],
    [
      "required and nested properties",
      {
        type: "object",
        required: ["a"],
        properties: { b: { type: "object", properties: { "c/d~e": { type: "string" } } } },
      },
      { b: { "c/d~e": 1 } },
      ["/a required", "/b/c/d~e type"],
    ],
    [
      "additionalProperties: false refuses what properties does not list, its name escaped in the pointer",
      { type: "object", properties: { a: { type: "string" } }, additionalProperties: false },
      { a: "x", "b/c~d": 1 },
      ["/b~1c~0d additionalProperties"],
    ],
    [
      "additionalProperties: false, only listed properties, or unlisted ones left undefined",
      { type: "object", properties: { a: { type: "string" } }, additionalProperties: false },
      { a: "x", b: undefined },
      [],
    ],
    [
      "additionalProperties as a schema checks every unlisted property against it",
      { type: "object", properties: { a: { type: "string" } }, additionalProperties: { type: "integer" } },
      { a: "x", n: 1, m: "no" },
      ["/m type"],
    ],
    ["additionalProperties ignores what is not an object", { additionalProperties: false }, ["x"], []],
    ["additionalProperties ignores strings", { additionalProperties: false }, "xy", []],
    ["required ignores what is not an object", { required: ["a"] }, ["x"], []],
    ["properties ignores what is not an object", { properties: { 0: { type: "string" } } }, [1], []],
    [
      "null where nullable skips the other keywords",
      { type: "string", nullable: true, enum: ["a"], minLength: 2 },
      null,
      [],
    ],
    ["allOf", { allOf: [{ type: "string" }, { minLength: 3 }] }, "ab", ["/ minLength"]],
    ["anyOf", { anyOf: [{ type: "string" }, { type: "integer" }] }, true, ["/ anyOf"]],
    ["anyOf, match", { anyOf: [{ type: "string" }, { type: "integer" }] }, "x", []],
    ["oneOf, match", { oneOf: [{ type: "string" }, { type: "integer" }] }, 3, []],
    ["oneOf, no match", { oneOf: [{ type: "string" }, { type: "integer" }] }, true, ["/ oneOf"]],
    ["oneOf, two matches", { oneOf: [{ type: "number" }, { type: "integer" }] }, 3, ["/ oneOf"]],
  ])("%s", (_, schema, value, broken) => {
    expect(rulesBroken(schema, value)).toEqual(broken);
  });

  it("an unlisted property is named with the rule and a sentence", () => {
    expect(validateSchema({ type: "object", additionalProperties: false }, { extra: 1 }, ALL_RULES)).toEqual([
      { pointer: "/extra", rule: "additionalProperties", message: "is not allowed" },
    ]);
  });

  it("messages describe the rule, never the value", () => {
    const [violation] = validateSchema({ type: "string", maxLength: 3 }, "secret-value", ALL_RULES);
    expect(violation).toEqual({ pointer: "", rule: "maxLength", message: "must have at most 3 characters" });
  });

  it.each<[string, Schema, unknown, string]>([
    [
      "anyOf, no match",
      { anyOf: [{ type: "string" }, { type: "integer" }] },
      true,
      "must match one of the allowed schemas",
    ],
    [
      "oneOf, no match",
      { oneOf: [{ type: "string" }, { type: "integer" }] },
      true,
      "must match one of the allowed schemas",
    ],
    [
      "oneOf, two matches",
      { oneOf: [{ type: "number" }, { type: "integer" }] },
      3,
      "must match only one of the allowed schemas",
    ],
    ["pattern", { pattern: "^[a-z]+$" }, "ABC", "must match /^[a-z]+$/"],
    ["enum", { enum: ["a", "b"] }, "c", 'must be one of ["a","b"]'],
    ["format", { format: "uuid" }, "x", 'must be a valid "uuid"'],
  ])("message for %s", (_, schema, value, message) => {
    expect(validateSchema(schema, value, ALL_RULES).map((v) => v.message)).toEqual([message]);
  });
});

describe("formats: what each pattern takes, and what it refuses with something before, after or inside", () => {
  const FORMATS: Record<string, { takes: string[]; refuses: string[] }> = {
    uuid: {
      takes: ["550e8400-e29b-41d4-a716-446655440000", "550E8400-E29B-41D4-A716-446655440000"],
      refuses: [
        "x550e8400-e29b-41d4-a716-446655440000",
        "550e8400-e29b-41d4-a716-446655440000x",
        "550e8400e29b41d4a716446655440000",
      ],
    },
    "date-time": {
      takes: ["2026-11-25T10:00:00Z", "2026-11-25t10:00:00.123+01:00"],
      refuses: ["x2026-11-25T10:00:00Z", "2026-11-25T10:00:00Zx", "2026-11-25T10:00:00", "2026-11-25T10:00Z"],
    },
    date: { takes: ["2026-11-25"], refuses: ["x2026-11-25", "2026-11-25x", "26-11-25", "2026-1-25"] },
    uri: {
      takes: ["https://example.com/a?b=c", "urn:isbn:0451450523"],
      refuses: [" https://x", "https://x y", "no scheme"],
    },
    email: {
      takes: ["someone@example.com", "a@b"],
      refuses: [" someone@example.com", "someone@example.com ", "some one@example.com", "@example.com", "someone@"],
    },
  };
  it.each(Object.entries(FORMATS))("%s", (format, { takes, refuses }) => {
    for (const value of takes) expect(rulesBroken({ type: "string", format }, value), value).toEqual([]);
    for (const value of refuses) expect(rulesBroken({ type: "string", format }, value), value).toEqual(["/ format"]);
  });
});

describe("the rules table drives what is checked", () => {
  it("a keyword whose rule the table lacks is not checked; with its rule, it is", () => {
    const schema: Schema = { type: "string", maxLength: 2, pattern: "^[a-z]+$" };
    expect(rulesBroken(schema, "ABC", {})).toEqual([]);
    expect(rulesBroken(schema, "ABC", { maxLength: r.maxLength })).toEqual(["/ maxLength"]);
    expect(rulesBroken(schema, "ABC", { maxLength: r.maxLength, pattern: r.pattern })).toEqual([
      "/ maxLength",
      "/ pattern",
    ]);
  });

  it("subschemas are checked with the same table", () => {
    const schema: Schema = {
      type: "object",
      properties: { a: { type: "array", items: { type: "string", minLength: 2 } } },
    };
    const value = { a: ["x", 1] };
    // `type` is the interpreter's own; nested keywords need their rules, and properties/items carry the table down.
    expect(rulesBroken(schema, value, { properties: r.properties })).toEqual([]);
    expect(rulesBroken(schema, value, { properties: r.properties, items: r.items })).toEqual(["/a/1 type"]);
    expect(rulesBroken(schema, value, { properties: r.properties, items: r.items, minLength: r.minLength })).toEqual([
      "/a/0 minLength",
      "/a/1 type",
    ]);
  });

  it("format checks only the formats it was given", () => {
    const onlyUuid = { format: r.format({ uuid: r.uuidFormat }) };
    expect(rulesBroken({ format: "uuid" }, "x", onlyUuid)).toEqual(["/ format"]);
    expect(rulesBroken({ format: "date-time" }, "x", onlyUuid)).toEqual([]);
  });
});

describe("schema-rules.ts and the schema subset @realtimekit-api/types declares", () => {
  // The generator keeps the subset's keywords and refers to `rules.<keyword>` and each format's export: a rule
  // the subset names must be here, and a rule here that it does not name would never be used.
  it("has a rule for every keyword but type and nullable, a pattern for every format, and nothing else", () => {
    const rules = subset.keywords.filter((keyword) => keyword !== "type" && keyword !== "nullable");
    const patterns = Object.values(subset.formats);
    expect(Object.keys(r).sort()).toEqual([...rules, ...patterns].sort());
    for (const name of rules) expect(typeof (r as Record<string, unknown>)[name], name).toBe("function");
    for (const name of patterns) expect((r as Record<string, unknown>)[name], name).toBeInstanceOf(RegExp);
  });
});
