// Size budgets for @realtimekit-api/client, checked on the built dist (turbo builds it first: `test` depends
// on ^build). Sizes are deterministic for a given build, so these fail CI the moment a change crosses them.
// Speed is measured by `pnpm bench` and reported, never asserted here: timings vary from machine to machine.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { bundleOneCall } from "../src/bundle.ts";
import { packWorkspacePackage } from "../src/pack.ts";
import { benchRoot, clientDir, oneCallOurs, typesDir, wholeClient } from "../src/paths.ts";

/**
 * The one-call consumer (test/fixtures/one-call-ours.ts: createRealtimeKit and the getMeetingParticipant
 * function), bundled, minified and gzipped (-9): 4,650 B, since request bodies and answers are checked against
 * schemas the application passes (`requestBodySchemas`, `responseSchemas`), and log lines are written by a log it
 * passes (`logTo(logger, level)`), rather than by code every application carries; and query strings and bodies are
 * written by code only the operations that have them bring in. The goal and the budget are 5 kB (5,000 B, as
 * size-limit counts a kB). See BENCHMARKS.md.
 */
const ONE_CALL_GZIP_BUDGET = 5_000;

/**
 * Any one operation through its function: the goal and the budget are the one call's. The largest, getRecordings
 * (a list whose ten query parameters carry enums, date-times and an array), is 4,975 B.
 */
const ANY_ONE_OPERATION_GZIP_BUDGET = ONE_CALL_GZIP_BUDGET;

/** createRealtimeKitClient, every operation a method: 16,624 B; the goal, and the budget, is 25 kB. */
const WHOLE_CLIENT_GZIP_BUDGET = 25_000;

/**
 * The published client tarball (pnpm pack). With all 62 operations' tables in both the ESM and the CJS build, and
 * the README's operations reference, it is 86.5 kB; 96 kB leaves room for growth, while a dependency bundled into
 * dist by mistake (openapi-fetch would add ~8–9 kB packed) or shipped source maps would still show.
 */
const PACKED_CLIENT_BUDGET = 96 * 1024;

const describeInputs = (inputs: Array<{ path: string; bytes: number }>) =>
  inputs.map((i) => `${i.path}: ${i.bytes} B minified`).join(", ");

/** The client method names, from the spec the types package ships. */
const methodNames = (): string[] =>
  Object.values<Record<string, { "x-client-method"?: string }>>(
    JSON.parse(readFileSync(join(typesDir, "openapi.json"), "utf8")).paths,
  ).flatMap((item) => Object.values(item).flatMap((operation) => operation["x-client-method"] ?? []));

describe("one-call bundle budget", () => {
  for (const platform of ["browser", "node"] as const) {
    it(`stays within ${ONE_CALL_GZIP_BUDGET} bytes minified + gzip for ${platform}`, async () => {
      const { gzipBytes, inputs } = await bundleOneCall(oneCallOurs, platform);
      expect(
        gzipBytes,
        `one-call ${platform} bundle is ${gzipBytes} B gzip (${describeInputs(inputs)})`,
      ).toBeLessThanOrEqual(ONE_CALL_GZIP_BUDGET);
    });
  }

  it("bundles the built client, not its sources, and not openapi-fetch (that is the ./raw export's)", async () => {
    const { inputs } = await bundleOneCall(oneCallOurs, "browser");
    expect(inputs.map((i) => i.path)).toContain("../client/dist/index.mjs");
    expect(inputs.some((i) => i.path.includes("client/src/"))).toBe(false);
    expect(inputs.some((i) => i.path.includes("openapi-fetch") || i.path.includes("client/dist/raw."))).toBe(false);
  });

  it(`every operation alone stays within ${ANY_ONE_OPERATION_GZIP_BUDGET} bytes, far below the whole client`, async () => {
    const dir = mkdtempSync(join(tmpdir(), "realtimekit-operation-bundles-"));
    try {
      const names = methodNames();
      expect(names.length).toBeGreaterThan(1);
      const sizes: Array<[string, number]> = [];
      for (const name of names) {
        const entry = join(dir, `${name}.ts`);
        writeFileSync(
          entry,
          `import { createRealtimeKit, ${name} } from "@realtimekit-api/client";
` +
            `export const result = await ${name}(createRealtimeKit({ apiToken: "token" }), {} as never);
`,
        );
        const { gzipBytes } = await bundleOneCall(entry, "browser", [join(benchRoot, "node_modules")]);
        sizes.push([name, gzipBytes]);
      }
      const [largest, bytes] = sizes.sort((a, b) => b[1] - a[1])[0]!;
      expect(bytes, `${largest} alone is ${bytes} B gzip`).toBeLessThanOrEqual(ANY_ONE_OPERATION_GZIP_BUDGET);
      // Tree-shaking works: the smallest operation's bundle is far below the whole client's.
      expect(sizes.at(-1)![1]).toBeLessThan(WHOLE_CLIENT_GZIP_BUDGET / 2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("a function carries its body's schema only when the application passes requestBodySchemas", async () => {
    const dir = mkdtempSync(join(tmpdir(), "realtimekit-body-schemas-"));
    try {
      const sizes = [];
      for (const options of ["", ", validateBodies: requestBodySchemas"]) {
        const entry = join(dir, `bodies${sizes.length}.ts`);
        writeFileSync(
          entry,
          'import { createRealtimeKit, replacePresetByID, requestBodySchemas } from "@realtimekit-api/client";\n' +
            `export const result = await replacePresetByID(createRealtimeKit({ apiToken: "token"${options} }), {} as never);\n`,
        );
        sizes.push((await bundleOneCall(entry, "browser", [join(benchRoot, "node_modules")])).gzipBytes);
      }
      const [without, withSchemas] = sizes as [number, number];
      // A preset's body alone is some 1.5 kB gzip; every body schema together, over 3 kB.
      expect(withSchemas - without).toBeGreaterThan(3_000);
      expect(without).toBeLessThanOrEqual(ONE_CALL_GZIP_BUDGET);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it(`the whole client, every operation a method, stays within ${WHOLE_CLIENT_GZIP_BUDGET} bytes`, async () => {
    const { gzipBytes, inputs } = await bundleOneCall(wholeClient, "browser");
    expect(gzipBytes, `whole-client bundle is ${gzipBytes} B gzip (${describeInputs(inputs)})`).toBeLessThanOrEqual(
      WHOLE_CLIENT_GZIP_BUDGET,
    );
  });
});

describe("packed tarball budget", () => {
  const destination = mkdtempSync(join(tmpdir(), "realtimekit-pack-"));
  afterAll(() => rmSync(destination, { recursive: true, force: true }));

  it(`keeps the packed @realtimekit-api/client under ${PACKED_CLIENT_BUDGET} bytes`, () => {
    const { bytes, file } = packWorkspacePackage(clientDir, destination);
    expect(bytes, `${file} is ${bytes} B`).toBeLessThan(PACKED_CLIENT_BUDGET);
  });
});
