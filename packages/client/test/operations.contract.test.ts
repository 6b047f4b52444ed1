// Every operation of the spec, called through the typed client with arguments made from the spec itself,
// against Prism's static mock (the spec's examples) and its dynamic mock (answers generated from the schemas),
// with the client checking each answer against the spec. The cases come from the generated tables, so an
// operation added to the spec is tested here without a line written for it.
//
// And against Prism's static mock of Cloudflare's own document (the verbatim upstream cut in
// @realtimekit-api/test-servers, before openapi/overlay.yaml corrects it): what a team gets that mocks Cloudflare's
// published definitions. Upstream's examples must satisfy the client generated from the corrected spec, so an
// overlay correction that made a real answer look wrong fails here. Not its dynamic mode: upstream declares
// `success` a plain boolean, which most of its success answers do not require, so generated 2xx answers often
// say `success: false` or leave it out, which the client refuses by design (responses.test.ts, "success: false
// on a 200").

import { readFileSync } from "node:fs";
import { type PrismMock, startPrismMock } from "@realtimekit-api/test-servers/prism";
import { UPSTREAM_FIXTURE } from "@realtimekit-api/test-servers/upstream-fixture";
import spec from "@realtimekit-api/types/openapi.json" with { type: "json" };
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { operations } from "../src/generated/operations.ts";
import * as client from "../src/index.ts";
import {
  createRealtimeKit,
  createRealtimeKitClient,
  type OperationName,
  RealtimeKitValidationError,
  requestBodySchemas,
} from "../src/index.ts";
import { validateSchema } from "../src/validate-schema.ts";
import { json, recordingFetch, TOKEN } from "./helpers.ts";
import { requiredFields, specOperations, validArguments, without } from "./support/valid-arguments.ts";

const names = Object.keys(operations) as OperationName[];

/**
 * The upstream cut is a dated copy of Cloudflare's document (2026-08-14): the operations of the client that it has,
 * at the same method and path. One added upstream since, or moved, has no answer there.
 */
const upstream = JSON.parse(readFileSync(UPSTREAM_FIXTURE, "utf8"));
const inUpstream = names.filter(
  (name) => upstream.paths[operations[name].path]?.[operations[name].method.toLowerCase()],
);

/** Calls method `name` of a client, whatever its parameter type. */
const callMethod = (target: object, name: OperationName, args: unknown) =>
  (target as Record<string, (params: unknown) => Promise<unknown>>)[name]!(args);

/** Counted straight from the document, not through x-client-method, so an operation without a name counts too. */
const operationsInSpec = Object.values(spec.paths).flatMap((item) =>
  Object.keys(item).filter((key) => ["get", "put", "post", "delete", "patch"].includes(key)),
).length;

describe("the cases", () => {
  it("are one per operation of the spec, with the spec's method and path", () => {
    expect(names).toHaveLength(operationsInSpec);
    expect(new Set(names)).toEqual(new Set(specOperations.keys()));
    for (const name of names) {
      const { method, path } = specOperations.get(name)!;
      expect({ name, method: operations[name].method, path: operations[name].path }).toEqual({ name, method, path });
    }
  });

  // The generator is only as good as the client's own validator says: what it makes must pass it.
  it.each(names)("%s: the arguments made from the spec pass the client's validation", (name) => {
    const { parametersSchema, rules } = operations[name];
    expect(validateSchema(parametersSchema, validArguments(name), rules)).toEqual([]);
  });
});

// Prism's dynamic mode generates every answer from its schema (seeded, so each run gets the same bodies). No
// operation is exempt: the three built on the recursive realtimekit_ActiveSession (getActiveSession, getSessions,
// getSessionDetails) pass too, because the table checks that schema to its first recurrence (the items of
// breakout_rooms are not checked), so where json-schema-faker cuts the nesting short does not matter.
describe.each([
  ["static", () => inject("prismBaseUrl"), names],
  ["dynamic", () => dynamicPrism.baseUrl, names],
  ["upstream document's static", () => upstreamPrism.baseUrl, inUpstream],
] as const)("against Prism's %s mock, with response validation", (_, baseUrl, called) => {
  it.each(called)("%s resolves to its result", async (name) => {
    const realtimeKitClient = createRealtimeKitClient({
      apiToken: TOKEN,
      baseUrl: baseUrl(),
      validateResponses: true,
      maxRetries: 0,
    });
    const result = await callMethod(realtimeKitClient, name, validArguments(name));
    expect(typeof result).toBe("object");
    expect(result).not.toBeNull();
  });
});

it("the dynamic mock answers with generated data, not the spec's examples", async () => {
  const args = validArguments("getMeetingParticipant");
  const [fromExamples, generated] = await Promise.all(
    [inject("prismBaseUrl"), dynamicPrism.baseUrl].map((baseUrl) =>
      createRealtimeKitClient({ apiToken: TOKEN, baseUrl, maxRetries: 0 }).getMeetingParticipant(args as never),
    ),
  );
  expect(generated).not.toEqual(fromExamples);
});

let dynamicPrism: PrismMock;
let upstreamPrism: PrismMock;
// Prism takes a second or two to start, longer on a busy machine.
beforeAll(async () => {
  [dynamicPrism, upstreamPrism] = await Promise.all([
    startPrismMock({ dynamic: { seed: 1 } }),
    startPrismMock({ spec: UPSTREAM_FIXTURE }),
  ]);
}, 150_000);
afterAll(() => Promise.all([dynamicPrism?.stop(), upstreamPrism?.stop()]));

it("every operation the client shares with the upstream cut is there at its method and path", () => {
  // By operationId, which the overlay never changes: an operation whose method or path the spec got wrong is
  // found here, not left out of the calls above.
  const upstreamPlaces = new Map(
    Object.entries<Record<string, { operationId?: string }>>(upstream.paths).flatMap(([path, item]) =>
      Object.entries(item).flatMap(([method, operation]) =>
        operation?.operationId ? [[operation.operationId, `${method.toUpperCase()} ${path}`] as const] : [],
      ),
    ),
  );
  const upstreamPlace = (name: OperationName) => upstreamPlaces.get(specOperations.get(name)!.operation.operationId);
  const shared = names.filter((name) => upstreamPlace(name) !== undefined);
  for (const name of shared) {
    const { method, path } = operations[name];
    expect([name, upstreamPlace(name)]).toEqual([name, `${method} ${path}`]);
  }
  // And the calls above are exactly those: none is left out for a method or path the spec got wrong.
  expect(inUpstream).toEqual(shared);
});

describe("a missing required field is refused before anything is sent", () => {
  const cases = names.flatMap((name) => requiredFields(name).map((field) => [name, field] as const));

  it("every operation has a case (each takes at least account_id)", () => {
    expect(new Set(cases.map(([name]) => name))).toEqual(new Set(names));
  });

  it.each(cases)("%s without %s", async (name, field) => {
    const { fetch, requests } = recordingFetch(() => json({ success: true, data: {} }));
    const realtimeKitClient = createRealtimeKitClient({ apiToken: TOKEN, baseUrl: "http://127.0.0.1:9", fetch });
    const error = await callMethod(realtimeKitClient, name, without(validArguments(name), field)).catch((e) => e);
    expect(error).toBeInstanceOf(RealtimeKitValidationError);
    expect(error).toMatchObject({ field, rule: "required" });
    expect(requests).toHaveLength(0);
  });

  // The per-operation functions check a body when given its schemas (they would outweigh a one-call bundle).
  const bodyCases = cases.filter(([, field]) => field.startsWith("body/"));
  it.each(bodyCases)(
    "%s without %s: its function refuses it given requestBodySchemas, sends it without",
    async (name, field) => {
      const { fetch, requests } = recordingFetch(() =>
        json({ success: true, data: {} }, operations[name].successStatus),
      );
      const operationFunction = (
        client as unknown as Record<string, (kit: unknown, params: unknown) => Promise<unknown>>
      )[name]!;
      const args = without(validArguments(name), field);
      const options = { apiToken: TOKEN, baseUrl: "http://127.0.0.1:9", fetch };
      const error = await operationFunction(
        createRealtimeKit({ ...options, validateBodies: requestBodySchemas }),
        args,
      ).catch((e) => e);
      expect(error).toBeInstanceOf(RealtimeKitValidationError);
      expect(error).toMatchObject({ field, rule: "required" });
      expect(requests).toHaveLength(0);
      await operationFunction(createRealtimeKit(options), args);
      expect(requests).toHaveLength(1);
    },
  );

  it("some operations have required body fields", () => {
    expect(bodyCases.length).toBeGreaterThan(0);
  });
});

describe("the per-operation functions", () => {
  it.each(names)("%s: the function with a RealtimeKit sends what the method sends", async (name) => {
    const operationFunction = (client as unknown as Record<string, unknown>)[name];
    expect(typeof operationFunction).toBe("function");
    expect((operationFunction as { operation: unknown }).operation).toBe(operations[name]);

    const answer = () => json({ success: true, data: { id: name } }, operations[name].successStatus);
    const viaMethod = recordingFetch(answer);
    const viaFunction = recordingFetch(answer);
    const options = { apiToken: TOKEN, baseUrl: "http://127.0.0.1:9" };
    const args = validArguments(name);
    const fromMethod = await callMethod(createRealtimeKitClient({ ...options, fetch: viaMethod.fetch }), name, args);
    const realtimeKit = createRealtimeKit({ ...options, fetch: viaFunction.fetch });
    const fromFunction = await (operationFunction as (kit: unknown, params: unknown) => Promise<unknown>)(
      realtimeKit,
      args,
    );

    expect(fromFunction).toEqual(fromMethod);
    const sent = (calls: typeof viaMethod.calls) =>
      calls.map(({ url, init }) => ({ method: init.method, url, body: init.body }));
    expect(sent(viaFunction.calls)).toEqual(sent(viaMethod.calls));
    expect(viaMethod.calls).toHaveLength(1);
    // The request is the operation's: its method, and its path under the base URL.
    expect(viaMethod.calls[0]!.init.method).toBe(operations[name].method);
    expect(new URL(viaMethod.calls[0]!.url).pathname).toMatch(pathPattern(operations[name].path));
  });
});

/** The path template as a pattern, each `{parameter}` one non-empty segment. */
const pathPattern = (template: string) =>
  new RegExp(`^${template.replace(/\{[^}]+\}/g, "[^/]+").replace(/[.]/g, "\\.")}$`);
