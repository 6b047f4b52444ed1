// The release note a spec update writes: front matter for every package, then the changes per operation.
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { writeSpecChangeset } from "../lib/update-spec.ts";

const dir = mkdtempSync(join(tmpdir(), "write-changeset-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const upstream = { date: "2026-09-01", sha256: "a".repeat(64) };

describe("writeSpecChangeset", () => {
  it("lists the changes under the client method of the operation each was found in", () => {
    const file = join(dir, "two-operations.md");
    writeSpecChangeset(file, ["@realtimekit-api/types", "@realtimekit-api/client"], {
      bump: "major",
      upstream,
      changes: [
        { level: "major", kind: "operation-removed", pointer: "/paths/a/get", message: "a gone", operation: "getA" },
        { level: "minor", kind: "operation-added", pointer: "/paths/b/post", message: "b added", operation: "addB" },
        { level: "patch", kind: "description-changed", pointer: "/paths/a/get/x", message: "a doc", operation: "getA" },
        { level: "patch", kind: "info-changed", pointer: "/info", message: "info" },
      ],
    });
    expect(readFileSync(file, "utf8")).toBe(
      [
        "---",
        '"@realtimekit-api/types": major',
        '"@realtimekit-api/client": major',
        "---",
        "",
        `Update to Cloudflare's API document of 2026-09-01 (sha256 \`aaaaaaaaaaaa…\`).`,
        "",
        "#### `getA`",
        "",
        "- **major** a gone (`/paths/a/get`)",
        "- **patch** a doc (`/paths/a/get/x`)",
        "",
        "#### `addB`",
        "",
        "- **minor** b added (`/paths/b/post`)",
        "",
        "#### The document",
        "",
        "- **patch** info (`/info`)",
        "",
      ].join("\n"),
    );
  });

  it("removes a stale changeset when nothing published changed", () => {
    const file = join(dir, "stale.md");
    writeSpecChangeset(file, ["@realtimekit-api/types"], { bump: "patch", upstream, changes: [] });
    expect(existsSync(file)).toBe(true);
    writeSpecChangeset(file, ["@realtimekit-api/types"], undefined);
    expect(existsSync(file)).toBe(false);
  });
});
