// Every operation of the spec, called through the typed client against Prism's mock of Cloudflare's own
// document (the verbatim upstream cut in @realtimekit-api/test-servers, before openapi/overlay.yaml corrects it):
// what a team gets that mocks Cloudflare's published definitions rather than using @realtimekit-api/testing.
// Upstream's examples must satisfy the client as generated from the corrected spec, with and without response
// validation: an overlay correction that made a real answer look wrong would fail here.
//
// Prism's static mode answers with those examples. Its dynamic mode is not used: upstream declares `success` a
// plain boolean, which most of its success answers do not require, so generated 2xx answers often say
// `success: false` or leave it out, which the client refuses by design (responses.test.ts, "success: false on a
// 200").

import { readFileSync } from "node:fs";
import { type PrismMock, startPrismMock } from "@realtimekit-api/test-servers/prism";
import { UPSTREAM_FIXTURE } from "@realtimekit-api/test-servers/upstream-fixture";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { operations } from "../src/generated/operations.ts";
import { createRealtimeKitClient, type OperationName } from "../src/index.ts";
import { TOKEN } from "./helpers.ts";
import { validArguments } from "./support/valid-arguments.ts";

const names = Object.keys(operations) as OperationName[];
const upstream = JSON.parse(readFileSync(UPSTREAM_FIXTURE, "utf8"));
let prism: PrismMock;

beforeAll(async () => {
  prism = await startPrismMock({ spec: UPSTREAM_FIXTURE });
}, 60_000);
afterAll(() => prism?.stop());

it("every operation the client has is in the upstream document, at its method and path", () => {
  for (const name of names) {
    const { method, path } = operations[name];
    expect({ name, defined: Boolean(upstream.paths[path]?.[method.toLowerCase()]) }).toEqual({ name, defined: true });
  }
});

describe.each([false, true])("against Prism's static mock of upstream, validateResponses: %s", (validateResponses) => {
  it.each(names)("%s resolves to its result", async (name) => {
    const client = createRealtimeKitClient({
      apiToken: TOKEN,
      baseUrl: prism.baseUrl,
      validateResponses,
      maxRetries: 0,
    });
    const result = await (client[name] as (params: unknown) => Promise<unknown>)(validArguments(name));
    expect(typeof result).toBe("object");
    expect(result).not.toBeNull();
  });
});
