// The TypeScript that @realtimekit-api/types would ship for a document, as scripts/codegen/types.ts makes it.
import openapiTS, { astToString } from "openapi-typescript";
import { extractOperations } from "../extract-operations.ts";
import type { OpenApiDocument } from "../openapi.ts";

// The same document is often compared many times (the committed spec against each candidate): its types are
// generated once per process. Keyed without `info`, which the types do not contain.
const generated = new Map<string, Promise<string>>();

export function generateTypes(document: OpenApiDocument, operationIds: string[]): Promise<string> {
  let source = document;
  try {
    // Only what the operations reach: an upstream document is thousands of operations we do not publish.
    source = extractOperations(document, operationIds);
  } catch {
    // References extraction does not follow (deeper than a component): generate from the whole document.
  }
  const { info, ...shape } = source;
  const key = JSON.stringify(shape);
  let text = generated.get(key);
  if (!text) {
    if (generated.size >= 64) generated.clear();
    // Options as in scripts/codegen/types.ts, so these are the published types; openapiTS gets a copy to own.
    text = openapiTS(structuredClone(source) as any, { alphabetize: true, silent: true }).then(astToString);
    text.catch(() => generated.delete(key));
    generated.set(key, text);
  }
  return text;
}
