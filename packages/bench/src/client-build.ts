// Which build of the client a run measured: its version and a digest of dist/index.mjs. The client changes
// often; the digest ties a results file to the exact code it describes.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { clientDir } from "./paths.ts";

export type ClientBuild = { version: string; distIndexMjsSha256: string };

export function describeClientBuild(entry = join(clientDir, "dist/index.mjs")): ClientBuild {
  const { version } = JSON.parse(readFileSync(join(clientDir, "package.json"), "utf8")) as { version: string };
  return { version, distIndexMjsSha256: createHash("sha256").update(readFileSync(entry)).digest("hex").slice(0, 16) };
}
