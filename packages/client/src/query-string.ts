import type { OperationTable } from "./operation-table.ts";

/**
 * `?name=value&…` for the query parameters given, in the spec's order; "" when none is given. The query
 * parameters are the parameters that no `{name}` of the path holds. Only the tables of operations with query
 * parameters refer to it (as `writeQuery`), so an application that calls none of those bundles none of it.
 */
export function queryString(operation: OperationTable, params: Record<string, unknown>): string {
  const query = new URLSearchParams();
  for (const name in operation.parametersSchema.properties) {
    const value = params[name];
    if (value === undefined || operation.path.includes(`{${name}}`)) continue;
    // An array is a parameter per item, or one of its items joined by commas where the spec says so.
    for (const item of operation.commaSeparated?.includes(name) ? [(value as unknown[]).join(",")] : [value].flat())
      query.append(name, String(item));
  }
  const text = `${query}`;
  return text ? `?${text}` : "";
}
