// The release pipeline end to end against a real registry (verdaccio on 127.0.0.1, no uplink): publish the three
// packages through changesets, install them into fresh consumer projects (ESM, CJS, TypeScript node16 and
// bundler) that call Prism, and the testing kit into one whose test runs against it; then release a breaking
// and a docs-only upstream change as a major and a patch.
// Last, what the spec-update workflow runs (`pnpm spec:update:ci <URL> --date …`) against a document served
// from 127.0.0.1: the regenerated spec, the changeset, and the results it hands the workflow in $GITHUB_OUTPUT.
import { execFile, execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { promisify } from "node:util";
import { type LocalHttpServer, startLocalHttpServer } from "@realtimekit-api/test-servers/local-http-server";
import { type PrismMock, startPrismMock } from "@realtimekit-api/test-servers/prism";
import { UPSTREAM_FIXTURE } from "@realtimekit-api/test-servers/upstream-fixture";
import { type LocalRegistry, startLocalRegistry } from "@realtimekit-api/test-servers/verdaccio";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyProject } from "./project-copy.ts";

const TSC = createRequire(import.meta.url).resolve("typescript/bin/tsc");
const PATH = "/accounts/{account_id}/realtime/kit/{app_id}/meetings/{meeting_id}/participants/{participant_id}";
const PARAMS = {
  account_id: "023e105f4ecef8ad9ca31a8372d0c353",
  app_id: "app",
  meeting_id: "550e8400-e29b-41d4-a716-446655440000",
  participant_id: "participant-1",
};

let dir: string;
let project: string;
let registry: LocalRegistry;
let prism: PrismMock;
let upstreamServer: LocalHttpServer;
/** What the upstream server answers at /openapi.json; each spec:update:ci case sets it. */
let servedDocument: Buffer = Buffer.alloc(0);
let env: NodeJS.ProcessEnv;

function run(cwd: string, command: string, args: string[]): string {
  try {
    return execFileSync(command, args, { cwd, env, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`${command} ${args.join(" ")} failed in ${cwd}:\n${stdout ?? ""}${stderr ?? ""}`);
  }
}
const published = (name: string, field = "version") => JSON.parse(run(dir, "npm", ["view", name, field, "--json"]));
const packageVersion = (name: "types" | "client") =>
  JSON.parse(readFileSync(join(project, "packages", name, "package.json"), "utf8")).version;

/** The files in a published tarball, fetched from the registry, and the text of one of them. */
function publishedTarball(spec: string) {
  const into = mkdtempSync(join(dir, "tarball-"));
  const [{ filename }] = JSON.parse(run(dir, "npm", ["pack", spec, "--json", "--pack-destination", into]));
  const tarball = join(into, filename);
  const files = run(into, "tar", ["-tzf", tarball])
    .split("\n")
    .filter(Boolean)
    .map((entry) => entry.replace(/^package\//, ""))
    .sort();
  return { files, read: (file: string) => run(into, "tar", ["-xzOf", tarball, `package/${file}`]) };
}

beforeAll(async () => {
  dir = realpathSync(mkdtempSync(join(tmpdir(), "release-e2e-")));
  project = join(dir, "project");
  [registry, prism, upstreamServer] = await Promise.all([
    startLocalRegistry(join(dir, "registry")),
    startPrismMock(),
    // Like raw.githubusercontent.com, it sends no Last-Modified: the workflow dates the document with --date.
    startLocalHttpServer((req, res) => {
      if (req.url === "/openapi.json") res.writeHead(200, { "content-type": "text/plain" }).end(servedDocument);
      else res.writeHead(404).end();
    }),
  ]);
  const host = registry.url.replace(/^http:/, "");
  writeFileSync(join(dir, ".npmrc"), `registry=${registry.url}\n${host}:_authToken=local-registry-token\n`);
  // Both variables: pnpm 12 reads only its own, npm only its own; a miss would publish to the public registry.
  // The packages' publishConfig asks for provenance. `changeset publish` runs `pnpm publish`, which signs
  // provenance only where a CI provider hands out an identity token and publishes without it elsewhere (npm
  // publish would refuse instead). The token variables are dropped so that a run inside a workflow allowed
  // `id-token: write` can neither sign for nor exchange a token with this throwaway registry.
  const { ACTIONS_ID_TOKEN_REQUEST_URL, ACTIONS_ID_TOKEN_REQUEST_TOKEN, ...inherited } = process.env;
  env = {
    ...inherited,
    npm_config_registry: registry.url,
    pnpm_config_registry: registry.url,
    npm_config_userconfig: join(dir, ".npmrc"),
    TURBO_TELEMETRY_DISABLED: "1",
    REDOCLY_TELEMETRY: "off",
  };
  // The registry has no uplink, so it gets the client's own runtime dependencies from the local install.
  // They are copied first: the store hard-links equal files, which npm packs as empty tar link entries.
  const resolveFromClient = createRequire(join(import.meta.dirname, "../../packages/client/package.json")).resolve;
  const resolveFromFetch = createRequire(realpathSync(resolveFromClient("openapi-fetch/package.json"))).resolve;
  for (const packageFile of [
    resolveFromClient("openapi-fetch/package.json"),
    resolveFromFetch("openapi-typescript-helpers/package.json"),
  ]) {
    const copy = mkdtempSync(join(dir, "dependency-"));
    cpSync(dirname(realpathSync(packageFile)), copy, { recursive: true, dereference: true });
    run(dir, "npm", ["publish", copy, "--ignore-scripts", "--tag", "latest"]);
  }
  // The testing package's runtime dependencies and msw, its peer, which a consumer installs beside it.
  await publishClosure([
    join(import.meta.dirname, "../../packages/testing/node_modules/msw"),
    join(import.meta.dirname, "../../packages/testing/node_modules/ajv"),
    join(import.meta.dirname, "../../packages/testing/node_modules/ajv-formats"),
  ]);
  copyProject(project);
}, 240_000);

/** Where `name` is installed as seen from the package in `dir` (node_modules lookup, ignoring exports maps). */
function installedPackage(dir: string, name: string): string {
  for (let at = dir; ; at = dirname(at)) {
    const candidate = join(at, "node_modules", name);
    if (existsSync(join(candidate, "package.json"))) return realpathSync(candidate);
    if (dirname(at) === at) throw new Error(`${name} is not installed for ${dir}`);
  }
}

/**
 * Publishes the packages in `dirs` and everything they depend on, each name and version once, from the local
 * install (the registry has no uplink). Copies without `publishConfig`, so none can name another registry.
 */
async function publishClosure(dirs: string[]) {
  const found = new Map<string, string>();
  const visit = (dir: string) => {
    const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
    const key = `${manifest.name}@${manifest.version}`;
    if (found.has(key)) return;
    found.set(key, dir);
    for (const name of Object.keys(manifest.dependencies ?? {})) visit(installedPackage(dir, name));
  };
  for (const dir of dirs) visit(realpathSync(dir));
  const queue = [...found.values()];
  const publishOne = async (source: string) => {
    const copy = mkdtempSync(join(dir, "dependency-"));
    cpSync(source, copy, {
      recursive: true,
      dereference: true,
      filter: (file) => !relative(source, file).split("/").includes("node_modules"),
    });
    const manifestFile = join(copy, "package.json");
    const { publishConfig: _ignored, ...manifest } = JSON.parse(readFileSync(manifestFile, "utf8"));
    writeFileSync(manifestFile, JSON.stringify(manifest));
    // Each under a tag of its own: with two versions of one name in the tree, `latest` would go to whichever was
    // published last rather than the newest.
    const tag = `closure-${createHash("sha256").update(source).digest("hex").slice(0, 8)}`;
    await promisify(execFile)("npm", ["publish", copy, "--ignore-scripts", "--tag", tag], { cwd: dir, env });
  };
  // A few at a time: each publish is a short npm process.
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      for (let next = queue.shift(); next; next = queue.shift()) await publishOne(next);
    }),
  );
}

// Removing the project copy and the consumers' node_modules takes longer than the default 10 s hook timeout on
// a busy machine.
afterAll(async () => {
  await Promise.all([registry?.stop(), prism?.stop(), upstreamServer?.stop()]);
  if (dir) rmSync(dir, { recursive: true, force: true });
}, 60_000);

/** A fresh consumer project that installs the published packages and calls Prism four ways. */
function consume(version: string) {
  const consumer = mkdtempSync(join(dir, "consumer-"));
  writeFileSync(join(consumer, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
  run(consumer, "npm", [
    "install",
    "--no-audit",
    "--no-fund",
    `@realtimekit-api/client@${version}`,
    `@realtimekit-api/types@${version}`,
  ]);
  const options = `{ apiToken: "t", baseUrl: ${JSON.stringify(prism.baseUrl)} }`;
  const call = `createRealtimeKitClient(${options}).getMeetingParticipant(${JSON.stringify(PARAMS)})`;
  // The `./raw` export too: the openapi-fetch client, through the package's exports map.
  const rawCall =
    `createRealtimeKitRawClient(${options})` +
    `.GET(${JSON.stringify(PATH)}, { params: { path: ${JSON.stringify(PARAMS)} } })`;
  const print = "console.log(JSON.stringify({ ...participant, rawStatus: raw.response.status }));";
  writeFileSync(
    join(consumer, "esm.mjs"),
    `import { createRealtimeKitClient } from "@realtimekit-api/client";\nimport { createRealtimeKitRawClient } from "@realtimekit-api/client/raw";\n` +
      `const participant = await ${call};\nconst raw = await ${rawCall};\n${print}\n`,
  );
  writeFileSync(
    join(consumer, "cjs.cjs"),
    `const { createRealtimeKitClient } = require("@realtimekit-api/client");\nconst { createRealtimeKitRawClient } = require("@realtimekit-api/client/raw");\n` +
      `(async () => {\n  const participant = await ${call};\n  const raw = await ${rawCall};\n  ${print}\n})();\n`,
  );
  mkdirSync(join(consumer, "src"));
  writeFileSync(
    join(consumer, "src", "main.ts"),
    `import { createRealtimeKitClient, RealtimeKitApiError, type Participant } from "@realtimekit-api/client";\n` +
      `import { createRealtimeKitRawClient } from "@realtimekit-api/client/raw";\n` +
      `import type { paths } from "@realtimekit-api/types";\n` +
      `type Path = keyof paths;\nconst path: Path = ${JSON.stringify(PATH)};\n` +
      `const participant: Participant = await ${call};\n` +
      `const name: string | null | undefined = participant.name;\n` +
      `const raw = await ${rawCall};\n` +
      `const rawId: string | undefined = raw.data?.data.id;\n` +
      `console.log(JSON.stringify({ ...participant, name, path, rawStatus: raw.response.status, rawId, isError: participant instanceof RealtimeKitApiError }));\n`,
  );
  for (const resolution of ["node16", "bundler"]) {
    const module = resolution === "node16" ? "node16" : "esnext";
    writeFileSync(
      join(consumer, `tsconfig.${resolution}.json`),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          target: "es2022",
          module,
          moduleResolution: resolution,
          outDir: `out-${resolution}`,
          types: [],
          lib: ["es2022", "dom"],
        },
        include: ["src"],
      }),
    );
  }
  const outputs: Record<string, unknown> = {};
  const node = (file: string) => JSON.parse(run(consumer, process.execPath, [file]));
  outputs.esm = node("esm.mjs");
  outputs.cjs = node("cjs.cjs");
  for (const resolution of ["node16", "bundler"]) {
    run(consumer, process.execPath, [TSC, "-p", `tsconfig.${resolution}.json`]);
    outputs[resolution] = node(join(`out-${resolution}`, "main.js"));
  }
  return outputs as Record<"esm" | "cjs" | "node16" | "bundler", Record<string, unknown>>;
}

/** An upstream document: the committed fixture with one change applied. */
function upstreamWith(date: string, change: (document: any) => void): string {
  const document = JSON.parse(readFileSync(UPSTREAM_FIXTURE, "utf8"));
  change(document);
  const file = join(dir, `cloudflare-openapi-${date}.json`);
  writeFileSync(file, JSON.stringify(document));
  return file;
}

function withoutPresetName(document: any) {
  const participant = document.components.schemas.realtimekit_Participant;
  delete participant.properties.preset_name;
  participant.required = participant.required.filter((name: string) => name !== "preset_name");
}

function newDescription(document: any) {
  const path = Object.keys(document.paths).find((p) => p.endsWith("{participant_id}"))!;
  document.paths[path].get.description = "Returns the details of one participant of a meeting.";
}

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

/** The named values a step wrote to $GITHUB_OUTPUT (`name<<delimiter`, the value, the delimiter). */
function readGithubOutputs(text: string): Record<string, string> {
  return Object.fromEntries([...text.matchAll(/^([\w-]+)<<(\S+)\n([\s\S]*?)\n\2\n/gm)].map((m) => [m[1], m[3]]));
}

/**
 * What the spec-update workflow runs, in the project copy, against `document` served from 127.0.0.1, with
 * $GITHUB_OUTPUT in a fresh file. Asynchronous: the server it downloads from runs in this process.
 */
async function specUpdateCi(document: Buffer, date: string) {
  servedDocument = document;
  const outputFile = join(mkdtempSync(join(dir, "github-output-")), "output");
  writeFileSync(outputFile, "");
  const args = ["spec:update:ci", `${upstreamServer.url}/openapi.json`, "--date", date];
  try {
    await promisify(execFile)("pnpm", args, { cwd: project, env: { ...env, GITHUB_OUTPUT: outputFile } });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`pnpm ${args.join(" ")} failed in ${project}:\n${stdout ?? ""}${stderr ?? ""}`);
  }
  return readGithubOutputs(readFileSync(outputFile, "utf8"));
}

function releaseUpstream(file: string) {
  const update = run(project, "pnpm", ["spec:update", file]);
  const changeset = readFileSync(join(project, ".changeset", "upstream-spec-update.md"), "utf8");
  run(project, "pnpm", ["changeset", "version"]);
  run(project, "pnpm", ["release"]);
  return { update, changeset };
}

/** The three packages' latest versions on the registry, and the versions in the project copy. */
const latest = () =>
  Object.fromEntries(["types", "client", "testing"].map((name) => [name, published(`@realtimekit-api/${name}`)]));
const versions = () => [packageVersion("types"), packageVersion("client")];
const changesetFile = () => join(project, ".changeset", "upstream-spec-update.md");

/**
 * The release story, each step on what the one before left: 0.1.0, then three upstream updates released as a
 * major, a patch and none, then the workflow's two runs (a minor, and none). It runs once, before any test, and
 * each test reads what its step left, so the tests pass alone and in any order.
 */
type Story = {
  first: { latest: Record<string, string> };
  major: { changeset: string; versions: string[]; changelog: string };
  patch: { changeset: string; versions: string[]; latest: Record<string, string> };
  none: { update: string; changeset: boolean };
  ciMinor: {
    document: Buffer;
    outputs: Record<string, string>;
    spec: string;
    shippedSpec: string;
    types: string;
    changeset: string;
  };
  ciNone: { outputs: Record<string, string>; changeset: boolean };
};
let story: Story;

async function tellStory(): Promise<Story> {
  run(project, "pnpm", ["release"]);
  const first = { latest: latest() };

  const { changeset: majorChangeset } = releaseUpstream(upstreamWith("2026-09-01", withoutPresetName));
  const major = {
    changeset: majorChangeset,
    versions: versions(),
    changelog: readFileSync(join(project, "packages/types/CHANGELOG.md"), "utf8"),
  };

  // 2026-09-01's shape, with only the operation's description changed.
  const { changeset: patchChangeset } = releaseUpstream(
    upstreamWith("2026-09-15", (document) => {
      withoutPresetName(document);
      newDescription(document);
    }),
  );
  const patch = { changeset: patchChangeset, versions: versions(), latest: latest() };

  // 2026-09-15's published operation, with a change elsewhere in the API.
  const elsewhere = upstreamWith("2026-10-01", (document) => {
    withoutPresetName(document);
    newDescription(document);
    document.paths["/zones/{zone_id}/dns_records/{dns_record_id}"].get.description = "Changed elsewhere.";
  });
  const none = { update: run(project, "pnpm", ["spec:update", elsewhere]), changeset: existsSync(changesetFile()) };

  // 2026-10-01's published operation, with a new optional response field: a minor release.
  const minorDocument = readFileSync(
    upstreamWith("2026-11-02", (document) => {
      withoutPresetName(document);
      newDescription(document);
      document.components.schemas.realtimekit_Participant.properties.display_color = {
        type: "string",
        description: "The colour the participant is shown in.",
      };
    }),
  );
  const minorOutputs = await specUpdateCi(minorDocument, "2026-11-02");
  const ciMinor = {
    document: minorDocument,
    outputs: minorOutputs,
    spec: readFileSync(join(project, "openapi/realtimekit.openapi.json"), "utf8"),
    shippedSpec: readFileSync(join(project, "packages/types/openapi.json"), "utf8"),
    types: readFileSync(join(project, "packages/types/src/generated/openapi.ts"), "utf8"),
    changeset: readFileSync(changesetFile(), "utf8"),
  };

  // 2026-10-01 again (the last release's operation), changed only outside it.
  const noneDocument = readFileSync(
    upstreamWith("2026-11-09", (document) => {
      withoutPresetName(document);
      newDescription(document);
      document.paths["/zones/{zone_id}/dns_records/{dns_record_id}"].get.description = "Changed elsewhere again.";
    }),
  );
  const ciNone = { outputs: await specUpdateCi(noneDocument, "2026-11-09"), changeset: existsSync(changesetFile()) };
  return { first, major, patch, none, ciMinor, ciNone };
}

describe("release to a local registry", { timeout: 240_000 }, () => {
  beforeAll(async () => {
    story = await tellStory();
  }, 600_000);

  it("publishes 0.1.0 of the three packages through changesets, with the client and the kit pinned to the types", () => {
    expect(story.first.latest).toEqual({ types: "0.1.0", client: "0.1.0", testing: "0.1.0" });
    expect(published("@realtimekit-api/testing@0.1.0", "dependencies")).toMatchObject({
      "@realtimekit-api/types": "0.1.0",
    });
    expect(published("@realtimekit-api/testing@0.1.0", "peerDependencies")).toEqual({ msw: "^2.14.7" });
    expect(published("@realtimekit-api/client@0.1.0", "dependencies")).toEqual({
      "@realtimekit-api/types": "0.1.0",
      "openapi-fetch": "0.17.0",
    });
  });

  it.each([
    ["types", ["openapi.json", "schema-subset.json"]],
    ["client", ["dist/raw.mjs", "dist/raw.cjs", "dist/raw.d.mts", "dist/raw.d.cts"]],
    ["testing", []],
  ])("ships @realtimekit-api/%s with LICENSE, README.md, package.json and its build, nothing else", (name, own) => {
    const { files, read } = publishedTarball(`@realtimekit-api/${name}@0.1.0`);
    const required = [
      "LICENSE",
      "README.md",
      "package.json",
      ...["mjs", "cjs", "d.mts", "d.cts"].map((ext) => `dist/index.${ext}`),
    ];
    for (const file of [...required, ...own]) expect(files).toContain(file);
    // Beyond those, only the bundler's shared chunks: no sources, tests, fixtures, configs or source maps.
    const chunk = /^dist\/[\w-]+\.(mjs|cjs|d\.mts|d\.cts)$/;
    expect(files.filter((file) => !required.includes(file) && !own.includes(file) && !chunk.test(file))).toEqual([]);
    expect(read("LICENSE")).toBe(readFileSync(new URL("../../LICENSE", import.meta.url), "utf8"));
  });

  it("installs and works from ESM, CJS, and TypeScript (node16 and bundler resolution)", () => {
    const outputs = consume("0.1.0");
    for (const output of Object.values(outputs)) {
      expect(output).toMatchObject({
        id: "182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e",
        preset_name: "preset_name",
        rawStatus: 200,
      });
    }
    expect(outputs.node16.isError).toBe(false);
    expect([outputs.node16.rawId, outputs.bundler.rawId]).toEqual([outputs.node16.id, outputs.bundler.id]);
  });

  it("installs the testing kit, and a consumer's test runs its own code against it offline (ESM and CJS)", () => {
    const consumer = mkdtempSync(join(dir, "kit-consumer-"));
    writeFileSync(join(consumer, "package.json"), JSON.stringify({ name: "kit-consumer", private: true }));
    run(consumer, "npm", [
      "install",
      "--no-audit",
      "--no-fund",
      "@realtimekit-api/testing@0.1.0",
      "@realtimekit-api/client@0.1.0",
      "msw@2.14.7",
    ]);
    // The consumer's code, its test setup, an override to a 404 and a recorded call; the base URL is Prism's, so a
    // request the kit failed to intercept would get Prism's answer (its example, not "Ada") and fail the check.
    const modules = {
      "@realtimekit-api/testing": "{ fixtures, mockRealtimeKit }",
      "msw/node": "{ setupServer }",
      "@realtimekit-api/client": "{ createRealtimeKitClient }",
    };
    const test =
      `const baseUrl = ${JSON.stringify(prism.baseUrl)};\n` +
      `const api = mockRealtimeKit({ baseUrl });\n` +
      `const server = setupServer(...api.handlers);\n` +
      `server.listen({ onUnhandledRequest: "error" });\n` +
      `const client = createRealtimeKitClient({ apiToken: "consumer-token", baseUrl, maxRetries: 0 });\n` +
      `const params = ${JSON.stringify(PARAMS)};\n` +
      `(async () => {\n` +
      `  api.on("getMeetingParticipant", { result: fixtures.participant({ name: "Ada" }), once: true });\n` +
      `  const name = (await client.getMeetingParticipant(params)).name;\n` +
      `  api.on("getMeetingParticipant", { status: 404, error: "realtimekit" });\n` +
      `  const status = await client.getMeetingParticipant(params).catch((error) => error.status);\n` +
      `  const calls = api.calls("getMeetingParticipant");\n` +
      `  server.close();\n` +
      `  console.log(JSON.stringify({ name, status, statuses: calls.map((c) => c.status), auth: calls[0].headers.authorization }));\n` +
      `})();\n`;
    const imports = Object.entries(modules).map(([name, bindings]) => `import ${bindings} from "${name}";\n`);
    const requires = Object.entries(modules).map(([name, bindings]) => `const ${bindings} = require("${name}");\n`);
    writeFileSync(join(consumer, "kit.mjs"), imports.join("") + test);
    writeFileSync(join(consumer, "kit.cjs"), requires.join("") + test);
    for (const file of ["kit.mjs", "kit.cjs"]) {
      expect(JSON.parse(run(consumer, process.execPath, [file]))).toEqual({
        name: "Ada",
        status: 404,
        statuses: [200, 404],
        auth: "Bearer [redacted]",
      });
    }
  });

  it("releases a breaking upstream change as a major, with changelogs and the client's dependency bumped", () => {
    const { changeset, versions, changelog } = story.major;
    expect(changeset).toContain('"@realtimekit-api/types": major');
    expect(changeset).toContain('"@realtimekit-api/client": major');
    expect(changeset).toContain('"@realtimekit-api/testing": major');
    expect(changeset).toContain("preset_name");
    expect(versions).toEqual(["1.0.0", "1.0.0"]);
    expect(changelog).toMatch(/## 1\.0\.0[\s\S]*preset_name/);
    expect(published("@realtimekit-api/client@1.0.0", "dependencies")).toMatchObject({
      "@realtimekit-api/types": "1.0.0",
    });
    const shipped = JSON.parse(run(dir, "npm", ["view", "@realtimekit-api/types@1.0.0", "dist.tarball", "--json"]));
    expect(shipped).toMatch(/types-1\.0\.0\.tgz$/);
  });

  it("releases a docs-only upstream change as a patch", () => {
    expect(story.patch.changeset).toContain('"@realtimekit-api/types": patch');
    expect(story.patch.versions).toEqual(["1.0.1", "1.0.1"]);
    expect(story.patch.latest).toMatchObject({ types: "1.0.1", client: "1.0.1" });
  });

  it("says none, and writes no changeset, for an upstream change outside the published operation", () => {
    expect(story.none.update).toMatch(/: none/);
    expect(story.none.changeset).toBe(false);
  });

  it("spec:update:ci from a URL regenerates, writes the changeset, and gives the workflow bump, title and body", () => {
    const { document, outputs, spec: specText, shippedSpec, types, changeset } = story.ciMinor;
    const spec = JSON.parse(specText);
    expect(spec.info["x-upstream"]).toMatchObject({ date: "2026-11-02", sha256: sha256(document) });
    expect(spec.components.schemas.realtimekit_Participant.properties.display_color).toMatchObject({ type: "string" });
    expect(shippedSpec).toBe(specText);
    expect(types).toContain("display_color");

    expect(changeset).toContain('"@realtimekit-api/types": minor');
    expect(changeset).toContain('"@realtimekit-api/client": minor');
    expect(changeset).toContain("display_color");

    expect(Object.keys(outputs).sort()).toEqual(["body", "bump", "title"]);
    expect(outputs.bump).toBe("minor");
    expect(outputs.title).toBe("Upstream spec 2026-11-02: minor");
    expect(outputs.body).toContain("compared with the last release (1.0.1): **minor**");
    expect(outputs.body).toContain("display_color");
  });

  it("spec:update:ci gives bump none and removes the changeset when nothing published changed", () => {
    expect(story.ciNone.outputs.bump).toBe("none");
    expect(story.ciNone.outputs.title).toBe("Upstream spec 2026-11-09: none");
    expect(story.ciNone.changeset).toBe(false);
  });
});
