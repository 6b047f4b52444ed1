// Generates what @realtimekit-api/testing fakes the API from: for every operation, its HTTP method and path, the
// schemas its path and query parameters and body are validated against, its success status, schema and
// documented example, and whether it pages; and for every named RealtimeKit schema the operations use, the
// schema its fixture factory generates values of, with the type it is typed as. The kit's runtime reads these
// facts from here only, so a spec update changes every consumer's fake with it.
//
//   tsx scripts/codegen/testing.ts [--check]
import {
  listOperations,
  loadPaging,
  loadSpec,
  references,
  resolve,
  type OpenApiDocument as Spec,
  type SpecOperation,
} from "../lib/openapi.ts";
import { banner, REPO_ROOT, writeGenerated } from "./generated-file.ts";
import { pascalCase } from "./operation-types.ts";
import { schemaConstraints } from "./schema-constraints.ts";

const OUT = `${REPO_ROOT}packages/testing/src/generated/`;
const SCHEMA_PREFIX = "#/components/schemas/realtimekit_";
const GENERATOR = "scripts/codegen/testing.ts";

/** The success answer's documented example: `example`, else the first of `examples`. */
function successExample(spec: Spec, operation: SpecOperation): unknown {
  const content = resolve(spec, operation.node.responses[operation.successStatus]).content?.["application/json"];
  if (content?.example !== undefined) return content.example;
  const first: any = Object.values(content?.examples ?? {})[0];
  return first === undefined ? undefined : resolve(spec, first).value;
}

/** The example of the first documented 401 body: the answer to a request without a token. */
function authenticationError(spec: Spec, operations: SpecOperation[]): unknown {
  for (const operation of operations) {
    const response = operation.node.responses["401"];
    const content = response && resolve(spec, response).content?.["application/json"];
    const example = content?.example ?? resolve(spec, content?.schema)?.example;
    if (example !== undefined) return example;
  }
  throw new Error("no operation documents the body of a 401 answer with an example");
}

/** `Participant` → `participant`, `AIConfig` → `aiConfig`: a type name as a function name. */
export const factoryName = (typeName: string) =>
  typeName.replace(/^[A-Z]+(?=[A-Z][a-z]|$)|^[A-Z]/, (head) => head.toLowerCase());

const json = (value: unknown) => JSON.stringify(value);

function operationsSource(spec: Spec, operations: SpecOperation[]): string {
  const entries = operations.map((operation) => {
    const parameters = operation.parameters.map((p) => ({ ...p, schema: schemaConstraints(spec, p.schema) }));
    const table = {
      operationId: operation.operationId,
      httpMethod: operation.httpMethod.toUpperCase(),
      path: operation.path,
      parameters,
      body: operation.body && { ...operation.body, schema: schemaConstraints(spec, operation.body.schema) },
      successStatus: operation.successStatus,
      successSchema: schemaConstraints(spec, operation.successSchema),
      example: successExample(spec, operation),
      paged: operation.paged,
      secured: (operation.node.security ?? spec.security ?? []).length > 0,
    };
    return `  ${operation.method}: ${json(table)},`;
  });
  return [
    banner(GENERATOR),
    'import type { OperationSpec } from "../operation-spec.ts";',
    "",
    "/** Where the API is served: the spec's first server. */",
    `export const DEFAULT_BASE_URL = ${json(spec.servers?.[0]?.url)};`,
    "",
    "/** How the API pages a list, by the names openapi/sync.config.json gives it: what a paged answer is made of. */",
    `export const PAGING = ${json(loadPaging())};`,
    "",
    "/** What the API answers a request without a bearer token: the documented example of its 401 body. */",
    `export const AUTHENTICATION_ERROR: unknown = ${json(authenticationError(spec, operations))};`,
    "",
    `/** The ${operations.length} operations by client method name, in the spec's path order. */`,
    "export const OPERATIONS = {",
    ...entries,
    "} satisfies Record<string, OperationSpec>;",
    "",
  ].join("\n");
}

function fixturesSource(spec: Spec, operations: SpecOperation[]): string {
  // Every `realtimekit_` schema the operations refer to, directly or through other schemas.
  const found = references(
    spec,
    operations.map((operation) => [operation.parameters, operation.body?.schema, operation.successSchema]),
  );
  const named = [...found]
    .filter((ref) => ref.startsWith(SCHEMA_PREFIX))
    .sort()
    .map((ref) => {
      const typeName = pascalCase(ref.slice(SCHEMA_PREFIX.length));
      return { ref, typeName, factory: factoryName(typeName) };
    });
  const twice = named.find(({ factory }, index) => named.findIndex((other) => other.factory === factory) < index);
  if (twice) throw new Error(`two schemas would have the fixture factory ${twice.factory} (${twice.ref})`);
  return [
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
    ...named.map(({ ref, factory }) => `  ${factory}: ${json(schemaConstraints(spec, { $ref: ref }))},`),
    "};",
    "",
  ].join("\n");
}

const spec = loadSpec();
const operations = listOperations(spec);
writeGenerated({
  [`${OUT}operations.ts`]: operationsSource(spec, operations),
  [`${OUT}fixtures.ts`]: fixturesSource(spec, operations),
});
