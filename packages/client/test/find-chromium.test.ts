// The browser finder's order and its refusal: the browser tests must never pass by finding no browser.
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { findChromium } from "@realtimekit-api/test-servers/chromium";
import { afterAll, describe, expect, it } from "vitest";

const dir = mkdtempSync(join(tmpdir(), "realtimekit-find-chromium-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("findChromium", () => {
  it("takes CHROMIUM_PATH first when it names an executable", async () => {
    const fake = join(dir, "my-chrome");
    writeFileSync(fake, "#!/bin/sh\n");
    chmodSync(fake, 0o755);
    expect(await findChromium({ CHROMIUM_PATH: fake, PATH: "" })).toEqual({
      executablePath: fake,
      source: "CHROMIUM_PATH",
    });
  });

  it("refuses a CHROMIUM_PATH that is not executable, naming it", async () => {
    const notExecutable = join(dir, "plain-file");
    writeFileSync(notExecutable, "");
    await expect(findChromium({ CHROMIUM_PATH: notExecutable })).rejects.toThrow(
      `CHROMIUM_PATH is set to ${notExecutable}`,
    );
  });

  it("finds a browser with nothing set: a system one or the npm package's", async () => {
    const { executablePath, source } = await findChromium({});
    expect(["system", "@sparticuz/chromium"]).toContain(source);
    expect(executablePath).toMatch(/chrom/i);
  });
});
