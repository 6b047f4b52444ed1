// spec:diff on the committed spec against small mutations of it: one row per rule, each stating the bump and
// the kind of change it must produce. The compiler check runs for real in every row.
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { stringify as toYaml } from "yaml";
import { loadOpenApiDocument, type OpenApiDocument } from "../lib/load-document.ts";
import { formatDiff } from "../lib/spec-diff/format.ts";
import { type Bump, diffSpecs } from "../lib/spec-diff/index.ts";
import { valueAt } from "../lib/spec-diff/pointer.ts";

const SPEC_FILE = new URL("../../openapi/realtimekit.openapi.json", import.meta.url).pathname;
const SCRIPTS_DIR = new URL("..", import.meta.url).pathname;
const committed = (): OpenApiDocument => JSON.parse(readFileSync(SPEC_FILE, "utf8"));

// Places in the committed spec that the mutations below edit.
type Spec = OpenApiDocument;
const PATH = "/accounts/{account_id}/realtime/kit/{app_id}/meetings/{meeting_id}/participants/{participant_id}";
const MEETINGS = "/accounts/{account_id}/realtime/kit/{app_id}/meetings";
const OPERATION = `/paths/${PATH.replaceAll("/", "~1")}/get`;
const operation = (s: Spec) => s.paths[PATH]!.get;
const parameter = (s: Spec, name: string) => operation(s).parameters.find((p: { name: string }) => p.name === name);
const schemas = (s: Spec) => s.components!.schemas!;
const participant = (s: Spec) => schemas(s).realtimekit_Participant;
const field = (s: Spec, name: string) => participant(s).properties[name];
const success = (s: Spec) => s.components!.responses!.realtimekit_GetParticipant;
const envelope = (s: Spec) => success(s).content["application/json"].schema;
const scheme = (s: Spec) => s.components!.securitySchemes!;
const unrequire = (schema: { required: string[] }, name: string) => {
  schema.required = schema.required.filter((n) => n !== name);
};
/** Adds an `include` query parameter; `query(s)` finds it again. */
const addQuery =
  (schema: object, extra: object = {}) =>
  (s: Spec) => {
    operation(s).parameters.push({ in: "query", name: "include", schema, ...extra });
  };
const query = (s: Spec) => parameter(s, "include");
const addRole = (s: Spec) => {
  participant(s).properties.role = { type: "string", enum: ["host", "guest"] };
};
const addDelegates = (s: Spec) => {
  participant(s).properties.delegates = {
    type: "array",
    items: { $ref: "#/components/schemas/realtimekit_Participant" },
  };
};
const addMeetingsOperation = (s: Spec) => {
  s.paths[MEETINGS] = { get: { operationId: "get_all_meetings", responses: { 200: { description: "ok" } } } };
};

/** Every object's keys in reverse order, all the way down. */
const reverseKeys = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (!value || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([key, item]) => [key, reverseKeys(item)]),
  );
};
const reorder = (s: Spec) => Object.assign(s, reverseKeys(structuredClone(s)));

/** The OpenAPI 3.1 spelling of the same document: `nullable` becomes a "null" type. */
const toOpenApi31 = (s: Spec) => {
  s.openapi = "3.1.0";
  const visit = (node: any): void => {
    if (!node || typeof node !== "object") return;
    if (node.nullable === true) {
      node.type = [node.type, "null"];
      delete node.nullable;
    }
    Object.values(node).forEach(visit);
  };
  visit(s.components);
};

type Row = {
  name: string;
  /** Applied to both sides first: the starting point when the committed spec lacks what the rule needs. */
  given?: (s: Spec) => void;
  /** Turns the base into the head. */
  change: (s: Spec) => unknown;
  bump: Bump;
  /** A change of this kind, at the bump's level, must be reported (and at this pointer, when given). */
  kind?: string;
  pointer?: string;
  operations?: string[];
  /** Write the head as YAML and read both sides from files. */
  yaml?: boolean;
};

const rows: Row[] = [
  // none: the published operations are the same
  { name: "nothing changed", change: () => {}, bump: "none" },
  { name: "every object's keys in another order", change: reorder, bump: "none" },
  {
    name: "info.x-upstream has another date and sha256",
    change: (s) => Object.assign(s.info["x-upstream"] as object, { date: "2026-12-01", sha256: "0".repeat(64) }),
    bump: "none",
  },
  {
    name: "info description and version changed",
    change: (s) => Object.assign(s.info, { description: "x", version: "5.0.0" }),
    bump: "none",
  },
  {
    name: "an unused component was added",
    change: (s) => (schemas(s).realtimekit_Meeting = { type: "object" }),
    bump: "none",
  },
  { name: "another upstream operation was added (not published)", change: addMeetingsOperation, bump: "none" },
  {
    name: "a component was renamed, same shape",
    change: (s) => {
      schemas(s).realtimekit_MeetingParticipant = participant(s);
      delete schemas(s).realtimekit_Participant;
      envelope(s).properties.data.allOf[0].$ref = "#/components/schemas/realtimekit_MeetingParticipant";
    },
    bump: "none",
  },
  { name: "a response $ref was inlined", change: (s) => (operation(s).responses[200] = success(s)), bump: "none" },
  {
    name: "path parameters moved to the path item",
    change: (s) => {
      s.paths[PATH]!.parameters = operation(s).parameters;
      delete operation(s).parameters;
    },
    bump: "none",
  },
  { name: "the same document spelled as OpenAPI 3.1", change: toOpenApi31, bump: "none" },
  { name: "a recursive schema, unchanged but for key order", given: addDelegates, change: reorder, bump: "none" },
  { name: "the same document as YAML, keys reordered", change: reorder, yaml: true, bump: "none" },

  // major: code that worked against the old packages can fail against the new
  {
    name: "operation removed",
    change: (s) => delete s.paths[PATH],
    bump: "major",
    kind: "operation-removed",
    pointer: OPERATION,
  },
  {
    name: "operation renamed",
    change: (s) => (operation(s).operationId = "get_participant"),
    bump: "major",
    kind: "operation-removed",
  },
  {
    name: "path changed",
    change: (s) => ((s.paths[`${PATH}/details`] = s.paths[PATH]!), delete s.paths[PATH]),
    bump: "major",
    kind: "path-changed",
  },
  {
    name: "path parameter renamed",
    change: (s) => {
      s.paths[PATH.replace("{participant_id}", "{id}")] = s.paths[PATH]!;
      delete s.paths[PATH];
      Object.values<any>(s.paths)[0].get.parameters[3].name = "id";
    },
    bump: "major",
    kind: "parameter-removed",
  },
  {
    name: "method changed",
    change: (s) => ((s.paths[PATH]!.post = operation(s)), delete s.paths[PATH]!.get),
    bump: "major",
    kind: "method-changed",
  },
  {
    name: "required response field removed",
    change: (s) => (delete participant(s).properties.id, unrequire(participant(s), "id")),
    bump: "major",
    kind: "response-field-removed",
    pointer: "/components/schemas/realtimekit_Participant/properties/id",
  },
  {
    name: "optional response field removed",
    change: (s) => delete participant(s).properties.name,
    bump: "major",
    kind: "response-field-removed",
  },
  {
    name: "response field renamed",
    change: (s) => {
      participant(s).properties.preset = field(s, "preset_name");
      delete participant(s).properties.preset_name;
      participant(s).required = participant(s).required.map((n: string) => (n === "preset_name" ? "preset" : n));
    },
    bump: "major",
    kind: "response-field-removed",
  },
  {
    name: "response field became optional",
    change: (s) => unrequire(participant(s), "preset_name"),
    bump: "major",
    kind: "response-field-became-optional",
  },
  {
    name: "response field became nullable",
    change: (s) => (field(s, "preset_name").nullable = true),
    bump: "major",
    kind: "response-field-became-nullable",
  },
  {
    name: "response field changed type",
    change: (s) => (field(s, "custom_participant_id").type = "integer"),
    bump: "major",
    kind: "response-type-changed",
  },
  {
    name: "new value in a response enum",
    given: addRole,
    change: (s) => field(s, "role").enum.push("viewer"),
    bump: "major",
    kind: "response-enum-value-added",
    pointer: "/components/schemas/realtimekit_Participant/properties/role",
  },
  {
    name: "envelope `success` may now be false",
    change: (s) => envelope(s).properties.success.enum.push(false),
    bump: "major",
    kind: "response-enum-value-added",
  },
  {
    name: "response media type changed",
    change: (s) => {
      const content = success(s).content;
      content["application/vnd.cloudflare+json"] = content["application/json"];
      delete content["application/json"];
    },
    bump: "major",
    kind: "response-media-type-removed",
  },
  {
    name: "response header removed",
    given: (s) => (success(s).headers = { "X-Request-Id": { required: true, schema: { type: "string" } } }),
    change: (s) => delete success(s).headers,
    bump: "major",
    kind: "response-header-removed",
  },
  {
    name: "error response field removed",
    change: (s) => {
      const error = schemas(s)["realtimekit-api_V4ErrorResponse"];
      delete error.properties.messages;
      unrequire(error, "messages");
    },
    bump: "major",
    kind: "response-field-removed",
  },
  {
    name: "field removed inside array items",
    change: (s) => {
      const message = schemas(s)["realtimekit-api_V4Message"];
      delete message.properties.code;
      unrequire(message, "code");
    },
    bump: "major",
    kind: "response-field-removed",
    pointer: "/components/schemas/realtimekit-api_V4Message/properties/code",
  },
  {
    name: "field removed from a recursive schema",
    given: addDelegates,
    change: (s) => delete participant(s).properties.picture,
    bump: "major",
    kind: "response-field-removed",
  },
  {
    name: "documented status removed",
    change: (s) => delete operation(s).responses[429],
    bump: "major",
    kind: "response-status-removed",
  },
  {
    name: "success status changed",
    change: (s) => ((operation(s).responses[201] = operation(s).responses[200]), delete operation(s).responses[200]),
    bump: "major",
    kind: "success-status-changed",
  },
  {
    name: "new required query parameter",
    change: addQuery({ type: "string" }, { required: true }),
    bump: "major",
    kind: "parameter-added-required",
  },
  {
    name: "new required header parameter",
    change: (s) =>
      operation(s).parameters.push({ in: "header", name: "X-Tenant", required: true, schema: { type: "string" } }),
    bump: "major",
    kind: "parameter-added-required",
    pointer: `${OPERATION}/parameters/4`,
  },
  {
    name: "parameter became required",
    given: addQuery({ type: "string" }),
    change: (s) => (query(s).required = true),
    bump: "major",
    kind: "parameter-became-required",
  },
  {
    name: "parameter removed",
    given: addQuery({ type: "string" }),
    change: (s) => operation(s).parameters.pop(),
    bump: "major",
    kind: "parameter-removed",
  },
  {
    name: "parameter changed type",
    change: (s) => (parameter(s, "participant_id").schema.type = "integer"),
    bump: "major",
    kind: "parameter-type-changed",
  },
  {
    name: "new security requirement",
    change: (s) => {
      scheme(s).api_key = { type: "apiKey", in: "header", name: "X-Auth-Key" };
      operation(s).security[0].api_key = [];
    },
    bump: "major",
    kind: "security-requirement-added",
  },
  {
    name: "security where there was none",
    given: (s) => (operation(s).security = []),
    change: (s) => (operation(s).security = [{ api_token: [] }]),
    bump: "major",
    kind: "security-requirement-added",
  },
  {
    name: "security scheme sends credentials differently",
    change: (s) => (scheme(s).api_token = { type: "apiKey", in: "header", name: "X-Auth-Key" }),
    bump: "major",
    kind: "security-scheme-changed",
  },
  {
    name: "maxLength lowered",
    change: (s) => (schemas(s).realtimekit_app_id.maxLength = 16),
    bump: "major",
    kind: "request-constraint-narrowed",
    pointer: "/components/schemas/realtimekit_app_id/maxLength",
  },
  {
    name: "maxLength added",
    change: (s) => (parameter(s, "participant_id").schema.maxLength = 64),
    bump: "major",
    kind: "request-constraint-narrowed",
  },
  {
    name: "minLength raised",
    change: (s) => (parameter(s, "participant_id").schema.minLength = 8),
    bump: "major",
    kind: "request-constraint-narrowed",
  },
  {
    name: "new format",
    change: (s) => (parameter(s, "participant_id").schema.format = "uuid"),
    bump: "major",
    kind: "request-constraint-narrowed",
  },
  {
    name: "format changed",
    change: (s) => (parameter(s, "meeting_id").schema.format = "uri"),
    bump: "major",
    kind: "request-constraint-changed",
  },
  {
    name: "new pattern",
    change: (s) => (parameter(s, "participant_id").schema.pattern = "^[a-z0-9-]+$"),
    bump: "major",
    kind: "request-constraint-narrowed",
  },
  {
    name: "minimum raised",
    given: addQuery({ type: "integer", minimum: 1 }),
    change: (s) => (query(s).schema.minimum = 10),
    bump: "major",
    kind: "request-constraint-narrowed",
  },
  {
    name: "number became integer",
    given: addQuery({ type: "number" }),
    change: (s) => (query(s).schema.type = "integer"),
    bump: "major",
    kind: "request-constraint-narrowed",
  },
  {
    name: "new enum on a request parameter",
    change: (s) => (parameter(s, "participant_id").schema.enum = ["a", "b"]),
    bump: "major",
    kind: "parameter-enum-added",
  },
  {
    name: "enum value removed from a request parameter",
    given: addQuery({ type: "string", enum: ["all", "none"] }),
    change: (s) => query(s).schema.enum.pop(),
    bump: "major",
    kind: "parameter-enum-value-removed",
  },
  {
    name: "parameter serialised differently",
    given: addQuery({ type: "array", items: { type: "string" } }),
    change: (s) => (query(s).explode = false),
    bump: "major",
    kind: "parameter-serialization-changed",
  },
  {
    name: "default server changed",
    change: (s) => (s.servers[0].url = "https://api.cloudflare.com/client/v5"),
    bump: "major",
    kind: "server-changed",
  },
  {
    name: "response format dropped",
    change: (s) => delete field(s, "id").format,
    bump: "major",
    kind: "response-constraint-loosened",
  },
  {
    name: "a required request body",
    change: (s) => {
      operation(s).requestBody = { required: true, content: { "application/json": { schema: { type: "object" } } } };
    },
    bump: "major",
    kind: "request-body-added-required",
  },
  {
    name: "a change no rule classifies",
    change: (s) => (envelope(s).discriminator = { propertyName: "success" }),
    bump: "major",
    kind: "unclassified-change",
  },

  // minor: additions old code does not notice
  {
    name: "new operation",
    change: addMeetingsOperation,
    operations: ["get_meeting_participant", "get_all_meetings"],
    bump: "minor",
    kind: "operation-added",
  },
  {
    name: "new optional query parameter",
    change: addQuery({ type: "string" }),
    bump: "minor",
    kind: "parameter-added",
  },
  {
    name: "parameter became optional",
    given: addQuery({ type: "string" }, { required: true }),
    change: (s) => delete query(s).required,
    bump: "minor",
    kind: "parameter-became-optional",
  },
  {
    name: "new response field",
    change: (s) => (participant(s).properties.role = { type: "string" }),
    bump: "minor",
    kind: "response-field-added",
  },
  {
    name: "response field became required",
    change: (s) => participant(s).required.push("name"),
    bump: "minor",
    kind: "response-field-became-required",
  },
  {
    name: "value removed from a response enum",
    given: addRole,
    change: (s) => field(s, "role").enum.pop(),
    bump: "minor",
    kind: "response-enum-value-removed",
  },
  {
    name: "new response header",
    change: (s) => (success(s).headers = { "X-Request-Id": { schema: { type: "string" } } }),
    bump: "minor",
    kind: "response-header-added",
  },
  {
    name: "new documented status",
    change: (s) => (operation(s).responses[422] = operation(s).responses[404]),
    bump: "minor",
    kind: "response-status-added",
  },
  {
    name: "maxLength raised",
    change: (s) => (schemas(s).realtimekit_app_id.maxLength = 64),
    bump: "minor",
    kind: "request-constraint-loosened",
  },
  {
    name: "pattern removed",
    given: (s) => (parameter(s, "participant_id").schema.pattern = "^[a-z]+$"),
    change: (s) => delete parameter(s, "participant_id").schema.pattern,
    bump: "minor",
    kind: "request-constraint-loosened",
  },
  {
    name: "format removed",
    change: (s) => delete parameter(s, "meeting_id").schema.format,
    bump: "minor",
    kind: "request-constraint-loosened",
    pointer: `${OPERATION}/parameters/2/schema/format`,
  },
  {
    name: "enum value added to a request parameter",
    given: addQuery({ type: "string", enum: ["all", "none"] }),
    change: (s) => query(s).schema.enum.push("some"),
    bump: "minor",
    kind: "parameter-enum-value-added",
  },
  {
    name: "enum removed from a request parameter",
    given: addQuery({ type: "string", enum: ["all", "none"] }),
    change: (s) => delete query(s).schema.enum,
    bump: "minor",
    kind: "parameter-enum-removed",
  },
  {
    name: "response constraint tightened",
    change: (s) => (field(s, "name").maxLength = 255),
    bump: "minor",
    kind: "response-constraint-narrowed",
  },
  {
    name: "another accepted credential",
    change: (s) => operation(s).security.push({}),
    bump: "minor",
    kind: "security-requirement-relaxed",
  },
  {
    name: "operation deprecated",
    change: (s) => (operation(s).deprecated = true),
    bump: "minor",
    kind: "deprecation-changed",
  },

  // patch: documentation only
  {
    name: "operation description",
    change: (s) => (operation(s).description = "Returns one participant."),
    bump: "patch",
    kind: "description-changed",
    pointer: `${OPERATION}/description`,
  },
  {
    name: "operation summary",
    change: (s) => (operation(s).summary = "Get a participant"),
    bump: "patch",
    kind: "summary-changed",
  },
  {
    name: "parameter description",
    change: (s) => (parameter(s, "meeting_id").description = "The meeting."),
    bump: "patch",
    kind: "description-changed",
  },
  {
    name: "description in a shared component",
    change: (s) => (field(s, "name").description = "Display name."),
    bump: "patch",
    kind: "description-changed",
    pointer: "/components/schemas/realtimekit_Participant/properties/name/description",
  },
  {
    name: "response example",
    change: (s) => (success(s).content["application/json"].example.data.name = "Ada"),
    bump: "patch",
    kind: "example-changed",
  },
  {
    name: "schema title",
    change: (s) => (participant(s).title = "MeetingParticipant"),
    bump: "patch",
    kind: "title-changed",
  },
  {
    name: "extension",
    change: (s) => operation(s)["x-api-token-group"].push("Realtime Read"),
    bump: "patch",
    kind: "extension-changed",
  },
  {
    name: "documented default",
    change: (s) => (envelope(s).properties.success.default = false),
    bump: "patch",
    kind: "default-changed",
  },
  {
    name: "security scheme description",
    change: (s) => (scheme(s).api_token.description = "A bearer token."),
    bump: "patch",
    kind: "description-changed",
  },
  {
    name: "another server listed",
    change: (s) => s.servers.push({ url: "https://api.example.com/client/v4" }),
    bump: "patch",
    kind: "servers-changed",
  },
  {
    name: "the same change read from YAML",
    change: (s) => (operation(s).summary = "Get a participant"),
    yaml: true,
    bump: "patch",
    kind: "summary-changed",
  },
];

type Run = { code: number; stdout: string; stderr: string };
const runCli = (...args: string[]): Promise<Run> =>
  promisify(execFile)(join(SCRIPTS_DIR, "node_modules/.bin/tsx"), ["spec-diff.ts", ...args], { cwd: SCRIPTS_DIR }).then(
    (result) => ({ code: 0, ...result }),
    (error) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
  );

let dir: string;
let cli: Record<"json" | "usage" | "bad", Promise<Run>>;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "spec-diff-test-"));
  const head = committed();
  delete participant(head).properties.name;
  writeFileSync(join(dir, "cli-head.json"), JSON.stringify(head));
  writeFileSync(join(dir, "not-openapi.yaml"), "swagger: '2.0'\npaths: {}\n");
  // Started now, checked at the end: the real CLI loads the compiler in its own process meanwhile.
  cli = {
    json: runCli(SPEC_FILE, join(dir, "cli-head.json"), "--json"),
    usage: runCli(SPEC_FILE),
    bad: runCli(SPEC_FILE, join(dir, "not-openapi.yaml"), "--json"),
  };
});

describe("spec:diff", () => {
  it.each(rows)("$bump: $name", async (row) => {
    let base = committed();
    row.given?.(base);
    let head = structuredClone(base);
    row.change(head);
    if (row.yaml) {
      writeFileSync(join(dir, "base.json"), JSON.stringify(base));
      writeFileSync(join(dir, "head.yaml"), toYaml(head));
      base = loadOpenApiDocument(join(dir, "base.json")).document;
      head = loadOpenApiDocument(join(dir, "head.yaml")).document;
    }
    const diff = await diffSpecs(base, head, row.operations ? { operations: row.operations } : {});

    expect(diff.bump).toBe(row.bump);
    if (row.bump === "none") expect(diff.changes).toEqual([]);
    else {
      const expected = { level: row.bump, kind: row.kind, ...(row.pointer && { pointer: row.pointer }) };
      expect(diff.changes).toContainEqual(expect.objectContaining(expected));
    }
    // Every change points at something that exists: in the head, or in the base for what was removed.
    for (const { pointer } of diff.changes)
      expect(valueAt(head, pointer) ?? valueAt(base, pointer), pointer).toBeDefined();
  });

  it("refuses two documents without any published operation, rather than answer none", async () => {
    const other = committed();
    operation(other).operationId = "something_else";
    await expect(diffSpecs(other, other)).rejects.toThrow(/neither document has any of the published operations/);
  });

  it("calls the bump the highest level among the changes", async () => {
    const head = committed();
    operation(head).description = "Returns one participant.";
    participant(head).properties.role = { type: "string" };
    const diff = await diffSpecs(committed(), head);
    expect(diff.changes.map((change) => change.level).sort()).toEqual(["minor", "patch"]);
    expect(diff.bump).toBe("minor");
  });
});

describe("spec:diff CLI", () => {
  it("prints only the JSON verdict with --json", async () => {
    const { code, stdout, stderr } = await cli.json;
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const diff = JSON.parse(stdout);
    expect(diff.bump).toBe("major");
    expect(diff.changes).toEqual([expect.objectContaining({ level: "major", kind: "response-field-removed" })]);
  });

  it("exits 2 on misuse and 1 on input it cannot compare, saying why", async () => {
    expect(await cli.usage).toMatchObject({
      code: 2,
      stdout: "",
      stderr: expect.stringMatching(/^usage: pnpm spec:diff/),
    });
    const notOpenApi = expect.stringMatching(/not an OpenAPI 3\.0 or 3\.1 document/);
    expect(await cli.bad).toMatchObject({ code: 1, stdout: "", stderr: notOpenApi });
  });

  it("prints a readable list without --json", () => {
    const gone = { level: "major" as const, kind: "operation-removed", pointer: OPERATION, message: "gone" };
    const diff = { bump: "major" as const, changes: [gone] };
    expect(formatDiff(diff)).toBe(`bump: major (1 change)\n  major  operation-removed  ${OPERATION}\n         gone`);
    expect(formatDiff({ bump: "none", changes: [] })).toMatch(/^bump: none/);
  });
});
