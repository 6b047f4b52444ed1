// A request read the way the API reads it: path and query parameters as their schemas type them, the JSON
// body, each checked against the spec. The violations are what a 422 answer lists.

import type { JsonSchemaSubset as Schema } from "@realtimekit-api/types";
import type { OperationSpec } from "./operation-spec.ts";
import { pathParams, type Route } from "./routes.ts";
import { type Violation, validate } from "./validate.ts";

export type ReadRequest = {
  path: Record<string, string>;
  query: Record<string, unknown>;
  body: unknown;
  violations: Violation[];
};

/** A parameter's text as its schema's type, where it reads as one; otherwise the text, which then fails. */
function typed(text: string, schema: Schema): unknown {
  if ((schema.type === "integer" || schema.type === "number") && text.trim() !== "" && !Number.isNaN(Number(text))) {
    return Number(text);
  }
  if (schema.type === "boolean" && (text === "true" || text === "false")) return text === "true";
  return text;
}

function queryValue(url: URL, parameter: OperationSpec["parameters"][number]): unknown {
  const texts = url.searchParams.getAll(parameter.name);
  if (texts.length === 0) return undefined;
  if (parameter.schema.type !== "array") return typed(texts[0]!, parameter.schema);
  const items = parameter.explode ? texts : texts.flatMap((text) => text.split(","));
  return items.map((item) => typed(item, parameter.schema.items ?? {}));
}

async function readBody(request: Request): Promise<{ body: unknown; malformed: boolean }> {
  const text = await request.text();
  if (text === "") return { body: undefined, malformed: false };
  try {
    return { body: JSON.parse(text), malformed: false };
  } catch {
    return { body: text, malformed: true };
  }
}

export async function readRequest(operation: OperationSpec, route: Route, request: Request): Promise<ReadRequest> {
  const url = new URL(request.url);
  const path = pathParams(route, url);
  const query: Record<string, unknown> = {};
  const violations: Violation[] = [];
  for (const parameter of operation.parameters) {
    const value = parameter.in === "path" ? typed(path[parameter.name]!, parameter.schema) : queryValue(url, parameter);
    if (parameter.in === "query" && value !== undefined) query[parameter.name] = value;
    const subject = `Request ${parameter.in} parameter ${parameter.name}`;
    if (value === undefined) {
      if (parameter.required) {
        violations.push({
          location: [parameter.in],
          severity: "Error",
          code: "required",
          message: `Request ${parameter.in} parameter must have required property '${parameter.name}'`,
        });
      }
    } else violations.push(...validate(parameter.schema, value, [parameter.in, parameter.name], subject));
  }
  const { body, malformed } = operation.body ? await readBody(request) : { body: undefined, malformed: false };
  if (operation.body) {
    if (malformed) {
      violations.push({ location: ["body"], severity: "Error", code: "type", message: "Request body must be JSON" });
    } else if (body === undefined) {
      if (operation.body.required) {
        violations.push({
          location: ["body"],
          severity: "Error",
          code: "required",
          message: "Body parameter is required",
        });
      }
    } else violations.push(...validate(operation.body.schema, body, ["body"], "Request body"));
  }
  return { path, query, body, violations };
}
