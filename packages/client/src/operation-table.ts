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
  /** The call's argument: path and query parameters by name, and `body` where the operation takes one. */
  readonly parametersSchema: Schema;
  /** The query parameters' names, in the spec's order. */
  readonly query: readonly string[];
  /** Query arrays sent as one comma-separated value rather than one `name=value` each. */
  readonly commaSeparated?: readonly string[];
  readonly successStatus: number;
  readonly resultProperty: string;
  /** A list answered page by page (`page_no`, `per_page`, and `paging` beside the items). */
  readonly paged?: boolean;
  /** The rules for the keywords `parametersSchema` uses, and only those. */
  readonly rules: Rules;
};

/**
 * Every operation's success schema, keyed by `${method} ${path}` as its table has them, and the rules they use
 * (generated/response-schemas.ts): what `validateResponses` checks answers against. Kept out of the tables so
 * that an application which does not validate answers bundles none of it.
 */
export type ResponseSchemas = {
  readonly rules: Rules;
  readonly schemas: { readonly [methodAndPath: string]: Schema };
};
