import type { Rules, Schema } from "./validate-schema.ts";

/**
 * The facts about one operation that the client needs at run time, as scripts/codegen/client.ts writes them
 * into generated/operations.ts. The client reads an operation from such a table only, so a change in the spec
 * (a new rule on a parameter, a new operation) changes its behaviour without code edits.
 */
export type OperationTable = {
  /** The HTTP method, upper case, as fetch takes it. */
  readonly method: string;
  readonly path: string;
  /**
   * The call's argument: path and query parameters by name, in the spec's order, and whether `body` is required.
   * The body's schema is in `requestBodySchemas`.
   */
  readonly parametersSchema: Schema;
  /** Query arrays sent as one comma-separated value rather than one `name=value` each. */
  readonly commaSeparated?: readonly string[];
  readonly successStatus: number;
  readonly resultProperty: string;
  /** A list answered page by page (`page_no`, `per_page`, and `paging` beside the items). */
  readonly paged?: boolean;
  /** The rules for the keywords `parametersSchema` uses, and only those. */
  readonly rules: Rules;
  /** Writes the query string: `queryString`, on the tables of operations with query parameters only. */
  readonly writeQuery?: (operation: OperationTable, params: Record<string, unknown>) => string;
  /** Writes the body as JSON, checked against its schema when given: `jsonBody`, on the tables of operations with a body only. */
  readonly writeBody?: (body: unknown, schema: Schema | undefined, rules: Rules | undefined) => string | undefined;
};

/**
 * A schema per operation, keyed by `${method} ${path}` as its table has them, and the rules they use: the
 * success schemas (`responseSchemas`, what `validateResponses` checks answers against) and the request body
 * schemas (`requestBodySchemas`, what bodies are checked against before sending). Kept out of the tables so
 * that an application calling one operation bundles neither unless it asks for that check.
 */
export type OperationSchemas = {
  readonly rules: Rules;
  readonly schemas: { readonly [methodAndPath: string]: Schema };
};

/** `responseSchemas`' type. */
export type ResponseSchemas = OperationSchemas;
/** `requestBodySchemas`' type. */
export type RequestBodySchemas = OperationSchemas;
