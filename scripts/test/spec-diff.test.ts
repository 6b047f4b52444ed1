// spec:diff on the committed spec against small mutations of it: one row per rule, each stating the bump and
// the kind of change it must produce. The compiler check runs for real in every row.
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { stringify as toYaml } from "yaml";
import { loadOpenApiDocument, type OpenApiDocument, valueAt } from "../lib/openapi.ts";
import { change, formatDiff, sortChanges } from "../lib/spec-diff/change.ts";
import { compareTypes } from "../lib/spec-diff/compare-types.ts";
import { type Bump, diffSpecs, type Level } from "../lib/spec-diff/index.ts";
import { findOperations, pairOperation } from "../lib/spec-diff/operations.ts";

// The spec as synced from Cloudflare's document of 2026-08-14, kept as it was: the rows below edit it and expect
// exact messages, which must not change when openapi/ takes a newer upstream.
const SPEC_FILE = new URL("./fixtures/realtimekit-2026-08-14.openapi.json", import.meta.url).pathname;
const SCRIPTS_DIR = new URL("..", import.meta.url).pathname;
const committed = (): OpenApiDocument => JSON.parse(readFileSync(SPEC_FILE, "utf8"));

// Places in the committed spec that the mutations below edit.
type Spec = OpenApiDocument;
const PATH = "/accounts/{account_id}/realtime/kit/{app_id}/meetings/{meeting_id}/participants/{participant_id}";
const ROOMS = "/accounts/{account_id}/realtime/kit/{app_id}/rooms";
const OPERATION = `/paths/${PATH.replaceAll("/", "~1")}/get`;
const PARTICIPANT = "/components/schemas/realtimekit_Participant";
const operation = (s: Spec) => s.paths[PATH]!.get;
const parameter = (s: Spec, name: string) => operation(s).parameters.find((p: { name: string }) => p.name === name);
const schemas = (s: Spec) => s.components!.schemas!;
const participant = (s: Spec) => schemas(s).realtimekit_Participant;
const field = (s: Spec, name: string) => participant(s).properties[name];
const success = (s: Spec) => s.components!.responses!.realtimekit_GetParticipant;
const envelope = (s: Spec) => success(s).content["application/json"].schema;
const scheme = (s: Spec) => s.components!.securitySchemes!;
// editParticipant (PATCH on the same path) and its request body, a component.
const EDIT = `/paths/${PATH.replaceAll("/", "~1")}/patch`;
const EDIT_BODY = "/components/requestBodies/realtimekit_EditParticipantBody";
const EDIT_FIELDS = `${EDIT_BODY}/content/application~1json/schema/properties`;
const editBody = (s: Spec) => s.components!.requestBodies!.realtimekit_EditParticipantBody;
const editSchema = (s: Spec) => editBody(s).content["application/json"].schema;
const withRoles = (s: Spec) => (editSchema(s).properties.preset_name.enum = ["host", "guest"]);
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
/** An operation the spec did not have: published, since the spec holds only what the sync selected. */
const addRoomsOperation = (s: Spec) => {
  s.paths[ROOMS] = {
    get: { operationId: "get_all_rooms", "x-client-method": "getRooms", responses: { 200: { description: "ok" } } },
  };
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
  /** Every change that must be reported, as [level, kind, pointer], in the order reported; none when omitted. */
  changes?: Array<[Level, string, string]>;
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
    change: (s) => (schemas(s).realtimekit_Unused = { type: "object" }),
    bump: "none",
  },
  {
    name: "a component was renamed, same shape",
    change: (s) => {
      schemas(s).realtimekit_MeetingParticipant = participant(s);
      delete schemas(s).realtimekit_Participant;
      const renamed = JSON.stringify(s).replaceAll(
        '"#/components/schemas/realtimekit_Participant"',
        '"#/components/schemas/realtimekit_MeetingParticipant"',
      );
      Object.assign(s, JSON.parse(renamed));
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
  {
    name: "an exclusive bound spelled as OpenAPI 3.1 does instead of as 3.0 does",
    given: addQuery({ type: "number", maximum: 9, exclusiveMaximum: true }),
    change: (s) => {
      toOpenApi31(s);
      query(s).schema = { type: "number", exclusiveMaximum: 9 };
    },
    bump: "none",
  },

  // major: code that worked against the old packages can fail against the new
  {
    name: "operation removed",
    change: (s) => delete s.paths[PATH],
    changes: [
      [
        "major",
        "operation-removed",
        "/paths/~1accounts~1{account_id}~1realtime~1kit~1{app_id}~1meetings~1{meeting_id}~1participants~1{participant_id}/delete",
      ],
      ["major", "operation-removed", OPERATION],
      [
        "major",
        "operation-removed",
        "/paths/~1accounts~1{account_id}~1realtime~1kit~1{app_id}~1meetings~1{meeting_id}~1participants~1{participant_id}/patch",
      ],
      [
        "major",
        "operation-removed",
        "/paths/~1accounts~1{account_id}~1realtime~1kit~1{app_id}~1meetings~1{meeting_id}~1participants~1{participant_id}/put",
      ],
    ],
    bump: "major",
  },
  {
    name: "operation renamed",
    change: (s) => (operation(s).operationId = "get_participant"),
    changes: [
      ["major", "operation-removed", OPERATION],
      ["minor", "operation-added", OPERATION],
    ],
    bump: "major",
  },
  {
    name: "client method renamed",
    change: (s) => (operation(s)["x-client-method"] = "getParticipant"),
    changes: [["major", "method-renamed", `${OPERATION}/x-client-method`]],
    bump: "major",
  },
  {
    name: "path changed",
    change: (s) => ((s.paths[`${PATH}/details`] = s.paths[PATH]!), delete s.paths[PATH]),
    changes: [
      [
        "major",
        "path-changed",
        "/paths/~1accounts~1{account_id}~1realtime~1kit~1{app_id}~1meetings~1{meeting_id}~1participants~1{participant_id}~1details/delete",
      ],
      [
        "major",
        "path-changed",
        "/paths/~1accounts~1{account_id}~1realtime~1kit~1{app_id}~1meetings~1{meeting_id}~1participants~1{participant_id}~1details/get",
      ],
      [
        "major",
        "path-changed",
        "/paths/~1accounts~1{account_id}~1realtime~1kit~1{app_id}~1meetings~1{meeting_id}~1participants~1{participant_id}~1details/patch",
      ],
      [
        "major",
        "path-changed",
        "/paths/~1accounts~1{account_id}~1realtime~1kit~1{app_id}~1meetings~1{meeting_id}~1participants~1{participant_id}~1details/put",
      ],
    ],
    bump: "major",
  },
  {
    name: "path parameter renamed",
    change: (s) => {
      s.paths[PATH.replace("{participant_id}", "{id}")] = s.paths[PATH]!;
      delete s.paths[PATH];
      Object.values<any>(s.paths)[0].get.parameters[3].name = "id";
    },
    changes: [
      ["major", "parameter-removed", "/paths/~1accounts~1{account_id}~1realtime~1kit~1apps/get/parameters/3"],
      [
        "major",
        "path-changed",
        "/paths/~1accounts~1{account_id}~1realtime~1kit~1{app_id}~1meetings~1{meeting_id}~1participants~1{id}/delete",
      ],
      [
        "major",
        "path-changed",
        "/paths/~1accounts~1{account_id}~1realtime~1kit~1{app_id}~1meetings~1{meeting_id}~1participants~1{id}/get",
      ],
      [
        "major",
        "path-changed",
        "/paths/~1accounts~1{account_id}~1realtime~1kit~1{app_id}~1meetings~1{meeting_id}~1participants~1{id}/patch",
      ],
      [
        "major",
        "path-changed",
        "/paths/~1accounts~1{account_id}~1realtime~1kit~1{app_id}~1meetings~1{meeting_id}~1participants~1{id}/put",
      ],
      ["minor", "parameter-added", "/paths/~1accounts~1{account_id}~1realtime~1kit~1apps/get/parameters/3"],
    ],
    bump: "major",
  },
  {
    name: "method changed",
    change: (s) => ((s.paths[PATH]!.post = operation(s)), delete s.paths[PATH]!.get),
    changes: [
      [
        "major",
        "method-changed",
        "/paths/~1accounts~1{account_id}~1realtime~1kit~1{app_id}~1meetings~1{meeting_id}~1participants~1{participant_id}/post",
      ],
    ],
    bump: "major",
  },
  {
    name: "required response field removed",
    change: (s) => (delete participant(s).properties.id, unrequire(participant(s), "id")),
    changes: [["major", "response-field-removed", `${PARTICIPANT}/properties/id`]],
    bump: "major",
  },
  {
    name: "optional response field removed",
    change: (s) => delete participant(s).properties.name,
    changes: [["major", "response-field-removed", `${PARTICIPANT}/properties/name`]],
    bump: "major",
  },
  {
    name: "response field renamed",
    change: (s) => {
      participant(s).properties.preset = field(s, "preset_name");
      delete participant(s).properties.preset_name;
      participant(s).required = participant(s).required.map((n: string) => (n === "preset_name" ? "preset" : n));
    },
    changes: [
      ["major", "response-field-removed", `${PARTICIPANT}/properties/preset_name`],
      ["minor", "response-field-added", `${PARTICIPANT}/properties/preset`],
    ],
    bump: "major",
  },
  {
    name: "response field became optional",
    change: (s) => unrequire(participant(s), "preset_name"),
    changes: [["major", "response-field-became-optional", `${PARTICIPANT}/properties/preset_name`]],
    bump: "major",
  },
  {
    name: "response field became nullable",
    change: (s) => (field(s, "preset_name").nullable = true),
    changes: [["major", "response-field-became-nullable", `${PARTICIPANT}/properties/preset_name`]],
    bump: "major",
  },
  {
    name: "response field changed type",
    change: (s) => (field(s, "custom_participant_id").type = "integer"),
    changes: [["major", "response-type-changed", `${PARTICIPANT}/properties/custom_participant_id`]],
    bump: "major",
  },
  {
    name: "new value in a response enum",
    given: addRole,
    change: (s) => field(s, "role").enum.push("viewer"),
    changes: [["major", "response-enum-value-added", `${PARTICIPANT}/properties/role`]],
    bump: "major",
  },
  {
    name: "envelope `success` may now be false",
    change: (s) => envelope(s).properties.success.enum.push(false),
    changes: [
      [
        "major",
        "response-enum-value-added",
        "/components/responses/realtimekit_GetParticipant/content/application~1json/schema/properties/success",
      ],
    ],
    bump: "major",
  },
  {
    name: "response media type changed",
    change: (s) => {
      const content = success(s).content;
      content["application/vnd.cloudflare+json"] = content["application/json"];
      delete content["application/json"];
    },
    changes: [
      [
        "major",
        "response-media-type-removed",
        "/components/responses/realtimekit_GetParticipant/content/application~1json",
      ],
      [
        "minor",
        "response-media-type-added",
        "/components/responses/realtimekit_GetParticipant/content/application~1vnd.cloudflare+json",
      ],
    ],
    bump: "major",
  },
  {
    name: "response header removed",
    given: (s) => (success(s).headers = { "X-Request-Id": { required: true, schema: { type: "string" } } }),
    change: (s) => delete success(s).headers,
    changes: [
      ["major", "response-header-removed", "/components/responses/realtimekit_GetParticipant/headers/X-Request-Id"],
    ],
    bump: "major",
  },
  {
    name: "error response field removed",
    change: (s) => {
      const error = schemas(s)["realtimekit-api_V4ErrorResponse"];
      delete error.properties.messages;
      unrequire(error, "messages");
    },
    changes: [
      ["major", "response-field-removed", "/components/schemas/realtimekit-api_V4ErrorResponse/properties/messages"],
    ],
    bump: "major",
  },
  {
    name: "field removed inside array items",
    change: (s) => {
      const message = schemas(s)["realtimekit-api_V4Message"];
      delete message.properties.code;
      unrequire(message, "code");
    },
    changes: [["major", "response-field-removed", "/components/schemas/realtimekit-api_V4Message/properties/code"]],
    bump: "major",
  },
  {
    name: "field removed from a recursive schema",
    given: addDelegates,
    change: (s) => delete participant(s).properties.picture,
    changes: [["major", "response-field-removed", `${PARTICIPANT}/properties/picture`]],
    bump: "major",
  },
  {
    name: "documented status removed",
    change: (s) => delete operation(s).responses[429],
    changes: [["major", "response-status-removed", `${OPERATION}/responses/429`]],
    bump: "major",
  },
  {
    name: "success status changed",
    change: (s) => ((operation(s).responses[201] = operation(s).responses[200]), delete operation(s).responses[200]),
    changes: [["major", "success-status-changed", `${OPERATION}/responses/201`]],
    bump: "major",
  },
  {
    name: "new required query parameter",
    change: addQuery({ type: "string" }, { required: true }),
    changes: [["major", "parameter-added-required", `${OPERATION}/parameters/4`]],
    bump: "major",
  },
  {
    name: "new required header parameter",
    change: (s) =>
      operation(s).parameters.push({ in: "header", name: "X-Tenant", required: true, schema: { type: "string" } }),
    changes: [["major", "parameter-added-required", `${OPERATION}/parameters/4`]],
    bump: "major",
  },
  {
    name: "parameter became required",
    given: addQuery({ type: "string" }),
    change: (s) => (query(s).required = true),
    changes: [["major", "parameter-became-required", `${OPERATION}/parameters/4`]],
    bump: "major",
  },
  {
    name: "parameter removed",
    given: addQuery({ type: "string" }),
    change: (s) => operation(s).parameters.pop(),
    changes: [["major", "parameter-removed", `${OPERATION}/parameters/4`]],
    bump: "major",
  },
  {
    name: "parameter changed type",
    change: (s) => (parameter(s, "participant_id").schema.type = "integer"),
    changes: [["major", "parameter-type-changed", `${OPERATION}/parameters/3/schema`]],
    bump: "major",
  },
  {
    name: "new security requirement",
    change: (s) => {
      scheme(s).api_key = { type: "apiKey", in: "header", name: "X-Auth-Key" };
      operation(s).security[0].api_key = [];
    },
    changes: [["major", "security-requirement-added", `${OPERATION}/security`]],
    bump: "major",
  },
  {
    name: "security where there was none",
    given: (s) => (operation(s).security = []),
    change: (s) => (operation(s).security = [{ api_token: [] }]),
    changes: [["major", "security-requirement-added", `${OPERATION}/security`]],
    bump: "major",
  },
  {
    name: "the document's own security, for an operation that names none, asks for more",
    given: (s) => {
      delete operation(s).security;
      s.security = [{ api_token: [] }];
    },
    change: (s) => {
      scheme(s).api_key = { type: "apiKey", in: "header", name: "X-Auth-Key" };
      s.security[0].api_key = [];
    },
    changes: [["major", "security-requirement-added", "/security"]],
    bump: "major",
  },
  {
    name: "security scheme sends credentials differently",
    change: (s) => (scheme(s).api_token = { type: "apiKey", in: "header", name: "X-Auth-Key" }),
    changes: [["major", "security-scheme-changed", "/components/securitySchemes/api_token"]],
    bump: "major",
  },
  {
    name: "maxLength lowered",
    change: (s) => (schemas(s).realtimekit_app_id.maxLength = 16),
    changes: [["major", "request-constraint-narrowed", "/components/schemas/realtimekit_app_id/maxLength"]],
    bump: "major",
  },
  {
    name: "maxLength added",
    change: (s) => (parameter(s, "participant_id").schema.maxLength = 64),
    changes: [["major", "request-constraint-narrowed", `${OPERATION}/parameters/3/schema/maxLength`]],
    bump: "major",
  },
  {
    name: "minLength raised",
    change: (s) => (parameter(s, "participant_id").schema.minLength = 8),
    changes: [["major", "request-constraint-narrowed", `${OPERATION}/parameters/3/schema/minLength`]],
    bump: "major",
  },
  {
    name: "new format",
    change: (s) => (parameter(s, "participant_id").schema.format = "uuid"),
    changes: [["major", "request-constraint-narrowed", `${OPERATION}/parameters/3/schema/format`]],
    bump: "major",
  },
  {
    name: "format changed",
    change: (s) => (parameter(s, "meeting_id").schema.format = "uri"),
    changes: [["major", "request-constraint-changed", `${OPERATION}/parameters/2/schema/format`]],
    bump: "major",
  },
  {
    name: "new pattern",
    change: (s) => (parameter(s, "participant_id").schema.pattern = "^[a-z0-9-]+$"),
    changes: [["major", "request-constraint-narrowed", `${OPERATION}/parameters/3/schema/pattern`]],
    bump: "major",
  },
  {
    name: "minimum raised",
    given: addQuery({ type: "integer", minimum: 1 }),
    change: (s) => (query(s).schema.minimum = 10),
    changes: [["major", "request-constraint-narrowed", `${OPERATION}/parameters/4/schema/minimum`]],
    bump: "major",
  },
  {
    name: "maximum lowered",
    given: addQuery({ type: "integer", maximum: 10 }),
    change: (s) => (query(s).schema.maximum = 5),
    changes: [["major", "request-constraint-narrowed", `${OPERATION}/parameters/4/schema/maximum`]],
    bump: "major",
  },
  {
    name: "OpenAPI 3.0: a minimum made exclusive",
    given: addQuery({ type: "number", minimum: 1 }),
    change: (s) => (query(s).schema.exclusiveMinimum = true),
    changes: [["major", "request-constraint-narrowed", `${OPERATION}/parameters/4/schema/exclusiveMinimum`]],
    bump: "major",
  },
  {
    name: "OpenAPI 3.0: a maximum made exclusive",
    given: addQuery({ type: "number", maximum: 9 }),
    change: (s) => (query(s).schema.exclusiveMaximum = true),
    changes: [["major", "request-constraint-narrowed", `${OPERATION}/parameters/4/schema/exclusiveMaximum`]],
    bump: "major",
  },
  {
    name: "OpenAPI 3.1: exclusiveMinimum raised",
    given: (s) => (toOpenApi31(s), addQuery({ type: "number", exclusiveMinimum: 1 })(s)),
    change: (s) => (query(s).schema.exclusiveMinimum = 5),
    changes: [["major", "request-constraint-narrowed", `${OPERATION}/parameters/4/schema/exclusiveMinimum`]],
    bump: "major",
  },
  {
    name: "OpenAPI 3.1: exclusiveMaximum lowered",
    given: (s) => (toOpenApi31(s), addQuery({ type: "number", exclusiveMaximum: 9 })(s)),
    change: (s) => (query(s).schema.exclusiveMaximum = 5),
    changes: [["major", "request-constraint-narrowed", `${OPERATION}/parameters/4/schema/exclusiveMaximum`]],
    bump: "major",
  },
  {
    name: "OpenAPI 3.1: exclusiveMaximum added",
    given: (s) => (toOpenApi31(s), addQuery({ type: "number" })(s)),
    change: (s) => (query(s).schema.exclusiveMaximum = 10),
    changes: [["major", "request-constraint-narrowed", `${OPERATION}/parameters/4/schema/exclusiveMaximum`]],
    bump: "major",
  },
  {
    name: "number became integer",
    given: addQuery({ type: "number" }),
    change: (s) => (query(s).schema.type = "integer"),
    changes: [["major", "request-constraint-narrowed", `${OPERATION}/parameters/4/schema/type`]],
    bump: "major",
  },
  {
    name: "new enum on a request parameter",
    change: (s) => (parameter(s, "participant_id").schema.enum = ["a", "b"]),
    changes: [["major", "parameter-enum-added", `${OPERATION}/parameters/3/schema`]],
    bump: "major",
  },
  {
    name: "enum value removed from a request parameter",
    given: addQuery({ type: "string", enum: ["all", "none"] }),
    change: (s) => query(s).schema.enum.pop(),
    changes: [["major", "parameter-enum-value-removed", `${OPERATION}/parameters/4/schema`]],
    bump: "major",
  },
  {
    name: "parameter serialised differently",
    given: addQuery({ type: "array", items: { type: "string" } }),
    change: (s) => (query(s).explode = false),
    changes: [["major", "parameter-serialization-changed", `${OPERATION}/parameters/4`]],
    bump: "major",
  },
  {
    name: "default server changed",
    change: (s) => (s.servers[0].url = "https://api.cloudflare.com/client/v5"),
    changes: [["major", "server-changed", "/servers"]],
    bump: "major",
  },
  {
    name: "response format dropped",
    change: (s) => delete field(s, "id").format,
    changes: [["major", "response-constraint-loosened", `${PARTICIPANT}/properties/id/format`]],
    bump: "major",
  },
  {
    name: "a required request body",
    change: (s) => {
      operation(s).requestBody = { required: true, content: { "application/json": { schema: { type: "object" } } } };
    },
    changes: [["major", "request-body-added-required", `${OPERATION}/requestBody`]],
    bump: "major",
  },
  {
    name: "the request body was removed",
    change: (s) => delete s.paths[PATH]!.patch.requestBody,
    changes: [["major", "request-body-removed", EDIT_BODY]],
    bump: "major",
  },
  {
    name: "the request body became required",
    given: (s) => (editBody(s).required = false),
    change: (s) => (editBody(s).required = true),
    changes: [["major", "request-body-became-required", EDIT_BODY]],
    bump: "major",
  },
  {
    name: "a request body field became required",
    change: (s) => (editSchema(s).required = ["name"]),
    changes: [["major", "request-field-became-required", `${EDIT_FIELDS}/name`]],
    bump: "major",
  },
  {
    name: "a new required request body field",
    change: (s) => {
      editSchema(s).properties.role = { type: "string" };
      editSchema(s).required = ["role"];
    },
    changes: [["major", "request-field-added-required", `${EDIT_FIELDS}/role`]],
    bump: "major",
  },
  {
    name: "a request body field was removed",
    change: (s) => delete editSchema(s).properties.picture,
    changes: [["major", "request-field-removed", `${EDIT_FIELDS}/picture`]],
    bump: "major",
  },
  {
    name: "a request body field changed type",
    change: (s) => (editSchema(s).properties.name.type = "number"),
    changes: [["major", "request-type-changed", `${EDIT_FIELDS}/name`]],
    bump: "major",
  },
  {
    name: "a request body field may no longer be null",
    change: (s) => delete editSchema(s).properties.name.nullable,
    changes: [["major", "request-field-became-non-nullable", `${EDIT_FIELDS}/name`]],
    bump: "major",
  },
  {
    name: "a request body field became a list that may not be null: both are said",
    change: (s) => {
      const name = editSchema(s).properties.name;
      delete name.nullable;
      Object.assign(name, { type: "array", items: { type: "string" } });
    },
    changes: [
      ["major", "request-field-became-non-nullable", `${EDIT_FIELDS}/name`],
      ["major", "request-type-changed", `${EDIT_FIELDS}/name`],
    ],
    bump: "major",
  },
  {
    name: "a request body field gained an enum",
    change: withRoles,
    changes: [["major", "request-enum-added", `${EDIT_FIELDS}/preset_name`]],
    bump: "major",
  },
  {
    name: "a request body field's enum had one value swapped for another",
    given: withRoles,
    change: (s) => (editSchema(s).properties.preset_name.enum = ["host", "viewer"]),
    changes: [["major", "request-enum-changed", `${EDIT_FIELDS}/preset_name`]],
    bump: "major",
  },
  {
    name: "a response field's new type is too long to print whole",
    change: (s) => {
      field(s, "name").type = "object";
      field(s, "name").properties = Object.fromEntries(
        Array.from({ length: 12 }, (_, i) => [`property_number_${i}`, { type: "string" }]),
      );
    },
    changes: [["major", "response-type-changed", `${PARTICIPANT}/properties/name`]],
    bump: "major",
  },
  {
    name: "a change no rule classifies",
    change: (s) => (envelope(s).discriminator = { propertyName: "success" }),
    changes: [["major", "unclassified-change", OPERATION]],
    bump: "major",
  },

  // minor: additions old code does not notice
  {
    name: "new operation",
    change: addRoomsOperation,
    changes: [["minor", "operation-added", "/paths/~1accounts~1{account_id}~1realtime~1kit~1{app_id}~1rooms/get"]],
    bump: "minor",
  },
  {
    name: "an optional request body was added",
    given: (s) => delete s.paths[PATH]!.patch.requestBody,
    change: (s) => {
      s.paths[PATH]!.patch.requestBody = {
        content: { "application/json": { schema: { type: "object", properties: { name: { type: "string" } } } } },
      };
    },
    changes: [["minor", "request-body-added", `${EDIT}/requestBody`]],
    bump: "minor",
  },
  {
    name: "a request body field may now be null",
    given: (s) => delete editSchema(s).properties.name.nullable,
    change: (s) => (editSchema(s).properties.name.nullable = true),
    changes: [["minor", "request-field-became-nullable", `${EDIT_FIELDS}/name`]],
    bump: "minor",
  },
  {
    name: "a response field may no longer be null",
    change: (s) => delete field(s, "name").nullable,
    changes: [["minor", "response-field-became-non-nullable", `${PARTICIPANT}/properties/name`]],
    bump: "minor",
  },
  {
    name: "a response field's type narrowed (string or number, now string)",
    given: (s) => (participant(s).properties.name = { anyOf: [{ type: "string" }, { type: "number" }] }),
    change: (s) => (participant(s).properties.name = { type: "string" }),
    changes: [["minor", "response-type-narrowed", `${PARTICIPANT}/properties/name`]],
    bump: "minor",
  },
  {
    name: "a request body field's type widened (string, now string or number)",
    change: (s) => {
      const { description } = editSchema(s).properties.preset_name;
      editSchema(s).properties.preset_name = {
        anyOf: [{ type: "string" }, { type: "number" }],
        nullable: true,
        description,
      };
    },
    changes: [["minor", "request-type-widened", `${EDIT_FIELDS}/preset_name`]],
    bump: "minor",
  },
  {
    name: "the request body became optional",
    change: (s) => (editBody(s).required = false),
    changes: [["minor", "request-body-became-optional", EDIT_BODY]],
    bump: "minor",
  },
  {
    name: "a request body field became optional",
    given: (s) => (editSchema(s).required = ["name"]),
    change: (s) => delete editSchema(s).required,
    changes: [["minor", "request-field-became-optional", `${EDIT_FIELDS}/name`]],
    bump: "minor",
  },
  {
    name: "a new optional request body field",
    change: (s) => (editSchema(s).properties.role = { type: "string" }),
    changes: [["minor", "request-field-added", `${EDIT_FIELDS}/role`]],
    bump: "minor",
  },
  {
    name: "a request body field's enum went",
    given: withRoles,
    change: (s) => delete editSchema(s).properties.preset_name.enum,
    changes: [["minor", "request-enum-removed", `${EDIT_FIELDS}/preset_name`]],
    bump: "minor",
  },
  {
    name: "a request body field's enum gained a value",
    given: withRoles,
    change: (s) => editSchema(s).properties.preset_name.enum.push("viewer"),
    changes: [["minor", "request-enum-value-added", `${EDIT_FIELDS}/preset_name`]],
    bump: "minor",
  },
  {
    name: "new optional query parameter",
    change: addQuery({ type: "string" }),
    changes: [["minor", "parameter-added", `${OPERATION}/parameters/4`]],
    bump: "minor",
  },
  {
    name: "parameter became optional",
    given: addQuery({ type: "string" }, { required: true }),
    change: (s) => delete query(s).required,
    changes: [["minor", "parameter-became-optional", `${OPERATION}/parameters/4`]],
    bump: "minor",
  },
  {
    name: "new response field",
    change: (s) => (participant(s).properties.role = { type: "string" }),
    changes: [["minor", "response-field-added", `${PARTICIPANT}/properties/role`]],
    bump: "minor",
  },
  {
    name: "new required response field (consumers gain a field)",
    change: (s) => {
      participant(s).properties.role = { type: "string" };
      participant(s).required.push("role");
    },
    changes: [["minor", "response-field-added", `${PARTICIPANT}/properties/role`]],
    bump: "minor",
  },
  {
    name: "maximum raised",
    given: addQuery({ type: "integer", maximum: 10 }),
    change: (s) => (query(s).schema.maximum = 20),
    changes: [["minor", "request-constraint-loosened", `${OPERATION}/parameters/4/schema/maximum`]],
    bump: "minor",
  },
  {
    name: "OpenAPI 3.0: an exclusive minimum made inclusive",
    given: addQuery({ type: "number", minimum: 1, exclusiveMinimum: true }),
    change: (s) => (query(s).schema.exclusiveMinimum = false),
    changes: [["minor", "request-constraint-loosened", `${OPERATION}/parameters/4/schema/minimum`]],
    bump: "minor",
  },
  {
    name: "OpenAPI 3.0: an exclusive maximum's flag removed",
    given: addQuery({ type: "number", maximum: 9, exclusiveMaximum: true }),
    change: (s) => delete query(s).schema.exclusiveMaximum,
    changes: [["minor", "request-constraint-loosened", `${OPERATION}/parameters/4/schema/maximum`]],
    bump: "minor",
  },
  {
    name: "OpenAPI 3.1: exclusiveMinimum lowered",
    given: (s) => (toOpenApi31(s), addQuery({ type: "number", exclusiveMinimum: 1 })(s)),
    change: (s) => (query(s).schema.exclusiveMinimum = 0),
    changes: [["minor", "request-constraint-loosened", `${OPERATION}/parameters/4/schema/exclusiveMinimum`]],
    bump: "minor",
  },
  {
    name: "OpenAPI 3.1: exclusiveMaximum raised",
    given: (s) => (toOpenApi31(s), addQuery({ type: "number", exclusiveMaximum: 9 })(s)),
    change: (s) => (query(s).schema.exclusiveMaximum = 10),
    changes: [["minor", "request-constraint-loosened", `${OPERATION}/parameters/4/schema/exclusiveMaximum`]],
    bump: "minor",
  },
  {
    name: "response field became required",
    change: (s) => participant(s).required.push("name"),
    changes: [["minor", "response-field-became-required", `${PARTICIPANT}/properties/name`]],
    bump: "minor",
  },
  {
    name: "value removed from a response enum",
    given: addRole,
    change: (s) => field(s, "role").enum.pop(),
    changes: [["minor", "response-enum-value-removed", `${PARTICIPANT}/properties/role`]],
    bump: "minor",
  },
  {
    name: "new response header",
    change: (s) => (success(s).headers = { "X-Request-Id": { schema: { type: "string" } } }),
    changes: [
      ["minor", "response-header-added", "/components/responses/realtimekit_GetParticipant/headers/X-Request-Id"],
    ],
    bump: "minor",
  },
  {
    name: "new documented status",
    change: (s) => (operation(s).responses[422] = operation(s).responses[404]),
    changes: [["minor", "response-status-added", `${OPERATION}/responses/422`]],
    bump: "minor",
  },
  {
    name: "maxLength raised",
    change: (s) => (schemas(s).realtimekit_account_identifier.maxLength = 64),
    changes: [["minor", "request-constraint-loosened", "/components/schemas/realtimekit_account_identifier/maxLength"]],
    bump: "minor",
  },
  {
    name: "pattern removed",
    given: (s) => (parameter(s, "participant_id").schema.pattern = "^[a-z]+$"),
    change: (s) => delete parameter(s, "participant_id").schema.pattern,
    changes: [["minor", "request-constraint-loosened", `${OPERATION}/parameters/3/schema/pattern`]],
    bump: "minor",
  },
  {
    name: "format removed",
    change: (s) => delete parameter(s, "meeting_id").schema.format,
    changes: [["minor", "request-constraint-loosened", `${OPERATION}/parameters/2/schema/format`]],
    bump: "minor",
  },
  {
    name: "enum value added to a request parameter",
    given: addQuery({ type: "string", enum: ["all", "none"] }),
    change: (s) => query(s).schema.enum.push("some"),
    changes: [["minor", "parameter-enum-value-added", `${OPERATION}/parameters/4/schema`]],
    bump: "minor",
  },
  {
    name: "enum removed from a request parameter",
    given: addQuery({ type: "string", enum: ["all", "none"] }),
    change: (s) => delete query(s).schema.enum,
    changes: [["minor", "parameter-enum-removed", `${OPERATION}/parameters/4/schema`]],
    bump: "minor",
  },
  {
    name: "response constraint tightened",
    change: (s) => (field(s, "name").maxLength = 255),
    changes: [["minor", "response-constraint-narrowed", `${PARTICIPANT}/properties/name/maxLength`]],
    bump: "minor",
  },
  {
    name: "another accepted credential",
    change: (s) => operation(s).security.push({}),
    changes: [["minor", "security-requirement-relaxed", `${OPERATION}/security`]],
    bump: "minor",
  },
  {
    name: "operation deprecated",
    change: (s) => (operation(s).deprecated = true),
    changes: [["minor", "deprecation-changed", `${OPERATION}/deprecated`]],
    bump: "minor",
  },

  // patch: documentation only
  {
    name: "operation description",
    change: (s) => (operation(s).description = "Returns one participant."),
    changes: [["patch", "description-changed", `${OPERATION}/description`]],
    bump: "patch",
  },
  {
    name: "operation summary",
    change: (s) => (operation(s).summary = "Get a participant"),
    changes: [["patch", "summary-changed", `${OPERATION}/summary`]],
    bump: "patch",
  },
  {
    name: "parameter description",
    change: (s) => (parameter(s, "meeting_id").description = "The meeting."),
    changes: [["patch", "description-changed", `${OPERATION}/parameters/2/description`]],
    bump: "patch",
  },
  {
    name: "description in a shared component",
    change: (s) => (field(s, "name").description = "Display name."),
    changes: [["patch", "description-changed", `${PARTICIPANT}/properties/name/description`]],
    bump: "patch",
  },
  {
    name: "response example",
    change: (s) => (success(s).content["application/json"].example.data.name = "Ada"),
    changes: [
      [
        "patch",
        "example-changed",
        "/components/responses/realtimekit_GetParticipant/content/application~1json/example",
      ],
    ],
    bump: "patch",
  },
  {
    name: "schema title",
    change: (s) => (participant(s).title = "MeetingParticipant"),
    changes: [["patch", "title-changed", `${PARTICIPANT}/title`]],
    bump: "patch",
  },
  {
    name: "extension",
    change: (s) => operation(s)["x-api-token-group"].push("Realtime Read"),
    changes: [["patch", "extension-changed", `${OPERATION}/x-api-token-group`]],
    bump: "patch",
  },
  {
    name: "documented default",
    change: (s) => (envelope(s).properties.success.default = false),
    changes: [
      [
        "patch",
        "default-changed",
        "/components/responses/realtimekit_GetParticipant/content/application~1json/schema/properties/success/default",
      ],
    ],
    bump: "patch",
  },
  {
    name: "security scheme description",
    change: (s) => (scheme(s).api_token.description = "A bearer token."),
    changes: [["patch", "description-changed", "/components/securitySchemes/api_token/description"]],
    bump: "patch",
  },
  {
    name: "another server listed",
    change: (s) => s.servers.push({ url: "https://api.example.com/client/v4" }),
    changes: [["patch", "servers-changed", "/servers"]],
    bump: "patch",
  },
  {
    name: "the same change read from YAML",
    change: (s) => (operation(s).summary = "Get a participant"),
    yaml: true,
    changes: [["patch", "summary-changed", `${OPERATION}/summary`]],
    bump: "patch",
  },
];

type Run = { code: number; stdout: string; stderr: string };
const runCli = (...args: string[]): Promise<Run> =>
  promisify(execFile)(join(SCRIPTS_DIR, "node_modules/.bin/tsx"), ["spec-diff.ts", ...args], { cwd: SCRIPTS_DIR }).then(
    (result) => ({ code: 0, ...result }),
    (error) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
  );

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "spec-diff-test-"));
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
    // The whole list: a wrong change beside the right one, at any level, fails the row too.
    expect(diff.changes.map(({ level, kind, pointer }) => [level, kind, pointer])).toEqual(row.changes ?? []);
    // What the maintainer reads in the release pull request: reviewed once, in __snapshots__/, then held.
    expect(diff.changes.map((change) => change.message)).toMatchSnapshot(row.name);
    // Every change points at something that exists: in the head, or in the base for what was removed.
    for (const { pointer } of diff.changes)
      expect(valueAt(head, pointer) ?? valueAt(base, pointer), pointer).toBeDefined();
  });

  it("refuses two documents without any published operation, rather than answer none", async () => {
    const other = committed();
    other.paths = {};
    await expect(diffSpecs(other, other)).rejects.toThrow(/neither document has any of the published operations/);
  });

  it("compares an operation that cannot be cut out of the document (a $ref into a component), never skips it", async () => {
    const deep = (s: Spec) =>
      (parameter(s, "participant_id").schema = {
        $ref: "#/components/schemas/realtimekit_Participant/properties/custom_participant_id",
      });
    const [base, head] = [committed(), committed()];
    deep(base);
    deep(head);
    field(head, "custom_participant_id").type = "integer";
    const diff = await diffSpecs(base, head);
    expect(diff.bump).toBe("major");
    expect(diff.changes).toContainEqual(
      expect.objectContaining({ level: "major", operation: "getMeetingParticipant" }),
    );
  });

  it("calls the bump the highest level among the changes", async () => {
    const head = committed();
    operation(head).description = "Returns one participant.";
    participant(head).properties.role = { type: "string" };
    const diff = await diffSpecs(committed(), head);
    expect(diff.changes.map((change) => change.level).sort()).toEqual(["minor", "patch"]);
    expect(diff.bump).toBe("minor");
  });

  it("lists changes at one level and place by kind, then by message, whatever order they were found in", () => {
    const found = [
      change("major", "b-kind", OPERATION, "second"),
      change("major", "a-kind", OPERATION, "first"),
      change("minor", "a-kind", OPERATION, "third"),
    ];
    const order = (changes: typeof found) => sortChanges(changes).map((c) => c.message);
    expect(order(found)).toEqual(["first", "second", "third"]);
    expect(order([...found].reverse())).toEqual(["first", "second", "third"]);
    expect(order([found[1]!, found[0]!, found[2]!])).toEqual(["first", "second", "third"]);
  });

  it("fails, with what the compiler said, when the generated types lack an operation it compares", async () => {
    const [base, head] = [committed(), committed()];
    const id = "get_meeting_participant";
    const pair = pairOperation(
      { base, head },
      findOperations(base, [id]).get(id)!,
      findOperations(head, [id]).get(id)!,
    );
    const stray = (name: string) => ({ ...pair, head: { ...pair.head, id: name } });
    const error = await compareTypes({ base, head }, [stray("no_such_operation"), stray("nor_this_one")]).catch(
      (e: Error) => e,
    );
    expect(error).toBeInstanceOf(Error);
    const [first, ...problems] = (error as Error).message.split("\n");
    expect(first).toBe("the generated types do not have the expected shape:");
    // One line per problem, each naming the operation the types lack.
    expect(problems.length).toBeGreaterThan(2);
    expect(problems.filter((line) => line.includes("'no_such_operation'")).length).toBeGreaterThan(0);
    expect(problems.filter((line) => line.includes("'nor_this_one'")).length).toBeGreaterThan(0);
  });
});

describe("spec:diff CLI", () => {
  let cli: Record<"json" | "usage" | "bad", Promise<Run>>;
  // Here, not for the whole file: a run of a few rows alone (as each mutation test is) starts no CLI process.
  beforeAll(() => {
    const head = committed();
    delete participant(head).properties.name;
    writeFileSync(join(dir, "cli-head.json"), JSON.stringify(head));
    writeFileSync(join(dir, "not-openapi.yaml"), "swagger: '2.0'\npaths: {}\n");
    // Started together, so that the three processes load the compiler side by side.
    cli = {
      json: runCli(SPEC_FILE, join(dir, "cli-head.json"), "--json"),
      usage: runCli(SPEC_FILE),
      bad: runCli(SPEC_FILE, join(dir, "not-openapi.yaml"), "--json"),
    };
  });

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
