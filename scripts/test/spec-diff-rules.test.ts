// spec:diff's rules called one at a time on two versions of one operation, with no compiler check: the edge
// cases of a single rule, which spec-diff.test.ts's whole-diff rows would state at many times the cost.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Located, OpenApiDocument } from "../lib/openapi.ts";
import { type Change, change, formatDiff } from "../lib/spec-diff/change.ts";
import { compareConstraints } from "../lib/spec-diff/compare-constraints.ts";
import { compareDocs } from "../lib/spec-diff/compare-docs.ts";
import { compareOperation } from "../lib/spec-diff/compare-operations.ts";
import { compareSecurity } from "../lib/spec-diff/compare-security.ts";
import { compareUnclassified } from "../lib/spec-diff/compare-unclassified.ts";
import { diffSpecs } from "../lib/spec-diff/index.ts";
import { locateParameter, locateRequestBody, locateResponse } from "../lib/spec-diff/locate-schema.ts";
import { findOperations, pairOperation, publishedOperationIds } from "../lib/spec-diff/operations.ts";

type Spec = OpenApiDocument;
type Edit = (s: Spec) => unknown;
// The spec as synced from Cloudflare's document of 2026-08-14, kept as it was (see spec-diff.test.ts).
const SPEC_TEXT = readFileSync(new URL("./fixtures/realtimekit-2026-08-14.openapi.json", import.meta.url), "utf8");
const COMMITTED: Spec = JSON.parse(SPEC_TEXT);
const PATH = "/accounts/{account_id}/realtime/kit/{app_id}/meetings/{meeting_id}/participants/{participant_id}";
const OPERATION = `/paths/${PATH.replaceAll("/", "~1")}/get`;
const PARTICIPANT = "/components/schemas/realtimekit_Participant";
const SUCCESS = "/components/responses/realtimekit_GetParticipant";
const ENVELOPE = `${SUCCESS}/content/application~1json/schema`;
const EDIT_BODY = "/components/requestBodies/realtimekit_EditParticipantBody";
const EDIT_FIELDS = `${EDIT_BODY}/content/application~1json/schema/properties`;
const get = (s: Spec) => s.paths[PATH]!.get;
const editBody = (s: Spec) => s.components!.requestBodies!.realtimekit_EditParticipantBody;
const editFields = (s: Spec) => editBody(s).content["application/json"].schema.properties;
const parameters = (s: Spec) => get(s).parameters as Array<Record<string, any>>;
const participant = (s: Spec) => s.components!.schemas!.realtimekit_Participant;
const success = (s: Spec) => s.components!.responses!.realtimekit_GetParticipant;
const envelope = (s: Spec) => success(s).content["application/json"].schema;
/** Adds a query parameter `limit` with this schema (and these other keys). */
const addLimit =
  (schema: object, extra: object = {}) =>
  (s: Spec) =>
    parameters(s).push({ in: "query", name: "limit", schema: structuredClone(schema), ...structuredClone(extra) });
const limit = (s: Spec) => parameters(s).find((p) => p.name === "limit")!;

/** A base and a head made from the committed spec: `given` applied to both, `edit` to the head. */
function versions(edit: Edit, given?: Edit): [Spec, Spec] {
  const [base, head]: [Spec, Spec] = [JSON.parse(SPEC_TEXT), JSON.parse(SPEC_TEXT)];
  given?.(base);
  given?.(head);
  edit(head);
  return [base, head];
}

/** One operation (getMeetingParticipant unless `id` names another) in the two versions `versions` makes. */
function pair(edit: Edit, given?: Edit, id = "get_meeting_participant") {
  const [base, head] = versions(edit, given);
  const find = (s: Spec) => findOperations(s, [id]).get(id)!;
  return pairOperation({ base, head }, find(base), find(head));
}

type Spelling = { name: string; given?: Edit; edit: Edit };
/** A rule's findings as [level, kind, pointer, message], the whole of what a row states. */
type Listed = Array<[string, string, string, string]>;
type Row = Spelling & { changes: Listed };
const listed = (changes: Change[]) =>
  changes.map(({ level, kind, pointer, message }) => [level, kind, pointer, message]);
// What the committed spec says today, quoted in messages as the spec-diff prints it.
const SUMMARY = JSON.stringify(get(COMMITTED).summary);
const SERVER: string = COMMITTED.servers![0]!.url;

describe("compareUnclassified", () => {
  // The same call written another way: nothing a rule missed.
  const sameCall: Spelling[] = [
    { name: "readOnly: false written out", edit: (s) => (participant(s).properties.id.readOnly = false) },
    { name: "writeOnly: false written out", edit: (s) => (participant(s).properties.id.writeOnly = false) },
    { name: "deprecated: false on a schema", edit: (s) => (participant(s).properties.id.deprecated = false) },
    { name: "uniqueItems: false written out", edit: (s) => (participant(s).uniqueItems = false) },
    { name: "allowEmptyValue: false written out", edit: (s) => (parameters(s)[3]!.allowEmptyValue = false) },
    { name: "allowReserved: false written out", edit: (s) => (parameters(s)[3]!.allowReserved = false) },
    { name: "minLength: 0", edit: (s) => (participant(s).properties.id.minLength = 0) },
    { name: "minItems: 0", edit: (s) => (participant(s).minItems = 0) },
    { name: "minProperties: 0", edit: (s) => (participant(s).minProperties = 0) },
    {
      name: "exclusive bounds in OpenAPI 3.1's spelling instead of 3.0's",
      given: addLimit({ type: "integer", minimum: 1, exclusiveMinimum: true, maximum: 9, exclusiveMaximum: true }),
      edit: (s) => (limit(s).schema = { type: "integer", exclusiveMinimum: 1, exclusiveMaximum: 9 }),
    },
    {
      name: "exclusiveMinimum and exclusiveMaximum: false written out",
      given: addLimit({ type: "integer", minimum: 1, maximum: 9 }),
      edit: (s) => Object.assign(limit(s).schema, { exclusiveMinimum: false, exclusiveMaximum: false }),
    },
    {
      name: "a query parameter's default style and explode written out, and required: false",
      given: addLimit({ type: "integer" }),
      edit: (s) => Object.assign(limit(s), { style: "form", explode: true, required: false }),
    },
    {
      name: "a path parameter's default style and explode written out",
      edit: (s) => Object.assign(parameters(s)[3]!, { style: "simple", explode: false }),
    },
    {
      name: "a cookie parameter's default style written out",
      given: addLimit({ type: "integer" }, { in: "cookie" }),
      edit: (s) => Object.assign(limit(s), { style: "form", explode: true }),
    },
    {
      name: "enum, required and type lists in another order",
      given: (s) => (participant(s).properties.id.enum = ["a", "b"]),
      edit: (s) => {
        participant(s).properties.id.enum = ["b", "a"];
        participant(s).required.reverse();
      },
    },
    {
      name: "nullable: true spelled as a null type",
      edit: (s) => {
        const name = participant(s).properties.name;
        delete name.nullable;
        name.type = ["null", "string"];
      },
    },
    {
      name: "a schema wrapped in an allOf of one",
      edit: (s) => (participant(s).properties.id = { allOf: [participant(s).properties.id] }),
    },
    {
      name: "a response $ref replaced by what it names",
      edit: (s) => (get(s).responses[200] = structuredClone(success(s))),
    },
    {
      name: "documentation added deep down",
      edit: (s) => Object.assign(participant(s).properties.id, { example: "x", title: "Id", "x-note": 1 }),
    },
    { name: "tags, which are documentation", edit: (s) => get(s).tags.push("Participants") },
    {
      name: "another server listed after the operation's own default",
      given: (s) => (get(s).servers = [{ url: SERVER }]),
      edit: (s) => get(s).servers.push({ url: "https://b.example.com" }),
    },
    {
      name: "alternative requirements in another order",
      given: (s) => {
        get(s).security = [{ api_token: [] }, { api_key: [] }];
        s.components!.securitySchemes!.api_key = { type: "apiKey", in: "header", name: "X-Key" };
      },
      edit: (s) => get(s).security.reverse(),
    },
    {
      name: "a requirement naming a scheme no document defines",
      given: (s) => (get(s).security = [{ nowhere: [] }]),
      edit: () => {},
    },
    {
      name: "a schema that refers to itself, the same on both sides",
      given: (s) => (participant(s).properties.self = { $ref: `#${PARTICIPANT}` }),
      edit: () => {},
    },
    {
      name: "an enum holding null, in another order",
      given: (s) => (participant(s).properties.id.enum = ["a", null]),
      edit: (s) => (participant(s).properties.id.enum = [null, "a"]),
    },
    {
      name: "nullable: true with no type, spelled as the null type",
      given: (s) => (participant(s).properties.extra = { nullable: true }),
      edit: (s) => (participant(s).properties.extra = { type: "null" }),
    },
    {
      // OpenAPI 3.0's flag bounds nothing without a minimum beside it.
      name: "exclusiveMinimum: true with no minimum",
      given: addLimit({ type: "integer" }),
      edit: (s) => (limit(s).schema.exclusiveMinimum = true),
    },
    {
      name: "a response header's required: false written out",
      given: (s) => (success(s).headers = { "X-Limit": { schema: { type: "integer" } } }),
      edit: (s) => (success(s).headers["X-Limit"].required = false),
    },
  ];
  // Different calls, whatever rule should have said so.
  const otherCall: Spelling[] = [
    { name: "a discriminator", edit: (s) => (envelope(s).discriminator = { propertyName: "success" }) },
    { name: "readOnly: true", edit: (s) => (participant(s).properties.id.readOnly = true) },
    { name: "minLength: 1", edit: (s) => (participant(s).properties.id.minLength = 1) },
    { name: "an enum value more", edit: (s) => (participant(s).properties.id.enum = ["a"]) },
    {
      name: "an inclusive bound made exclusive",
      given: addLimit({ type: "integer", minimum: 1 }),
      edit: (s) => (limit(s).schema.exclusiveMinimum = true),
    },
    {
      name: "an upper bound made exclusive",
      given: addLimit({ type: "integer", maximum: 9 }),
      edit: (s) => (limit(s).schema.exclusiveMaximum = true),
    },
    {
      name: "a query parameter no longer exploded",
      given: addLimit({ type: "array", items: { type: "integer" } }),
      edit: (s) => (limit(s).explode = false),
    },
    { name: "a path parameter exploded", edit: (s) => (parameters(s)[3]!.explode = true) },
    {
      name: "a query parameter made required",
      given: addLimit({ type: "integer" }),
      edit: (s) => (limit(s).required = true),
    },
    {
      name: "a field named like a documentation keyword changed type",
      given: (s) => (participant(s).properties.description = { type: "string" }),
      edit: (s) => (participant(s).properties.description.type = "integer"),
    },
    {
      name: "a response header named x-… changed type",
      given: (s) => (success(s).headers = { "x-limit": { schema: { type: "integer" } } }),
      edit: (s) => (success(s).headers["x-limit"].schema.type = "string"),
    },
    {
      name: "a discriminator mapping entry named like a documentation keyword",
      given: (s) => (envelope(s).discriminator = { propertyName: "success", mapping: { title: "#/a" } }),
      edit: (s) => (envelope(s).discriminator.mapping.title = "#/b"),
    },
    {
      name: "a schema that refers to itself, changed",
      given: (s) => (participant(s).properties.self = { $ref: `#${PARTICIPANT}` }),
      edit: (s) => (participant(s).properties.id.format = "email"),
    },
    { name: "another scope", edit: (s) => (get(s).security = [{ api_token: ["read"] }]) },
    {
      name: "the scheme a requirement names sends credentials differently",
      edit: (s) => (s.components!.securitySchemes!.api_token.scheme = "basic"),
    },
    { name: "another default server", edit: (s) => (s.servers![0]!.url = "https://example.com") },
    { name: "a callback", edit: (s) => (get(s).callbacks = { done: {} }) },
    {
      name: "a number no rule reads",
      given: (s) => (participant(s).maxContains = 1),
      edit: (s) => (participant(s).maxContains = 2),
    },
    {
      name: "a property named readOnly, with the schema false",
      edit: (s) => (participant(s).properties.readOnly = false),
    },
    {
      name: "an exclusive bound in OpenAPI 3.1's spelling moved",
      given: addLimit({ type: "integer", exclusiveMinimum: 1 }),
      edit: (s) => (limit(s).schema.exclusiveMinimum = 2),
    },
    {
      name: "a keyword beside an allOf of one",
      given: (s) => (participant(s).properties.id = { allOf: [{ type: "string" }] }),
      edit: (s) => (participant(s).properties.id.minLength = 2),
    },
    {
      name: "a second member in an allOf of one",
      given: (s) => (participant(s).properties.id = { allOf: [{ type: "string" }] }),
      edit: (s) => participant(s).properties.id.allOf.push({ minLength: 2 }),
    },
  ];
  const unclassified = [
    change(
      "major",
      "unclassified-change",
      OPERATION,
      "get_meeting_participant: changed in a way no rule classifies; judge it by hand (treated as breaking to be safe)",
    ),
  ];

  it.each(sameCall)("finds nothing when only the spelling changed: $name", ({ given, edit }) => {
    expect(compareUnclassified(pair(edit, given), [])).toEqual([]);
  });

  it.each(otherCall)("reports what no rule classified: $name", ({ given, edit }) => {
    expect(compareUnclassified(pair(edit, given), [])).toEqual(unclassified);
  });

  it("compares scopes as sets", () => {
    const given = (s: Spec) => (get(s).security = [{ api_token: ["read", "write"] }]);
    expect(
      compareUnclassified(
        pair((s) => get(s).security[0].api_token.reverse(), given),
        [],
      ),
    ).toEqual([]);
  });

  it("stays quiet when a rule found more than documentation, and speaks when the rules found only that", () => {
    const changed = pair((s) => (envelope(s).discriminator = { propertyName: "success" }));
    const at = (level: "patch" | "minor" | "major") => change(level, "some-kind", OPERATION, "found");
    expect(compareUnclassified(changed, [at("minor")])).toEqual([]);
    expect(compareUnclassified(changed, [at("major"), at("patch")])).toEqual([]);
    expect(compareUnclassified(changed, [at("patch")])).toEqual(unclassified);
  });
});

describe("compareDocs", () => {
  const rows: Row[] = [
    {
      name: "external docs added",
      edit: (s) => (get(s).externalDocs = { url: "https://example.com" }),
      changes: [
        ["patch", "external-docs-changed", `${OPERATION}/externalDocs`, "get_meeting_participant: externalDocs added"],
      ],
    },
    {
      name: "a description removed",
      edit: (s) => delete get(s).description,
      changes: [
        ["patch", "description-changed", `${OPERATION}/description`, "get_meeting_participant: description removed"],
      ],
    },
    {
      name: "examples on a parameter",
      edit: (s) => (parameters(s)[3]!.examples = { one: { value: "p1" } }),
      changes: [
        ["patch", "example-changed", `${OPERATION}/parameters/3/examples`, "get_meeting_participant: examples added"],
      ],
    },
    {
      name: "a description too long to print whole",
      edit: (s) => (get(s).summary = "word ".repeat(20).trim()),
      changes: [
        [
          "patch",
          "summary-changed",
          `${OPERATION}/summary`,
          `get_meeting_participant: summary changed from ${SUMMARY} to "${"word ".repeat(11)}w…`,
        ],
      ],
    },
    {
      name: "no longer deprecated",
      given: (s) => (get(s).deprecated = true),
      edit: (s) => delete get(s).deprecated,
      changes: [
        ["minor", "deprecation-changed", `${OPERATION}/deprecated`, "get_meeting_participant: no longer deprecated"],
      ],
    },
    { name: "deprecated: false written out", edit: (s) => (get(s).deprecated = false), changes: [] },
    {
      name: "tags in another order",
      given: (s) => get(s).tags.push("Participants"),
      edit: (s) => get(s).tags.reverse(),
      changes: [],
    },
    {
      name: "a tag more",
      edit: (s) => get(s).tags.push("Participants"),
      changes: [["patch", "tags-changed", `${OPERATION}/tags`, "get_meeting_participant: tags changed"]],
    },
    {
      name: "parameters in another order, one described differently",
      edit: (s) => {
        parameters(s).reverse();
        parameters(s)[0]!.description = "The participant.";
      },
      changes: [
        [
          "patch",
          "description-changed",
          `${OPERATION}/parameters/0/description`,
          `get_meeting_participant: description changed from ${JSON.stringify(parameters(COMMITTED)[3]!.description).slice(0, 57)}… to "The participant."`,
        ],
      ],
    },
    {
      name: "a field named description, described differently",
      given: (s) => (participant(s).properties.description = { type: "string", description: "a" }),
      edit: (s) => (participant(s).properties.description.description = "b"),
      changes: [
        [
          "patch",
          "description-changed",
          `${PARTICIPANT}/properties/description/description`,
          'get_meeting_participant: description changed from "a" to "b"',
        ],
      ],
    },
    {
      name: "a field only the head has is not walked",
      edit: (s) => (participant(s).properties.role = { type: "string", description: "new" }),
      changes: [],
    },
    {
      name: "tags in another order, the base's not sorted",
      given: (s) => get(s).tags.push("A-tag"),
      edit: (s) => get(s).tags.reverse(),
      changes: [],
    },
    {
      name: "no tags on either side",
      given: (s) => delete get(s).tags,
      edit: (s) => (get(s).summary = "Get a participant"),
      changes: [
        [
          "patch",
          "summary-changed",
          `${OPERATION}/summary`,
          `get_meeting_participant: summary changed from ${SUMMARY} to "Get a participant"`,
        ],
      ],
    },
    {
      name: "a description removed where the head's schema is another component: reported where it was",
      given: (s) => (parameters(s)[3]!.schema.description = "An ID."),
      edit: (s) => {
        s.components!.schemas!.ParticipantId = { type: "string" };
        parameters(s)[3]!.schema = { $ref: "#/components/schemas/ParticipantId" };
      },
      changes: [
        [
          "patch",
          "description-changed",
          `${OPERATION}/parameters/3/schema/description`,
          "get_meeting_participant: description removed",
        ],
      ],
    },
    {
      name: "a text of exactly 60 characters is printed whole",
      edit: (s) => (get(s).summary = "x".repeat(58)),
      changes: [
        [
          "patch",
          "summary-changed",
          `${OPERATION}/summary`,
          `get_meeting_participant: summary changed from ${SUMMARY} to "${"x".repeat(58)}"`,
        ],
      ],
    },
    {
      name: "a null value is nothing to walk into",
      given: (s) => (envelope(s).properties.success.format = null),
      edit: () => {},
      changes: [],
    },
    {
      name: "enum and const values are data, even objects with a title",
      given: (s) => Object.assign(participant(s).properties.id, { enum: [{ title: "a" }], const: { title: "a" } }),
      edit: (s) => Object.assign(participant(s).properties.id, { enum: [{ title: "b" }], const: { title: "b" } }),
      changes: [],
    },
    {
      name: "a security scheme named default is not a default",
      given: (s) => (get(s).security = [{ default: [] }]),
      edit: (s) => (get(s).security = [{ default: ["read"] }]),
      changes: [],
    },
    {
      name: "a server variable's default is the URL, not documentation",
      given: (s) =>
        (get(s).servers = [{ url: "https://{region}.example.com", variables: { region: { default: "eu" } } }]),
      edit: (s) => (get(s).servers[0].variables.region.default = "us"),
      changes: [],
    },
    {
      name: "headers the head no longer has",
      given: (s) => (success(s).headers = { "x-limit": { description: "a", schema: { type: "integer" } } }),
      edit: (s) => delete success(s).headers,
      changes: [],
    },
    {
      name: "a discriminator mapping entry named title is not a title",
      given: (s) => (envelope(s).discriminator = { propertyName: "success", mapping: { title: "#/a" } }),
      edit: (s) => (envelope(s).discriminator.mapping.title = "#/b"),
      changes: [],
    },
    {
      name: "a response header named x-…, described differently",
      given: (s) => (success(s).headers = { "x-limit": { description: "a", schema: { type: "integer" } } }),
      edit: (s) => (success(s).headers["x-limit"].description = "b"),
      changes: [
        [
          "patch",
          "description-changed",
          `${SUCCESS}/headers/x-limit/description`,
          'get_meeting_participant: description changed from "a" to "b"',
        ],
      ],
    },
  ];

  it.each(rows)("$name", ({ given, edit, changes }) => {
    const found = compareDocs(pair(edit, given));
    expect(listed(found)).toEqual(changes);
  });
});

describe("compareOperation", () => {
  const rows: Row[] = [
    {
      name: "moved to another path",
      edit: (s) => {
        s.paths["/participants/{participant_id}"] = { get: get(s) };
        delete s.paths[PATH]!.get;
      },
      changes: [
        [
          "major",
          "path-changed",
          "/paths/~1participants~1{participant_id}/get",
          `get_meeting_participant: path changed from ${PATH} to /participants/{participant_id}`,
        ],
      ],
    },
    {
      name: "called with another HTTP method",
      edit: (s) => {
        s.paths[PATH]!.post = get(s);
        delete s.paths[PATH]!.get;
      },
      changes: [
        [
          "major",
          "method-changed",
          OPERATION.replace(/get$/, "post"),
          "get_meeting_participant: method changed from GET to POST",
        ],
      ],
    },
    {
      name: "no client method named any more",
      edit: (s) => delete get(s)["x-client-method"],
      changes: [
        [
          "major",
          "method-renamed",
          `${OPERATION}/x-client-method`,
          "get_meeting_participant: client method renamed from getMeetingParticipant() to none()",
        ],
      ],
    },
    {
      name: "a client method named where there was none",
      given: (s) => delete get(s)["x-client-method"],
      edit: (s) => (get(s)["x-client-method"] = "getMeetingParticipant"),
      changes: [
        [
          "major",
          "method-renamed",
          `${OPERATION}/x-client-method`,
          "get_meeting_participant: client method renamed from none() to getMeetingParticipant()",
        ],
      ],
    },
    {
      name: "two other servers listed",
      edit: (s) => s.servers!.push({ url: "https://b.example.com" }, { url: "https://c.example.com" }),
      changes: [
        [
          "patch",
          "servers-changed",
          "/servers",
          "get_meeting_participant: other servers listed: https://b.example.com, https://c.example.com",
        ],
      ],
    },
    {
      name: "no success answer any more",
      edit: (s) => delete get(s).responses[200],
      changes: [
        [
          "major",
          "success-status-changed",
          `${OPERATION}/responses`,
          "get_meeting_participant: success status changed from 200 to none",
        ],
      ],
    },
    {
      name: "the only other server dropped",
      given: (s) => s.servers!.push({ url: "https://backup.example.com" }),
      edit: (s) => s.servers!.pop(),
      changes: [["patch", "servers-changed", "/servers", "get_meeting_participant: other servers listed: none"]],
    },
    {
      name: "servers of its own, the same default first",
      edit: (s) => (get(s).servers = [{ url: SERVER }, { url: "https://b.example.com" }]),
      changes: [
        [
          "patch",
          "servers-changed",
          `${OPERATION}/servers`,
          "get_meeting_participant: other servers listed: https://b.example.com",
        ],
      ],
    },
    {
      name: "no servers at all: OpenAPI's default, /",
      edit: (s) => delete s.servers,
      changes: [
        ["major", "server-changed", OPERATION, `get_meeting_participant: default server changed from ${SERVER} to /`],
      ],
    },
    {
      name: "a server URL's variable replaced by its default",
      edit: (s) => (s.servers = [{ url: "{server}", variables: { server: { default: SERVER } } }]),
      changes: [],
    },
    {
      name: "servers of its path item",
      edit: (s) => (s.paths[PATH]!.servers = [{ url: SERVER }, { url: "https://b.example.com" }]),
      changes: [
        [
          "patch",
          "servers-changed",
          `/paths/${PATH.replaceAll("/", "~1")}/servers`,
          "get_meeting_participant: other servers listed: https://b.example.com",
        ],
      ],
    },
    {
      name: "a server URL with a variable it does not define",
      edit: (s) => (s.servers = [{ url: "https://{region}.example.com" }]),
      changes: [
        [
          "major",
          "server-changed",
          "/servers",
          `get_meeting_participant: default server changed from ${SERVER} to https://{region}.example.com`,
        ],
      ],
    },
    {
      name: "a header parameter's name in other letter case is the same parameter",
      given: (s) =>
        parameters(s).push({ in: "header", name: "X-Trace", schema: { type: "array", items: { type: "string" } } }),
      edit: (s) => Object.assign(parameters(s)[4]!, { name: "x-trace", explode: true }),
      changes: [
        [
          "major",
          "parameter-serialization-changed",
          `${OPERATION}/parameters/4`,
          "get_meeting_participant: parameter header:x-trace is serialised differently (style=simple explode=false allowReserved=false allowEmptyValue=false content=schema → style=simple explode=true allowReserved=false allowEmptyValue=false content=schema)",
        ],
      ],
    },
    {
      name: "a query parameter's name keeps its letter case",
      given: (s) => parameters(s).push({ in: "query", name: "Limit", schema: { type: "string" } }),
      edit: (s) => (parameters(s)[4]!.allowReserved = true),
      changes: [
        [
          "major",
          "parameter-serialization-changed",
          `${OPERATION}/parameters/4`,
          "get_meeting_participant: parameter query:Limit is serialised differently (style=form explode=true allowReserved=false allowEmptyValue=false content=schema → style=form explode=true allowReserved=true allowEmptyValue=false content=schema)",
        ],
      ],
    },
    {
      name: "success answered with 201 instead of 200",
      edit: (s) => {
        get(s).responses[201] = get(s).responses[200];
        delete get(s).responses[200];
      },
      changes: [
        [
          "major",
          "success-status-changed",
          `${OPERATION}/responses/201`,
          "get_meeting_participant: success status changed from 200 to 201",
        ],
      ],
    },
    {
      name: "a status added and one dropped",
      edit: (s) => {
        get(s).responses[409] = get(s).responses[404];
        delete get(s).responses[404];
      },
      changes: [
        [
          "minor",
          "response-status-added",
          `${OPERATION}/responses/409`,
          "get_meeting_participant: documents a new response status 409",
        ],
        [
          "major",
          "response-status-removed",
          `${OPERATION}/responses/404`,
          "get_meeting_participant: response status 404 is no longer documented",
        ],
      ],
    },
    {
      name: "a parameter sent as JSON content",
      edit: (s) => {
        const participantId = parameters(s)[3]!;
        participantId.content = { "application/json": { schema: participantId.schema } };
        delete participantId.schema;
      },
      changes: [
        [
          "major",
          "parameter-serialization-changed",
          `${OPERATION}/parameters/3`,
          "get_meeting_participant: parameter path:participant_id is serialised differently (style=simple explode=false allowReserved=false allowEmptyValue=false content=schema → style=simple explode=false allowReserved=false allowEmptyValue=false content=application/json)",
        ],
      ],
    },
    {
      name: "a query parameter's reserved characters and empty value allowed",
      given: addLimit({ type: "string" }),
      edit: (s) => Object.assign(limit(s), { allowReserved: true, allowEmptyValue: true }),
      changes: [
        [
          "major",
          "parameter-serialization-changed",
          `${OPERATION}/parameters/4`,
          "get_meeting_participant: parameter query:limit is serialised differently (style=form explode=true allowReserved=false allowEmptyValue=false content=schema → style=form explode=true allowReserved=true allowEmptyValue=true content=schema)",
        ],
      ],
    },
    {
      name: "a success answer where there was none",
      given: (s) => delete get(s).responses[200],
      edit: (s) => (get(s).responses[200] = { $ref: `#${SUCCESS}` }),
      changes: [
        [
          "major",
          "success-status-changed",
          `${OPERATION}/responses/200`,
          "get_meeting_participant: success status changed from none to 200",
        ],
      ],
    },
    {
      name: "a cookie parameter's default style, form, written out",
      given: addLimit({ type: "integer" }, { in: "cookie" }),
      edit: (s) => (limit(s).style = "form"),
      changes: [],
    },
    {
      name: "a server variable with no default is left as written",
      given: (s) =>
        (s.servers = [{ url: "https://{region}.example.com/{v}", variables: { region: { default: "eu" } } }]),
      edit: (s) => (s.servers![0]!.variables.region.default = "us"),
      changes: [
        [
          "major",
          "server-changed",
          "/servers",
          "get_meeting_participant: default server changed from https://eu.example.com/{v} to https://us.example.com/{v}",
        ],
      ],
    },
  ];

  it.each(rows)("$name", ({ given, edit, changes }) => {
    const { base, head } = pair(edit, given);
    const found = compareOperation(base, head);
    expect(listed(found)).toEqual(changes);
  });
});

describe("compareSecurity", () => {
  const requiring =
    (...alternatives: Array<Record<string, string[]>>) =>
    (s: Spec) =>
      (get(s).security = alternatives);
  const rows: Row[] = [
    {
      name: "a scope more",
      given: requiring({ api_token: ["read"] }),
      edit: requiring({ api_token: ["read", "write"] }),
      changes: [
        [
          "major",
          "security-requirement-added",
          `${OPERATION}/security`,
          "get_meeting_participant: callers authorised by api_token(read) are no longer accepted (now api_token(read, write))",
        ],
      ],
    },
    {
      name: "no security anywhere, before or after",
      given: (s) => delete get(s).security,
      edit: (s) => (get(s).summary = "Get a participant"),
      changes: [],
    },
    {
      name: "two alternatives, the same in another order",
      given: requiring({ api_token: [] }, { api_key: [] }),
      edit: (s) => get(s).security.reverse(),
      changes: [],
    },
    {
      name: "one alternative replaced by two that each need more",
      edit: requiring({ api_token: [], api_key: [] }, { api_key: [] }),
      changes: [
        [
          "major",
          "security-requirement-added",
          `${OPERATION}/security`,
          "get_meeting_participant: callers authorised by api_token are no longer accepted (now api_token + api_key or api_key)",
        ],
      ],
    },
    {
      name: "a scheme the head no longer defines is left to the linter",
      edit: (s) => delete s.components!.securitySchemes!.api_token,
      changes: [],
    },
    {
      name: "a scope fewer",
      given: requiring({ api_token: ["read", "write"] }),
      edit: requiring({ api_token: ["read"] }),
      changes: [
        [
          "minor",
          "security-requirement-relaxed",
          `${OPERATION}/security`,
          "get_meeting_participant: also accepts api_token(read)",
        ],
      ],
    },
    {
      name: "a second scheme needed beside the first",
      edit: requiring({ api_token: [], api_key: [] }),
      changes: [
        [
          "major",
          "security-requirement-added",
          `${OPERATION}/security`,
          "get_meeting_participant: callers authorised by api_token are no longer accepted (now api_token + api_key)",
        ],
      ],
    },
    {
      name: "no credentials needed any more",
      edit: requiring(),
      changes: [
        [
          "minor",
          "security-requirement-relaxed",
          `${OPERATION}/security`,
          "get_meeting_participant: also accepts no credentials",
        ],
      ],
    },
    {
      name: "a scheme only the head uses is not compared",
      edit: (s) => {
        get(s).security = [{ api_token: [] }, { api_key: [] }];
        s.components!.securitySchemes!.api_key = { type: "apiKey", in: "header", name: "X-Key" };
      },
      changes: [
        [
          "minor",
          "security-requirement-relaxed",
          `${OPERATION}/security`,
          "get_meeting_participant: also accepts api_key",
        ],
      ],
    },
    {
      name: "a scheme no document defines is left to the linter",
      given: requiring({ api_token: [], nowhere: [] }),
      edit: (s) => (s.components!.securitySchemes!.api_token.description = "changed"),
      changes: [
        [
          "patch",
          "description-changed",
          "/components/securitySchemes/api_token/description",
          "security scheme api_token: description changed",
        ],
      ],
    },
    {
      // Nobody sent its credentials before, so how it sends them has not changed for anyone.
      name: "a scheme only the head requires, redefined",
      given: (s) => (s.components!.securitySchemes!.api_key = { type: "apiKey", in: "header", name: "X-Key" }),
      edit: (s) => {
        get(s).security.push({ api_key: [] });
        s.components!.securitySchemes!.api_key.name = "X-Other";
      },
      changes: [
        [
          "minor",
          "security-requirement-relaxed",
          `${OPERATION}/security`,
          "get_meeting_participant: also accepts api_key",
        ],
      ],
    },
  ];

  it.each(rows)("$name", ({ given, edit, changes }) => {
    const found = compareSecurity(pair(edit, given));
    expect(listed(found)).toEqual(changes);
  });
});

describe("formatDiff", () => {
  it("counts the changes and lines each one up under its level", () => {
    const changes = [
      change("major", "path-changed", "/a", "first"),
      change("minor", "response-status-added", "/b", "second"),
    ];
    expect(formatDiff({ bump: "major", changes })).toBe(
      [
        "bump: major (2 changes)",
        "  major  path-changed  /a",
        "         first",
        "  minor  response-status-added  /b",
        "         second",
      ].join("\n"),
    );
    expect(formatDiff({ bump: "none", changes: [] })).toBe("bump: none (the published operations did not change)");
  });
});

describe("compareConstraints", () => {
  const LIMIT = `${OPERATION}/parameters/4/schema`;
  const REQUEST = { major: "requests that were valid may now be rejected", minor: "more requests are accepted" };
  const RESPONSE = {
    major: "responses may now hold values that were impossible",
    minor: "responses are more constrained",
  };
  const limitSchema = (s: Spec) => limit(s).schema;
  const set = (values: object) => (s: Spec) => Object.assign(limitSchema(s), values);
  const rows: Array<Row & { id?: string }> = [
    {
      name: "maxItems lowered",
      given: addLimit({ type: "array", items: { type: "string" }, maxItems: 5 }),
      edit: set({ maxItems: 3 }),
      changes: [
        [
          "major",
          "request-constraint-narrowed",
          `${LIMIT}/maxItems`,
          `get_meeting_participant: maxItems 5 → 3: ${REQUEST.major}`,
        ],
      ],
    },
    {
      name: "minItems lowered and maxProperties raised",
      given: addLimit({ type: "array", items: { type: "object", maxProperties: 2 }, minItems: 2 }),
      edit: (s) => {
        limitSchema(s).minItems = 1;
        limitSchema(s).items.maxProperties = 4;
      },
      changes: [
        [
          "minor",
          "request-constraint-loosened",
          `${LIMIT}/minItems`,
          `get_meeting_participant: minItems 2 → 1: ${REQUEST.minor}`,
        ],
        [
          "minor",
          "request-constraint-loosened",
          `${LIMIT}/items/maxProperties`,
          `get_meeting_participant: maxProperties 2 → 4: ${REQUEST.minor}`,
        ],
      ],
    },
    {
      name: "minProperties raised below additionalProperties",
      given: addLimit({ type: "object", additionalProperties: { type: "object", minProperties: 1 } }),
      edit: (s) => (limitSchema(s).additionalProperties.minProperties = 2),
      changes: [
        [
          "major",
          "request-constraint-narrowed",
          `${LIMIT}/additionalProperties/minProperties`,
          `get_meeting_participant: minProperties 1 → 2: ${REQUEST.major}`,
        ],
      ],
    },
    {
      name: "limits that allow everything written out",
      given: addLimit({ type: "array", items: { type: "string" } }),
      edit: set({ minItems: 0, minLength: 0, minProperties: 0, uniqueItems: false }),
      changes: [],
    },
    {
      name: "items made unique",
      given: addLimit({ type: "array", items: { type: "string" } }),
      edit: set({ uniqueItems: true }),
      changes: [
        [
          "major",
          "request-constraint-narrowed",
          `${LIMIT}/uniqueItems`,
          `get_meeting_participant: uniqueItems none → true: ${REQUEST.major}`,
        ],
      ],
    },
    {
      name: "multipleOf made a multiple of itself",
      given: addLimit({ type: "integer", multipleOf: 2 }),
      edit: set({ multipleOf: 4 }),
      changes: [
        [
          "major",
          "request-constraint-narrowed",
          `${LIMIT}/multipleOf`,
          `get_meeting_participant: multipleOf 2 → 4: ${REQUEST.major}`,
        ],
      ],
    },
    {
      name: "multipleOf made a divisor of itself",
      given: addLimit({ type: "integer", multipleOf: 4 }),
      edit: set({ multipleOf: 2 }),
      changes: [
        [
          "minor",
          "request-constraint-loosened",
          `${LIMIT}/multipleOf`,
          `get_meeting_participant: multipleOf 4 → 2: ${REQUEST.minor}`,
        ],
      ],
    },
    {
      name: "multipleOf neither",
      given: addLimit({ type: "integer", multipleOf: 2 }),
      edit: set({ multipleOf: 3 }),
      changes: [
        [
          "major",
          "request-constraint-changed",
          `${LIMIT}/multipleOf`,
          `get_meeting_participant: multipleOf 2 → 3: ${REQUEST.major}`,
        ],
      ],
    },
    {
      name: "OpenAPI 3.1: of an inclusive and an exclusive minimum at the same number, the exclusive one dropped",
      given: addLimit({ type: "integer", minimum: 1, exclusiveMinimum: 1 }),
      edit: (s) => delete limitSchema(s).exclusiveMinimum,
      changes: [
        [
          "minor",
          "request-constraint-loosened",
          `${LIMIT}/minimum`,
          `get_meeting_participant: minimum > 1 → >= 1: ${REQUEST.minor}`,
        ],
      ],
    },
    {
      name: "OpenAPI 3.1: an exclusive minimum below the inclusive one moved, still below",
      given: addLimit({ type: "integer", minimum: 5, exclusiveMinimum: 1 }),
      edit: set({ exclusiveMinimum: 3 }),
      changes: [],
    },
    {
      name: "OpenAPI 3.1: an exclusive maximum below the inclusive one raised above it",
      given: addLimit({ type: "integer", maximum: 9, exclusiveMaximum: 5 }),
      edit: set({ exclusiveMaximum: 20 }),
      changes: [
        [
          "minor",
          "request-constraint-loosened",
          `${LIMIT}/maximum`,
          `get_meeting_participant: maximum < 5 → <= 9: ${REQUEST.minor}`,
        ],
      ],
    },
    {
      name: "a minimum removed",
      given: addLimit({ type: "integer", minimum: 1 }),
      edit: (s) => delete limitSchema(s).minimum,
      changes: [
        [
          "minor",
          "request-constraint-loosened",
          `${LIMIT}/minimum`,
          `get_meeting_participant: minimum >= 1 → none: ${REQUEST.minor}`,
        ],
      ],
    },
    {
      name: "integer became number",
      given: addLimit({ type: "integer" }),
      edit: set({ type: "number" }),
      changes: [
        [
          "minor",
          "request-constraint-loosened",
          `${LIMIT}/type`,
          `get_meeting_participant: type integer → number: ${REQUEST.minor}`,
        ],
      ],
    },
    {
      name: "string became integer: the types see that",
      given: addLimit({ type: "string" }),
      edit: set({ type: "integer" }),
      changes: [],
    },
    {
      name: "a bound removed where the head's schema is another component: reported where it was",
      given: addLimit({ type: "string", maxLength: 5 }),
      edit: (s) => {
        s.components!.schemas!.Limit = { type: "string" };
        limit(s).schema = { $ref: "#/components/schemas/Limit" };
      },
      changes: [
        [
          "minor",
          "request-constraint-loosened",
          `${LIMIT}/maxLength`,
          `get_meeting_participant: maxLength 5 → none: ${REQUEST.minor}`,
        ],
      ],
    },
    {
      name: "a bound added where the head's schema is another component: reported there",
      given: addLimit({ type: "string" }),
      edit: (s) => {
        s.components!.schemas!.Limit = { type: "string", maxLength: 5 };
        limit(s).schema = { $ref: "#/components/schemas/Limit" };
      },
      changes: [
        [
          "major",
          "request-constraint-narrowed",
          "/components/schemas/Limit/maxLength",
          `get_meeting_participant: maxLength none → 5: ${REQUEST.major}`,
        ],
      ],
    },
    {
      name: "below not, allOf, anyOf, oneOf and prefixItems",
      given: addLimit({
        not: { type: "string", maxLength: 1 },
        allOf: [{ type: "string", maxLength: 1 }],
        anyOf: [{}, { type: "string", maxLength: 1 }],
        oneOf: [{ type: "string", maxLength: 1 }],
        prefixItems: [{ type: "string", maxLength: 1 }],
      }),
      edit: (s) => {
        const schema = limitSchema(s);
        for (const part of [schema.not, schema.allOf[0], schema.anyOf[1], schema.oneOf[0], schema.prefixItems[0]])
          part.maxLength = 2;
      },
      changes: ["not", "allOf/0", "anyOf/1", "oneOf/0", "prefixItems/0"].map((at) => [
        "minor",
        "request-constraint-loosened",
        `${LIMIT}/${at}/maxLength`,
        `get_meeting_participant: maxLength 1 → 2: ${REQUEST.minor}`,
      ]),
    },
    {
      name: "a parameter whose schema is under a media type",
      given: addLimit(undefined as never, {
        content: { "application/json": { schema: { type: "string", maxLength: 5 } } },
      }),
      edit: (s) => (limit(s).content["application/json"].schema.maxLength = 3),
      changes: [
        [
          "major",
          "request-constraint-narrowed",
          `${OPERATION}/parameters/4/content/application~1json/schema/maxLength`,
          `get_meeting_participant: maxLength 5 → 3: ${REQUEST.major}`,
        ],
      ],
    },
    {
      name: "a request body field's bound",
      edit: (s) => (editFields(s).name.maxLength = 5),
      id: "edit_participant",
      changes: [
        [
          "major",
          "request-constraint-narrowed",
          `${EDIT_FIELDS}/name/maxLength`,
          `edit_participant: maxLength none → 5: ${REQUEST.major}`,
        ],
      ],
    },
    {
      name: "integer or number became number: no integer before either",
      given: addLimit({ type: ["integer", "number"] }),
      edit: set({ type: "number" }),
      changes: [],
    },
    {
      name: "a null where a schema could be",
      given: addLimit({ type: "array", items: null }),
      edit: set({ maxItems: 3 }),
      changes: [
        [
          "major",
          "request-constraint-narrowed",
          `${LIMIT}/maxItems`,
          `get_meeting_participant: maxItems none → 3: ${REQUEST.major}`,
        ],
      ],
    },
    {
      name: "an array's items removed: nothing below them to compare",
      given: addLimit({ type: "array", items: { type: "string", maxLength: 3 } }),
      edit: (s) => delete limitSchema(s).items,
      changes: [],
    },
    {
      name: "no success answer any more: nothing to pair it with",
      edit: (s) => delete get(s).responses[200],
      changes: [],
    },
    {
      name: "a response header's bound tightened and a response field's loosened",
      given: (s) => (success(s).headers = { "x-limit": { schema: { type: "integer", maximum: 9 } } }),
      edit: (s) => {
        success(s).headers["x-limit"].schema.maximum = 5;
        delete participant(s).properties.id.format;
      },
      changes: [
        [
          "major",
          "response-constraint-loosened",
          `${PARTICIPANT}/properties/id/format`,
          `get_meeting_participant: format "uuid" → none: ${RESPONSE.major}`,
        ],
        [
          "minor",
          "response-constraint-narrowed",
          `${SUCCESS}/headers/x-limit/schema/maximum`,
          `get_meeting_participant: maximum <= 9 → <= 5: ${RESPONSE.minor}`,
        ],
      ],
    },
  ];

  it.each(rows)("$name", ({ given, edit, changes, id }) => {
    const found = compareConstraints(pair(edit, given, id));
    expect(listed(found)).toEqual(changes);
  });
});

describe("findOperations", () => {
  const ID = "get_meeting_participant";
  const spec = (): Spec => JSON.parse(SPEC_TEXT);

  it("finds only the operations asked for", () => {
    expect([...findOperations(spec(), [ID]).keys()]).toEqual([ID]);
  });

  it("publishes only operations that have an operationId", () => {
    const s = spec();
    delete s.paths[PATH]!.put.operationId;
    const ids = publishedOperationIds(s);
    expect(ids).not.toContain(undefined);
    expect(ids).toHaveLength(publishedOperationIds(spec()).length - 1);
  });

  it("refuses an operationId used twice, naming both places", () => {
    const s = spec();
    s.paths[PATH]!.put.operationId = ID;
    expect(() => findOperations(s, [ID])).toThrow(
      `operationId ${ID} is used twice (${OPERATION}, ${OPERATION.replace(/get$/, "put")})`,
    );
  });

  // Integer keys come out of a JS object in ascending order whatever their written order, so the first case holds
  // the answer, not the sort that also gives it.
  it("takes the lowest 2xx status as the success, then 2XX", () => {
    const s = spec();
    const responses = get(s).responses;
    get(s).responses = { 201: responses[200], 200: responses[200], 404: responses[404] };
    expect(findOperations(s, [ID]).get(ID)!.successStatus).toBe("200");
    get(s).responses = { "2XX": responses[200], "4XX": responses[404] };
    expect(findOperations(s, [ID]).get(ID)!.successStatus).toBe("2XX");
  });

  it("reports every operation removed when the head publishes none, rather than refuse it", async () => {
    const [base, head] = [spec(), spec()];
    head.paths = {};
    const diff = await diffSpecs(base, head);
    expect(diff.bump).toBe("major");
    expect(diff.changes).toHaveLength(publishedOperationIds(base).length);
    expect(new Set(diff.changes.map((change) => change.kind))).toEqual(new Set(["operation-removed"]));
  });

  it("pairs the success answers by their role and every other status once", () => {
    const statuses = (p: ReturnType<typeof pair>) => p.responses.map((r) => [r.base.status, r.head.status]);
    const others = Object.keys(get(COMMITTED).responses).filter((status) => status !== "200");
    expect(others.length).toBeGreaterThan(0);
    expect(statuses(pair(() => {}))).toEqual([["200", "200"], ...others.map((status) => [status, status])]);
    const moved = pair((s) => {
      get(s).responses[201] = get(s).responses[200];
      delete get(s).responses[200];
    });
    expect(statuses(moved)).toEqual([["200", "201"], ...others.map((status) => [status, status])]);
  });

  it("reports every operation added when the base publishes none, rather than refuse it", async () => {
    const [base, head] = [spec(), spec()];
    base.paths = {};
    const diff = await diffSpecs(base, head);
    expect(diff.bump).toBe("minor");
    expect(diff.changes).toHaveLength(publishedOperationIds(head).length);
    expect(new Set(diff.changes.map((change) => change.kind))).toEqual(new Set(["operation-added"]));
  });

  it("refuses two documents that publish none of the operations asked for, naming them", async () => {
    await expect(diffSpecs(spec(), spec(), { operations: ["a", "b"] })).rejects.toThrow(
      "neither document has any of the published operations (a, b)",
    );
  });

  it("passes over a path item that is null", () => {
    const s = spec();
    s.paths["/nothing"] = null as never;
    expect(publishedOperationIds(s)).toContain(ID);
    expect(findOperations(s, [ID]).size).toBe(1);
  });
});

describe("type changes, through the compiler", () => {
  // The participant's type as a message prints it: its first 77 characters and an ellipsis.
  const PARTICIPANT_TYPE = "{ readonly created_at: string; custom_participant_id: string; id: string; nam…";
  const WITH_EXTRA = "{ readonly created_at: string; custom_participant_id: string; extra?: string;…";
  /** What a change the walk cannot pin below the participant reports: one change per operation that answers one. */
  const participantChanged = (became: string): Listed => [
    [
      "major",
      "response-type-changed",
      `${ENVELOPE}/properties/data`,
      `get_meeting_participant response 200 content.application/json.data: type ${PARTICIPANT_TYPE} became ${became}`,
    ],
    [
      "major",
      "response-type-changed",
      PARTICIPANT,
      `get_meeting_participants response 200 content.application/json.data.[]: type ${PARTICIPANT_TYPE} became ${became}`,
    ],
  ];
  const rows: Array<Row & { bump: string }> = [
    {
      name: "a type of exactly 80 characters is printed whole",
      edit: (s) => (parameters(s)[3]!.schema.enum = ["x".repeat(78)]),
      bump: "major",
      changes: [
        [
          "major",
          "parameter-enum-added",
          `${OPERATION}/parameters/3/schema`,
          `get_meeting_participant parameters path.participant_id: type string became "${"x".repeat(78)}"`,
        ],
      ],
    },
    {
      name: "a const is a one-value enum",
      given: (s) => (participant(s).properties.kind = { type: "string", const: "a" }),
      edit: (s) => (participant(s).properties.kind.const = "b"),
      bump: "major",
      changes: [
        [
          "major",
          "response-enum-changed",
          `${PARTICIPANT}/properties/kind`,
          'get_meeting_participants response 200 content.application/json.data.[].kind: type "a" became "b" (and 1 more place using the same definition)',
        ],
      ],
    },
    {
      name: "null in an enum is nullability, not a value: the values only grew",
      given: (s) => Object.assign(editFields(s).preset_name, { enum: ["host", null], nullable: true }),
      edit: (s) => (editFields(s).preset_name.enum = ["host", "guest"]),
      bump: "minor",
      changes: [
        [
          "minor",
          "request-enum-value-added",
          `${EDIT_FIELDS}/preset_name`,
          'edit_participant request body content.application/json.preset_name: type "host" became "host" | "guest"',
        ],
      ],
    },
    {
      // The generated request body type requires a key per media type, so code written against it must add one.
      name: "a request media type added is required by the types",
      edit: (s) => (editBody(s).content["text/plain"] = { schema: { type: "string" } }),
      bump: "major",
      changes: [
        [
          "major",
          "request-media-type-added-required",
          `${EDIT_BODY}/content/text~1plain`,
          "edit_participant request body content.text/plain: was added, required",
        ],
      ],
    },
    {
      name: "a request media type removed",
      given: (s) => (editBody(s).content["text/plain"] = { schema: { type: "string" } }),
      edit: (s) => delete editBody(s).content["text/plain"],
      bump: "major",
      changes: [
        [
          "major",
          "request-media-type-removed",
          `${EDIT_BODY}/content/text~1plain`,
          "edit_participant request body content.text/plain: was removed or renamed",
        ],
      ],
    },
    {
      name: "a response media type added",
      edit: (s) => (success(s).content["text/plain"] = { schema: { type: "string" } }),
      bump: "minor",
      changes: [
        [
          "minor",
          "response-media-type-added",
          `${SUCCESS}/content/text~1plain`,
          "get_meeting_participant response 200 content.text/plain: was added",
        ],
      ],
    },
    {
      name: "a field of an object parameter added",
      given: addLimit({ type: "object", properties: { a: { type: "string" } } }, { style: "deepObject" }),
      edit: (s) => (limit(s).schema.properties.b = { type: "string" }),
      bump: "minor",
      changes: [
        [
          "minor",
          "parameter-field-added",
          `${OPERATION}/parameters/4/schema/properties/b`,
          "get_meeting_participant parameters query.limit.b: was added",
        ],
      ],
    },
    {
      // The checker's verdict, which the walk follows: `content?: never` became a body old readers never typed.
      name: "a response that had no body gains one",
      given: (s) => (get(s).responses[304] = { description: "Not modified" }),
      edit: (s) => (get(s).responses[304].content = { "application/json": { schema: { type: "string" } } }),
      bump: "major",
      changes: [
        [
          "major",
          "response-type-changed",
          `${OPERATION}/responses/304/content`,
          'get_meeting_participant response 304 content: type never became { "application/json": string; }',
        ],
        [
          "minor",
          "response-media-type-added",
          `${OPERATION}/responses/304/content/application~1json`,
          "get_meeting_participant response 304 content.application/json: was added",
        ],
      ],
    },
    {
      // The field added is minor; what broke is the map beside the fields, so that is reported where the object is.
      name: "a field added, and the values of a map beside the fields changed type",
      given: (s) => (participant(s).additionalProperties = { type: "string" }),
      edit: (s) => {
        participant(s).additionalProperties = { type: "integer" };
        participant(s).properties.extra = { type: "string" };
      },
      bump: "major",
      changes: [
        ...participantChanged(WITH_EXTRA),
        [
          "minor",
          "response-field-added",
          `${PARTICIPANT}/properties/extra`,
          "get_meeting_participants response 200 content.application/json.data.[].extra: was added (and 1 more place using the same definition)",
        ],
      ],
    },
    {
      // The walk meets the participant again at `self` and goes no deeper there: the map's change is still found.
      name: "the values of a map beside a field that refers to its own schema changed type",
      given: (s) => {
        participant(s).properties.self = { $ref: `#${PARTICIPANT}` };
        participant(s).additionalProperties = { type: "string" };
      },
      edit: (s) => (participant(s).additionalProperties = { type: "integer" }),
      bump: "major",
      changes: participantChanged(PARTICIPANT_TYPE),
    },
    {
      // Two allOf members declare `a`: its type is what both allow, and the change is found at `a` itself.
      name: "a field declared by two allOf members, narrowed by the second",
      given: (s) =>
        (participant(s).properties.mixed = {
          allOf: [
            { type: "object", properties: { a: { type: "string" } } },
            { type: "object", properties: { a: { type: "string", enum: ["x"] } } },
          ],
        }),
      edit: (s) => (participant(s).properties.mixed.allOf[1].properties.a.enum = ["y"]),
      bump: "major",
      changes: [
        [
          "major",
          "response-type-changed",
          `${PARTICIPANT}/properties/mixed/allOf/0/properties/a`,
          'get_meeting_participants response 200 content.application/json.data.[].mixed.a: type "x" became "y" (and 1 more place using the same definition)',
        ],
      ],
    },
    {
      name: "a field that can only be null now",
      given: (s) => (participant(s).properties.gone = { type: "string" }),
      edit: (s) => (participant(s).properties.gone = { type: "null" }),
      bump: "major",
      changes: [
        [
          "major",
          "response-field-became-nullable",
          `${PARTICIPANT}/properties/gone`,
          "get_meeting_participants response 200 content.application/json.data.[].gone: may now be null (and 1 more place using the same definition)",
        ],
      ],
    },
  ];

  it.each(rows)("$name", async ({ given, edit, bump, changes }) => {
    const diff = await diffSpecs(...versions(edit, given));
    expect(diff.bump).toBe(bump);
    expect(listed(diff.changes)).toEqual(changes);
  });
});

describe("locating the schema behind a path of generated names", () => {
  const JSON_SCHEMA = "content/application~1json/schema";
  type Where = { name: string; given?: Edit; find: (p: ReturnType<typeof pair>) => Located | undefined };
  const inResponse = (segments: string[]) => (p: ReturnType<typeof pair>) =>
    locateResponse(p, p.responses[0]!)(segments, "head");
  const inParameters = (segments: string[]) => (p: ReturnType<typeof pair>) => locateParameter(p)(segments, "head");
  const rows: Array<Where & { pointer: string | undefined }> = [
    { name: "a parameter", find: inParameters(["path", "participant_id"]), pointer: `${OPERATION}/parameters/3` },
    {
      name: "a parameter's schema, asked for with a trailing empty name",
      find: inParameters(["path", "participant_id", ""]),
      pointer: `${OPERATION}/parameters/3/schema`,
    },
    {
      name: "a field of a parameter sent as JSON content",
      given: (s) => {
        const participantId = parameters(s)[3]!;
        participantId.content = { "application/json": { schema: { properties: { a: { type: "string" } } } } };
        delete participantId.schema;
      },
      find: inParameters(["path", "participant_id", "a"]),
      pointer: `${OPERATION}/parameters/3/${JSON_SCHEMA}/properties/a`,
    },
    { name: "no parameter from a location alone", find: inParameters(["path"]), pointer: undefined },
    { name: "the response itself", find: inResponse([]), pointer: SUCCESS },
    { name: "a response's content", find: inResponse(["content"]), pointer: `${SUCCESS}/content` },
    {
      name: "a response's content, asked for with a trailing empty name",
      find: inResponse(["content", ""]),
      pointer: `${SUCCESS}/content`,
    },
    {
      name: "a media type",
      find: inResponse(["content", "application/json"]),
      pointer: `${SUCCESS}/content/application~1json`,
    },
    { name: "a media type's schema", find: inResponse(["content", "application/json", ""]), pointer: ENVELOPE },
    {
      name: "a field through an allOf",
      find: inResponse(["content", "application/json", "data", "name"]),
      pointer: `${PARTICIPANT}/properties/name`,
    },
    {
      name: "a field in an allOf's second member",
      given: (s) => (participant(s).properties.mixed = { allOf: [{ type: "object" }, { properties: { b: {} } }] }),
      find: inResponse(["content", "application/json", "data", "mixed", "b"]),
      pointer: `${PARTICIPANT}/properties/mixed/allOf/1/properties/b`,
    },
    {
      name: "a field in an anyOf",
      given: (s) => (participant(s).properties.mixed = { anyOf: [{ properties: { b: {} } }] }),
      find: inResponse(["content", "application/json", "data", "mixed", "b"]),
      pointer: `${PARTICIPANT}/properties/mixed/anyOf/0/properties/b`,
    },
    {
      name: "a field in a oneOf",
      given: (s) => (participant(s).properties.mixed = { oneOf: [{ properties: { b: {} } }] }),
      find: inResponse(["content", "application/json", "data", "mixed", "b"]),
      pointer: `${PARTICIPANT}/properties/mixed/oneOf/0/properties/b`,
    },
    {
      name: "array items",
      given: (s) => (participant(s).properties.tags = { type: "array", items: { properties: { b: {} } } }),
      find: inResponse(["content", "application/json", "data", "tags", "[]", "b"]),
      pointer: `${PARTICIPANT}/properties/tags/items/properties/b`,
    },
    {
      name: "the deepest schema found when a name is not",
      find: inResponse(["content", "application/json", "data", "nowhere", "x"]),
      pointer: `${ENVELOPE}/properties/data`,
    },
    {
      name: "a schema whose allOf names itself ends the search",
      given: (s) => {
        s.components!.schemas!.Loop = { allOf: [{ $ref: "#/components/schemas/Loop" }] };
        participant(s).properties.loop = { $ref: "#/components/schemas/Loop" };
      },
      find: inResponse(["content", "application/json", "data", "loop", "x"]),
      pointer: "/components/schemas/Loop",
    },
    {
      name: "a media type with no schema: the media type",
      given: (s) => (success(s).content["text/plain"] = {}),
      find: inResponse(["content", "text/plain", ""]),
      pointer: `${SUCCESS}/content/text~1plain`,
    },
    {
      name: "a response header's schema",
      given: (s) => (success(s).headers = { "X-Limit": { schema: { type: "integer" } } }),
      find: inResponse(["headers", "X-Limit", ""]),
      pointer: `${SUCCESS}/headers/X-Limit/schema`,
    },
    {
      name: "a response header sent as JSON content",
      given: (s) => (success(s).headers = { "X-Meta": { content: { "application/json": { schema: {} } } } }),
      find: inResponse(["headers", "X-Meta", ""]),
      pointer: `${SUCCESS}/headers/X-Meta/${JSON_SCHEMA}`,
    },
    {
      name: "a request body's field",
      find: (p) => locateRequestBody(p)(["content", "application/json", "preset_name"], "head"),
      pointer: `${EDIT_FIELDS}/preset_name`,
    },
    {
      name: "no request body where the operation has none",
      find: (p) => locateRequestBody(p)(["content"], "head"),
      pointer: undefined,
    },
  ];

  it.each(rows)("$name", ({ name, given, find, pointer }) => {
    const id = name.startsWith("a request body") ? "edit_participant" : "get_meeting_participant";
    expect(find(pair(() => {}, given, id))?.pointer).toBe(pointer);
  });
});
