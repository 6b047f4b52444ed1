// The package ships the exact spec it was generated from, with the upstream it came from.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

describe("@realtimekit-api/types/openapi.json", () => {
  it("ships the exact spec it was generated from, with its upstream provenance", () => {
    const shipped = readFileSync(new URL("../openapi.json", import.meta.url), "utf8");
    const source = readFileSync(new URL("../../../openapi/realtimekit.openapi.json", import.meta.url), "utf8");
    expect(shipped).toBe(source);
    expect(JSON.parse(shipped).info["x-upstream"]).toMatchObject({
      date: expect.stringMatching(/^\d{4}-\d\d-\d\d$/),
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
  });
});
