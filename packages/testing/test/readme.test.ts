// The README's example is the example under test/example/, word for word: if it stopped working, that test fails.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const read = (file: string) => readFileSync(new URL(`../${file}`, import.meta.url), "utf8");
const readme = read("README.md");

describe("README", () => {
  it.each(["test/example/participants.ts", "test/example/participants.test.ts"])("shows %s as it is", (file) => {
    expect(readme).toContain(`\`\`\`ts\n${read(file)}\`\`\``);
  });
});
