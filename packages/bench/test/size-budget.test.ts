// Size budgets for @realtimekit-api/client, checked on the built dist (turbo builds it first: `test` depends
// on ^build). Sizes are deterministic for a given build, so these fail CI the moment a change crosses them.
// Speed is measured by `pnpm bench` and reported, never asserted here: timings vary from machine to machine.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { bundleOneCall } from "../src/bundle.ts";
import { packWorkspacePackage } from "../src/pack.ts";
import { clientDir, oneCallOurs } from "../src/paths.ts";

/**
 * The one-call consumer (test/fixtures/one-call-ours.ts), bundled, minified and gzipped (-9): at most 5 kB
 * (5,000 B, as size-limit counts a kB). It was 4,966 B when this budget was set. The typed method calls fetch
 * itself, so openapi-fetch (2.7 kB of it before) is not in this bundle at all; see BENCHMARKS.md.
 */
const ONE_CALL_GZIP_BUDGET = 5_000;

/**
 * The published client tarball (pnpm pack): 24.7 kB when this budget was set (dist: ESM, CJS, two .d.ts
 * copies, and the README). 32 kB leaves about 30% for growth, while a dependency bundled into dist by
 * mistake (openapi-fetch would add ~8–9 kB packed) or shipped source maps would cross it.
 */
const PACKED_CLIENT_BUDGET = 32 * 1024;

const describeInputs = (inputs: Array<{ path: string; bytes: number }>) =>
  inputs.map((i) => `${i.path}: ${i.bytes} B minified`).join(", ");

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
});

describe("packed tarball budget", () => {
  const destination = mkdtempSync(join(tmpdir(), "realtimekit-pack-"));
  afterAll(() => rmSync(destination, { recursive: true, force: true }));

  it(`keeps the packed @realtimekit-api/client under ${PACKED_CLIENT_BUDGET} bytes`, () => {
    const { bytes, file } = packWorkspacePackage(clientDir, destination);
    expect(bytes, `${file} is ${bytes} B`).toBeLessThan(PACKED_CLIENT_BUDGET);
  });
});
