import type { Rules, Schema } from "./validate-schema.ts";

/**
 * The facts about one operation that the client needs at run time, as scripts/codegen/client.ts writes
 * them into generated/operation.ts. The client reads the operation from such a table only, so a change in
 * the spec (a new rule on a parameter, say) changes its behaviour without code edits.
 */
export type OperationTable = {
  /** The HTTP method, upper case, as fetch takes it. */
  readonly method: string;
  readonly path: string;
  readonly defaultBaseUrl: string;
  readonly parametersSchema: Schema;
  readonly successStatus: number;
  readonly resultProperty: string;
  readonly successSchema: Schema;
  /** The rules for the keywords both schemas use, and only those. */
  readonly rules: Rules;
};
