// Bundle size of the one-call consumer, ours against the official SDK, for browsers and for Node.
import { type BundleSize, bundleOneCall, type Platform } from "./bundle.ts";
import { oneCallCloudflare, oneCallOurs, sdkNodeModules } from "./paths.ts";

export type BundleSizesResult = Record<
  Platform,
  {
    ours: BundleSize;
    cloudflareSdk: Omit<BundleSize, "inputs"> & { inputFiles: number };
    /** ours ÷ SDK, minified + gzip; lower is better. */
    oursRatio: number;
  }
>;

export async function measureBundleSizes(): Promise<BundleSizesResult> {
  const result = {} as BundleSizesResult;
  for (const platform of ["browser", "node"] as const) {
    const ours = await bundleOneCall(oneCallOurs, platform);
    const { inputs, ...sdk } = await bundleOneCall(oneCallCloudflare, platform, [sdkNodeModules]);
    result[platform] = {
      ours,
      cloudflareSdk: { ...sdk, inputFiles: inputs.length },
      oursRatio: ours.gzipBytes / sdk.gzipBytes,
    };
  }
  return result;
}
