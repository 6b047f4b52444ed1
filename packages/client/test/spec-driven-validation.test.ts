// Request validation comes from the spec alone: change a rule in a copy of the spec, regenerate the operation
// table from it, and the client built on that table refuses what it used to send, naming the parameter and rule.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getMeetingParticipantOperation as committedTable, operations } from "../src/generated/operations.ts";
import { requestBodySchemas } from "../src/generated/request-body-schemas.ts";
import { responseSchemas } from "../src/generated/response-schemas.ts";
import { createRealtimeKit, type RealtimeKitMethods, RealtimeKitValidationError } from "../src/index.ts";
import type { OperationTable } from "../src/operation-table.ts";
import * as schemaRules from "../src/schema-rules.ts";
import type { Rules } from "../src/validate-schema.ts";
import { json, recordingFetch, TOKEN, validParams } from "./helpers.ts";
import { PACKAGE_DIR } from "./support/built-client.ts";
import { successBody } from "./support/participant.ts";

const REPO_ROOT = join(PACKAGE_DIR, "../..");
const GENERATOR = join(REPO_ROOT, "scripts/codegen/client.ts");
const SPEC = join(REPO_ROOT, "openapi/realtimekit.openapi.json");
const COMMITTED_TABLE = join(PACKAGE_DIR, "src/generated/operations.ts");
const RULES_MODULE = join(PACKAGE_DIR, "src/schema-rules.ts");

let scratch: string;
beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), "realtimekit-codegen-"));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Runs the real generator script on `spec`, writing (or with --check, comparing) `out`. */
function generate(spec: unknown, out: string, ...flags: string[]) {
  const specFile = join(scratch, `spec-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(specFile, JSON.stringify(spec, null, 2));
  return spawnSync(
    join(PACKAGE_DIR, "node_modules/.bin/tsx"),
    [GENERATOR, "--spec", specFile, "--out", out, ...flags],
    {
      cwd: PACKAGE_DIR,
      encoding: "utf8",
    },
  );
}

const specCopy = () => JSON.parse(readFileSync(SPEC, "utf8"));
const parametersOf = (spec: any) =>
  Object.values<any>(spec.paths).find((item) => item.get?.["x-client-method"] === "getMeetingParticipant").get
    .parameters as Array<{ name: string; schema: any }>;

/** The participant call on `table`, with a fetch that records what would have been sent. */
function clientOn(table: OperationTable): {
  client: Pick<RealtimeKitMethods, "getMeetingParticipant">;
  requests: Request[];
} {
  const { fetch, requests } = recordingFetch(() => json(successBody()));
  const realtimeKit = createRealtimeKit({ apiToken: TOKEN, baseUrl: "http://127.0.0.1:9", fetch });
  return { client: { getMeetingParticipant: (params, options) => realtimeKit.call(table, params, options) }, requests };
}

/** The module the generated table imports its rules from, as written in the file. */
const rulesImportOf = (source: string) => /^import \* as rules from "([^"]+)";$/m.exec(source)?.[1];

it("the unchanged spec generates the committed table, byte for byte (--check passes)", () => {
  const result = generate(specCopy(), COMMITTED_TABLE, "--check");
  expect(result.status, result.stderr).toBe(0);
  expect(result.stdout).toContain("generated files are up to date");
});

it("generated elsewhere, the tables are the same but import by paths relative to where they are written", () => {
  const out = join(scratch, "elsewhere", "deeper", "operations.ts");
  const result = generate(specCopy(), out);
  expect(result.status, result.stderr).toBe(0);
  const generated = readFileSync(out, "utf8");
  const committed = readFileSync(COMMITTED_TABLE, "utf8");
  expect(rulesImportOf(committed)).toBe("../schema-rules.ts");
  expect(resolve(dirname(out), rulesImportOf(generated)!)).toBe(RULES_MODULE);
  // Each import names the same module from where its file is; apart from the specifiers, byte for byte.
  const imports = (source: string, file: string) =>
    [...source.matchAll(/^import .* from "(\.[^"]+)";$/gm)].map((m) => resolve(dirname(file), m[1]!));
  expect(imports(generated, out)).toEqual(imports(committed, COMMITTED_TABLE));
  const withoutSpecifiers = (source: string) => source.replace(/^(import .* from )"\.[^"]+";$/gm, "$1<module>;");
  expect(withoutSpecifiers(generated)).toBe(withoutSpecifiers(committed));
});

describe("the committed rules", () => {
  /** Every keyword the schemas use, found by walking them (the interpreter checks `type` and `nullable` itself). */
  function keywordsIn(schema: any, found = new Set<string>()): Set<string> {
    for (const [keyword, value] of Object.entries<any>(schema)) {
      if (keyword !== "type" && keyword !== "nullable") found.add(keyword);
      if (keyword === "properties") for (const s of Object.values(value)) keywordsIn(s, found);
      if (keyword === "items" || (keyword === "additionalProperties" && value !== false)) keywordsIn(value, found);
      if (keyword === "allOf" || keyword === "anyOf" || keyword === "oneOf")
        for (const s of value) keywordsIn(s, found);
    }
    return found;
  }

  it("a table holds the rules its parameters' schema uses and no others", () => {
    const used = keywordsIn(committedTable.parametersSchema);
    expect(Object.keys(committedTable.rules).sort()).toEqual([...used].sort());
    expect(Object.keys(committedTable.rules).sort()).toEqual(["format", "maxLength", "properties", "required"]);
  });

  it("the response schemas hold the rules every success schema uses and no others", () => {
    const used = new Set<string>();
    for (const schema of Object.values(responseSchemas.schemas)) keywordsIn(schema, used);
    expect(Object.keys(responseSchemas.rules).sort()).toEqual([...used].sort());
    expect(Object.keys(responseSchemas.schemas)).toHaveLength(Object.keys(operations).length);
    for (const table of Object.values(operations))
      expect(responseSchemas.schemas[`${table.method} ${table.path}`], table.path).toBeDefined();
  });

  it("the request body schemas are one per operation with a body in the spec, with the rules they use", () => {
    const withBody = Object.entries(specCopy().paths as Record<string, Record<string, any>>).flatMap(([path, item]) =>
      Object.entries(item).flatMap(([method, operation]) =>
        operation?.requestBody ? [`${method.toUpperCase()} ${path}`] : [],
      ),
    );
    expect(withBody.length).toBeGreaterThan(0);
    expect(Object.keys(requestBodySchemas.schemas).sort()).toEqual(withBody.sort());
    const used = new Set<string>();
    for (const schema of Object.values(requestBodySchemas.schemas)) keywordsIn(schema, used);
    expect(Object.keys(requestBodySchemas.rules).sort()).toEqual([...used].sort());
    // The tables keep only whether a body is required; its schema is here alone.
    for (const table of Object.values(operations)) expect(table.parametersSchema.properties).not.toHaveProperty("body");
  });

  it("are schema-rules.ts's own rules, not copies", () => {
    expect(committedTable.rules.maxLength).toBe(schemaRules.maxLength);
    expect(committedTable.rules.required).toBe(schemaRules.required);
    expect(committedTable.rules.properties).toBe(schemaRules.properties);
    expect(responseSchemas.rules.enum).toBe(schemaRules.enum);
  });

  it("check the formats the schemas use, and leave others as annotations", () => {
    const checker = (rules: Rules) => (name: string, value: string) => rules.format!(value, name, {}, "", [], rules);
    const request = checker(committedTable.rules);
    // The participant's parameters use uuid (meeting_id) only.
    expect(request("uuid", "not-a-uuid")).toBe('be a valid "uuid"');
    expect(request("uuid", validParams().meeting_id)).toBeUndefined();
    expect(request("date-time", "yesterday")).toBeUndefined();
    const response = checker(responseSchemas.rules);
    // Answers use date-time (created_at, updated_at) and uri (picture) as well.
    expect(response("date-time", "yesterday")).toBe('be a valid "date-time"');
    expect(response("uri", "no scheme")).toBe('be a valid "uri"');
    // No schema uses email or date, so their patterns are in neither.
    expect(response("email", "not an email")).toBeUndefined();
    expect(response("date", "not a date")).toBeUndefined();
  });
});

describe("a changed spec changes what the client accepts", () => {
  let changedTable: OperationTable;

  beforeAll(async () => {
    const spec = specCopy();
    spec.components.schemas.realtimekit_account_identifier.maxLength = 8;
    parametersOf(spec).find((p) => p.name === "participant_id")!.schema.pattern = "^participant-[0-9]+$";
    parametersOf(spec).find((p) => p.name === "app_id")!.schema = { type: "string", enum: ["my-app", "staging-app"] };
    const out = join(scratch, "changed", "operations.ts");
    const result = generate(spec, out);
    expect(result.status, result.stderr).toBe(0);
    changedTable = (await import(/* @vite-ignore */ out)).getMeetingParticipantOperation;
  });

  it("the regenerated table brings the new keywords' rules along, and only them", () => {
    expect(Object.keys(changedTable.rules).sort()).toEqual(
      [...Object.keys(committedTable.rules), "enum", "pattern"].sort(),
    );
    expect(changedTable.rules.pattern).toBe(schemaRules.pattern);
    expect(changedTable.rules.enum).toBe(schemaRules.enum);
    expect(changedTable.parametersSchema.properties!.participant_id).toEqual({
      type: "string",
      pattern: "^participant-[0-9]+$",
    });
    expect(changedTable.parametersSchema.properties!.app_id).toEqual({
      type: "string",
      enum: ["my-app", "staging-app"],
    });
  });

  it.each([
    ["account_id", "023e105f4ecef8ad9ca31a8372d0c353", "maxLength", "must have at most 8 characters"],
    ["participant_id", "participant-one", "pattern", "must match /^participant-[0-9]+$/"],
    ["app_id", "other-app", "enum", 'must be one of ["my-app","staging-app"]'],
  ])(
    "%s %j: sent with the committed table, refused with the regenerated one (%s)",
    async (name, value, rule, message) => {
      // Every other parameter meets both tables' rules, so the one changed rule is all that differs.
      const params = { ...validParams(), account_id: "abc12345", [name]: value };

      const committed = clientOn(committedTable);
      await expect(committed.client.getMeetingParticipant(params)).resolves.toEqual(successBody().data);
      expect(committed.requests).toHaveLength(1);

      const changed = clientOn(changedTable);
      const error = await changed.client.getMeetingParticipant(params).catch((e) => e);
      expect(error).toBeInstanceOf(RealtimeKitValidationError);
      expect(error).toMatchObject({ field: name, rule });
      expect(error.message).toBe(`Invalid ${name}: ${message} (rule: ${rule})`);
      expect(changed.requests).toHaveLength(0);
    },
  );

  it("values that meet the new rules still go through", async () => {
    const changed = clientOn(changedTable);
    const params = { ...validParams(), account_id: "abc12345", participant_id: "participant-7", app_id: "staging-app" };
    await expect(changed.client.getMeetingParticipant(params)).resolves.toEqual(successBody().data);
    expect(new URL(changed.requests[0]!.url).pathname).toBe(
      "/accounts/abc12345/realtime/kit/staging-app/meetings/550e8400-e29b-41d4-a716-446655440000/participants/participant-7",
    );
  });

  it("--check fails when the committed table no longer matches the spec", () => {
    const spec = specCopy();
    spec.components.schemas.realtimekit_account_identifier.maxLength = 8;
    const result = generate(spec, COMMITTED_TABLE, "--check");
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("generated files differ from the spec");
  });

  it.each([
    ["multipleOf", 2],
    ["not", { type: "integer" }],
    ["uniqueItems", true],
  ])("a constraint the validator cannot enforce (%s) fails generation instead of being dropped", (keyword, value) => {
    const spec = specCopy();
    spec.components.schemas.realtimekit_Participant[keyword] = value;
    const result = generate(spec, join(scratch, `unenforced-${keyword}.ts`));
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain(`no rule for the schema keyword "${keyword}"`);
  });

  it("additionalProperties: false in the spec makes the client refuse an undeclared body field", async () => {
    const spec = specCopy();
    const body = spec.components.requestBodies.realtimekit_AddParticipantBody.content["application/json"].schema;
    body.additionalProperties = false;
    const out = join(scratch, "closed-body", "operations.ts");
    expect(generate(spec, out).status).toBe(0);
    const table: OperationTable = (await import(/* @vite-ignore */ out)).addParticipantOperation;
    const bodies = (await import(/* @vite-ignore */ join(dirname(out), "request-body-schemas.ts"))).requestBodySchemas;
    const { fetch, requests } = recordingFetch(() => json({ success: true, data: {} }, 201));
    const realtimeKit = createRealtimeKit({
      apiToken: TOKEN,
      baseUrl: "http://127.0.0.1:9",
      fetch,
      validateBodies: bodies,
    });
    const { participant_id: _, ...path } = validParams();
    const add = (extra: object) =>
      realtimeKit.call(table, { ...path, body: { preset_name: "host", custom_participant_id: "p-1", ...extra } });
    await expect(add({ role: "admin" })).rejects.toMatchObject({ field: "body/role", rule: "additionalProperties" });
    expect(requests).toHaveLength(0);
    await add({ name: "Ada" });
    expect(requests).toHaveLength(1);
  });

  it("additionalProperties: true constrains nothing and generates as before", () => {
    const spec = specCopy();
    spec.components.schemas.realtimekit_Participant.additionalProperties = true;
    expect(generate(spec, COMMITTED_TABLE, "--check").status).toBe(0);
  });

  it("a property name that a JSON pointer would have to escape fails generation", () => {
    // Error pointers are built from property names as they are; spec-generated names have no "~" or "/".
    const spec = specCopy();
    const participant = spec.components.schemas.realtimekit_Participant;
    participant.properties["a/b"] = { type: "string" };
    const result = generate(spec, join(scratch, "bad-name.ts"));
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('property name "a/b" holds "~" or "/"');
  });

  it("a pattern the client could not compile fails generation, not a call", () => {
    const spec = specCopy();
    parametersOf(spec).find((p) => p.name === "participant_id")!.schema.pattern = "^[\\_a-z]+$";
    const result = generate(spec, join(scratch, "bad-pattern.ts"));
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain("not a valid Unicode-mode regular expression");
  });

  it("a constraint the validator has no rule for fails generation, naming it, rather than being dropped", () => {
    const subset = JSON.parse(readFileSync(join(REPO_ROOT, "packages/types/schema-subset.json"), "utf8"));
    expect(subset.refused).toContain("multipleOf");
    expect(subset.refused.filter((keyword: string) => subset.keywords.includes(keyword))).toEqual([]);
    const spec = specCopy();
    parametersOf(spec).find((p) => p.name === "participant_id")!.schema.multipleOf = 2;
    const result = generate(spec, join(scratch, "unenforced.ts"));
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('no rule for the schema keyword "multipleOf"');
  });
});
