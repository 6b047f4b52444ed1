import type { JsonSchemaSubset as Schema } from "@realtimekit-api/types";

/** One operation as scripts/codegen/testing.ts generates it from the spec. */
export type OperationSpec = {
  readonly operationId: string;
  readonly httpMethod: string;
  /** The spec's path template, `{name}` for each path parameter. */
  readonly path: string;
  readonly parameters: ReadonlyArray<{
    readonly name: string;
    readonly in: string;
    readonly required: boolean;
    /** For a query array: false means one comma-separated value. */
    readonly explode: boolean;
    readonly schema: Schema;
  }>;
  readonly body?: { readonly required: boolean; readonly schema: Schema } | undefined;
  readonly successStatus: number;
  readonly successSchema: Schema;
  /** The success answer's documented example, if the spec has one. */
  readonly example?: unknown;
  readonly paged: boolean;
  /** Whether the operation requires the bearer token. */
  readonly secured: boolean;
};
