// The schema interpreter on its own, for the keywords the generator keeps that today's spec does not use yet:
// a spec update that starts using them must be enforced, not silently ignored.
import { describe, expect, it } from "vitest";
import { type Schema, validateSchema } from "../src/validate-schema.ts";

const rulesBroken = (schema: Schema, value: unknown) => validateSchema(schema, value).map((v) => `${v.pointer || "/"} ${v.rule}`);

describe("validateSchema", () => {
  it.each<[string, Schema, unknown, string[]]>([
    ["integer vs number", { type: "integer" }, 1.5, ["/ type"]],
    ["an integer is a number", { type: "number" }, 3, []],
    ["OpenAPI 3.1 type lists", { type: ["string", "null"] }, null, []],
    ["OpenAPI 3.1 type lists, miss", { type: ["string", "null"] }, 1, ["/ type"]],
    ["nullable", { type: "string", nullable: true }, null, []],
    ["not nullable", { type: "string" }, null, ["/ type"]],
    ["minLength", { type: "string", minLength: 2 }, "a", ["/ minLength"]],
    ["pattern (Unicode mode)", { type: "string", pattern: "^\\p{Lu}+$" }, "ÉCOLE", []],
    ["pattern, miss", { type: "string", pattern: "^[a-z]+$" }, "ABC", ["/ pattern"]],
    ["enum", { enum: ["a", "b"] }, "c", ["/ enum"]],
    ["const", { const: true }, false, ["/ const"]],
    ["minimum / maximum", { type: "number", minimum: 1, maximum: 3 }, 4, ["/ maximum"]],
    ["OpenAPI 3.0 exclusiveMinimum", { type: "number", minimum: 1, exclusiveMinimum: true }, 1, ["/ minimum"]],
    ["OpenAPI 3.1 exclusiveMaximum", { type: "number", exclusiveMaximum: 3 }, 3, ["/ exclusiveMaximum"]],
    ["date-time", { type: "string", format: "date-time" }, "2026-11-25 10:00", ["/ format"]],
    ["unknown formats are not guessed at", { type: "string", format: "x-custom" }, "anything", []],
    ["items with pointers", { type: "array", items: { type: "string" }, maxItems: 2 }, ["a", 1, "c"], ["/ maxItems", "/1 type"]],
    ["required and nested properties", { type: "object", required: ["a"], properties: { b: { type: "object", properties: { "c/d~e": { type: "string" } } } } }, { b: { "c/d~e": 1 } }, ["/a required", "/b/c~1d~0e type"]],
    ["allOf", { allOf: [{ type: "string" }, { minLength: 3 }] }, "ab", ["/ minLength"]],
    ["anyOf", { anyOf: [{ type: "string" }, { type: "integer" }] }, true, ["/ anyOf"]],
    ["oneOf, match", { oneOf: [{ type: "string" }, { type: "integer" }] }, 3, []],
    ["oneOf, no match", { oneOf: [{ type: "string" }, { type: "integer" }] }, true, ["/ oneOf"]],
    ["oneOf, two matches", { oneOf: [{ type: "number" }, { type: "integer" }] }, 3, ["/ oneOf"]],
  ])("%s", (_, schema, value, broken) => {
    expect(rulesBroken(schema, value)).toEqual(broken);
  });

  it("messages describe the rule, never the value", () => {
    const [violation] = validateSchema({ type: "string", maxLength: 3 }, "secret-value");
    expect(violation).toEqual({ pointer: "", rule: "maxLength", message: "must have at most 3 characters" });
  });
});
