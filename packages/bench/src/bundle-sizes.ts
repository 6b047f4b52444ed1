// Bundle sizes of applications using our client, for browsers and for Node, against the official SDK: the one
// call (createRealtimeKit and one operation's function), the largest single operation called the same way (over
// every operation of the spec, as the size budget measures it), and the whole client (createRealtimeKitClient,
// every operation a method).
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { type BundleSize, bundleOneCall, type Platform } from "./bundle.ts";
import {
  benchRoot,
  oneCallCloudflare,
  oneCallOurs,
  scratchDir,
  sdkNodeModules,
  typesDir,
  wholeClient,
} from "./paths.ts";

type SdkBundle = Omit<BundleSize, "inputs"> & {
  inputFiles: number;
  /** RealtimeKit resource modules of the SDK in its one-call bundle: all of them, whichever operation is called. */
  realtimeKitModules: number;
};

export type BundleSizesResult = Record<
  Platform,
  {
    /** The one call: test/fixtures/one-call-ours.ts. */
    ours: BundleSize;
    /**
     * The SDK making the same call. `new Cloudflare()` carries every resource, so this is also the SDK's figure
     * for any one operation and for all of them.
     */
    cloudflareSdk: SdkBundle;
    /** ours ÷ SDK, minified + gzip; lower is better. */
    oursRatio: number;
    /** The operation whose one-call bundle is largest, and that bundle. */
    largestOperation: { method: string; ours: BundleSize; oursRatio: number };
    /** test/fixtures/whole-client.ts. */
    wholeClient: { ours: BundleSize; oursRatio: number };
  }
>;

/** The client method names, from the spec the types package ships (as packages/bench/test/size-budget.test.ts). */
const methodNames = (): string[] =>
  Object.values<Record<string, { "x-client-method"?: string }>>(
    JSON.parse(readFileSync(join(typesDir, "openapi.json"), "utf8")).paths,
  ).flatMap((item) => Object.values(item).flatMap((operation) => operation["x-client-method"] ?? []));

/** Each operation alone, called as a function of a RealtimeKit; the largest bundle. */
async function largestOperation(platform: Platform): Promise<{ method: string; ours: BundleSize }> {
  const dir = join(scratchDir, "operation-bundles");
  mkdirSync(dir, { recursive: true });
  try {
    let largest: { method: string; ours: BundleSize } | undefined;
    for (const method of methodNames()) {
      const entry = join(dir, `${method}.ts`);
      writeFileSync(
        entry,
        `import { createRealtimeKit, ${method} } from "@realtimekit-api/client";\n` +
          `export const result = await ${method}(createRealtimeKit({ apiToken: "token" }), {} as never);\n`,
      );
      const ours = await bundleOneCall(entry, platform, [join(benchRoot, "node_modules")]);
      if (!largest || ours.gzipBytes > largest.ours.gzipBytes) largest = { method, ours };
    }
    if (!largest) throw new Error("the spec the types package ships names no operation");
    return largest;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function measureBundleSizes(): Promise<BundleSizesResult> {
  const result = {} as BundleSizesResult;
  for (const platform of ["browser", "node"] as const) {
    const ours = await bundleOneCall(oneCallOurs, platform);
    const { inputs, ...sdk } = await bundleOneCall(oneCallCloudflare, platform, [sdkNodeModules]);
    const realtimeKitModules = inputs.filter((i) => i.path.startsWith("cloudflare/resources/realtime-kit/")).length;
    const largest = await largestOperation(platform);
    const whole = await bundleOneCall(wholeClient, platform);
    result[platform] = {
      ours,
      cloudflareSdk: { ...sdk, inputFiles: inputs.length, realtimeKitModules },
      oursRatio: ours.gzipBytes / sdk.gzipBytes,
      largestOperation: { ...largest, oursRatio: largest.ours.gzipBytes / sdk.gzipBytes },
      wholeClient: { ours: whole, oursRatio: whole.gzipBytes / sdk.gzipBytes },
    };
  }
  return result;
}
