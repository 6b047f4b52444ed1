// What npm shows and enforces for each published package: the license file every tarball carries (a committed
// copy of the root LICENSE in each package, so this test is what keeps the copies from drifting), where the
// source and the issues are, the Node versions CI tests, and public publishing with provenance.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = new URL("../../", import.meta.url).pathname;
const REPOSITORY = "realtimekit-api/realtimekit-api";
const PUBLISHED = ["types", "client", "testing"] as const;
const read = (path: string) => readFileSync(join(ROOT, path), "utf8");
const manifest = (name: string) => JSON.parse(read(`packages/${name}/package.json`));

describe("LICENSE", () => {
  it("is the BSD 3-Clause license of the realtimekit-api contributors, as package.json says", () => {
    const license = read("LICENSE");
    expect(license).toMatch(/^BSD 3-Clause License\n\nCopyright \(c\) 2026, realtimekit-api contributors\n/);
    expect(license).toContain("3. Neither the name of the copyright holder nor the names of its");
    expect(JSON.parse(read("package.json")).license).toBe("BSD-3-Clause");
  });

  it.each(PUBLISHED)("packages/%s/LICENSE is the root LICENSE, byte for byte", (name) => {
    expect(read(`packages/${name}/LICENSE`)).toBe(read("LICENSE"));
  });
});

describe.each(PUBLISHED)("packages/%s/package.json", (name) => {
  it("names the license, the repository folder, the homepage and where to report bugs", () => {
    expect(manifest(name)).toMatchObject({
      name: `@realtimekit-api/${name}`,
      license: "BSD-3-Clause",
      repository: { type: "git", url: `git+https://github.com/${REPOSITORY}.git`, directory: `packages/${name}` },
      homepage: `https://github.com/${REPOSITORY}/tree/main/packages/${name}#readme`,
      bugs: `https://github.com/${REPOSITORY}/issues`,
    });
  });

  it("requires the Node versions the repository requires and CI tests (20.19 and later)", () => {
    expect(manifest(name).engines).toEqual(JSON.parse(read("package.json")).engines);
    expect(manifest(name).engines).toEqual({ node: ">=20.19" });
  });

  it("publishes publicly with provenance", () => {
    expect(manifest(name).publishConfig).toEqual({ access: "public", provenance: true });
  });
});
