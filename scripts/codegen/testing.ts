// Generates what @realtimekit-api/testing fakes the API from: every operation's OperationSpec, and for every
// named RealtimeKit schema the operations use, the schema its fixture factory generates values of, with its
// type. The kit's runtime reads these facts from here only, so a spec update changes every consumer's fake with it.
import { listOperations, loadPaging, loadSpec, references, resolve, type SpecOperation } from "../lib/openapi.ts";
import { banner, pascalCase, REPO_ROOT, writeGenerated } from "./generated-file.ts";
import { schemaConstraints } from "./schema-constraints.ts";

const OUT = `${REPO_ROOT}packages/testing/src/generated/`;
const SCHEMA_PREFIX = "#/components/schemas/realtimekit_";
const GENERATOR = "scripts/codegen/testing.ts";

const spec = loadSpec();
const operations = listOperations(spec);

/** The success answer's documented example: `example`, else the first of `examples`. */
function successExample(operation: SpecOperation): unknown {
  const content = resolve(spec, operation.node.responses[operation.successStatus]).content?.["application/json"];
  if (content?.example !== undefined) return content.example;
  return resolve(spec, Object.values(content?.examples ?? {})[0])?.value;
}

/** The example of the first documented 401 body: the answer to a request without a token. */
function authenticationError(): unknown {
  for (const operation of operations) {
    const content = resolve(spec, operation.node.responses["401"])?.content?.["application/json"];
    const example = content?.example ?? resolve(spec, content?.schema)?.example;
    if (example !== undefined) return example;
  }
  throw new Error("no operation documents the body of a 401 answer with an example");
}

/** `Participant` → `participant`, `AIConfig` → `aiConfig`: a type name as a function name. */
const factoryName = (typeName: string) =>
  typeName.replace(/^[A-Z]+(?=[A-Z][a-z]|$)|^[A-Z]/, (head) => head.toLowerCase());

const entries = operations.map((operation) => {
  const table = {
    operationId: operation.operationId,
    httpMethod: operation.httpMethod.toUpperCase(),
    path: operation.path,
    parameters: operation.parameters.map((p) => ({ ...p, schema: schemaConstraints(spec, p.schema) })),
    body: operation.body && { ...operation.body, schema: schemaConstraints(spec, operation.body.schema) },
    successStatus: operation.successStatus,
    successSchema: schemaConstraints(spec, operation.successSchema),
    example: successExample(operation),
    paged: operation.paged,
    secured: (operation.node.security ?? spec.security ?? []).length > 0,
  };
  return `  ${operation.method}: ${JSON.stringify(table)},`;
});
const operationsSource = [
  banner(GENERATOR),
  'import type { OperationSpec } from "../operation-spec.ts";',
  "",
  "/** Where the API is served: the spec's first server. */",
  `export const DEFAULT_BASE_URL = ${JSON.stringify(spec.servers?.[0]?.url)};`,
  "",
  "/** How the API pages a list, by the names openapi/sync.config.json gives it: what a paged answer is made of. */",
  `export const PAGING = ${JSON.stringify(loadPaging())};`,
  "",
  "/** What the API answers a request without a bearer token: the documented example of its 401 body. */",
  `export const AUTHENTICATION_ERROR: unknown = ${JSON.stringify(authenticationError())};`,
  "",
  `/** The ${operations.length} operations by client method name, in the spec's path order. */`,
  "export const OPERATIONS = {",
  ...entries,
  "} satisfies Record<string, OperationSpec>;",
  "",
].join("\n");

// Every `realtimekit_` schema the operations refer to, directly or through other schemas.
const roots = operations.map((operation) => [operation.parameters, operation.body?.schema, operation.successSchema]);
const named = [...references(spec, roots)]
  .filter((ref) => ref.startsWith(SCHEMA_PREFIX))
  .sort()
  .map((ref) => {
    const typeName = pascalCase(ref.slice(SCHEMA_PREFIX.length));
    return { ref, typeName, factory: factoryName(typeName) };
  });
const twice = named.find(({ factory }, index) => named.findIndex((other) => other.factory === factory) < index);
if (twice) throw new Error(`two schemas would have the fixture factory ${twice.factory} (${twice.ref})`);
const fixturesSource = [
  banner(GENERATOR),
  'import type * as Types from "@realtimekit-api/types";',
  'import type { JsonSchemaSubset as Schema } from "@realtimekit-api/types";',
  "",
  `/** The type of every fixture factory's value, by factory name: the ${named.length} named schemas the operations use. */`,
  "export interface FixtureTypes {",
  ...named.map(({ ref, typeName, factory }) => `  /** \`${ref.slice(2)}\` */\n  ${factory}: Types.${typeName};`),
  "}",
  "",
  "/** The schema each fixture factory generates values of. */",
  "export const FIXTURE_SCHEMAS: { readonly [Name in keyof FixtureTypes]: Schema } = {",
  ...named.map(({ ref, factory }) => `  ${factory}: ${JSON.stringify(schemaConstraints(spec, { $ref: ref }))},`),
  "};",
  "",
].join("\n");

writeGenerated({ [`${OUT}operations.ts`]: operationsSource, [`${OUT}fixtures.ts`]: fixturesSource });
