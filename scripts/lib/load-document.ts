import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { parse as parseYaml } from "yaml";

export type OpenApiDocument = {
  openapi: string;
  info: Record<string, unknown>;
  paths: Record<string, Record<string, any>>;
  components?: Record<string, Record<string, any>>;
  [key: string]: any;
};

/** Reads an OpenAPI document from .json, .json.gz, .yaml or .yml, and says plainly what is wrong with it. */
export function loadOpenApiDocument(file: string): { document: OpenApiDocument; bytes: Buffer } {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new Error(`${file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? error})`);
  }
  // gzip is recognised by its magic bytes, not the file name, so a renamed file still loads.
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzipSync(bytes);
  const text = bytes.toString("utf8");
  let document: unknown;
  try {
    document = /^\s*[{[]/.test(text) ? JSON.parse(text) : parseYaml(text, { maxAliasCount: -1 });
  } catch (error) {
    throw new Error(`${file}: is neither JSON nor YAML (${(error as Error).message.split("\n")[0]})`);
  }
  const doc = document as Partial<OpenApiDocument> | null;
  if (!doc || typeof doc !== "object" || typeof doc.openapi !== "string" || !/^3\.[01]\./.test(doc.openapi)) {
    throw new Error(`${file}: is not an OpenAPI 3.0 or 3.1 document (no "openapi: 3.x" field)`);
  }
  if (!doc.paths || typeof doc.paths !== "object") throw new Error(`${file}: has no "paths" object`);
  return { document: doc as OpenApiDocument, bytes };
}
