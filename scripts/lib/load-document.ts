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
  return parseOpenApiDocument(bytes, file);
}

/**
 * Parses the bytes of an OpenAPI document (JSON, gzipped JSON or YAML) read from `source`, a file or a URL that
 * every error names. `bytes` in the result are the unzipped bytes, whose sha256 the sync records. `maxBytes` caps
 * what a gzipped download may unzip to, so a small download cannot expand without bound.
 */
export function parseOpenApiDocument(
  raw: Buffer,
  source: string,
  maxBytes?: number,
): { document: OpenApiDocument; bytes: Buffer } {
  let bytes = raw;
  // gzip is recognised by its magic bytes, not the file name, so a renamed file still loads.
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      bytes = gunzipSync(bytes, maxBytes === undefined ? {} : { maxOutputLength: maxBytes });
    } catch (error) {
      const tooLarge = (error as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE";
      throw new Error(
        tooLarge
          ? `${source}: unzips to more than the limit of ${maxBytes} bytes`
          : `${source}: is gzipped but cannot be unzipped (${(error as Error).message})`,
      );
    }
  }
  const text = bytes.toString("utf8");
  // An HTML page (a login wall, a proxy's error page, a "not found" page served with 200) parses as one YAML
  // string, which would otherwise be reported as a document without an "openapi" field.
  if (/^\s*</.test(text)) {
    const start = text.trimStart().slice(0, 60).replace(/\s+/g, " ");
    throw new Error(`${source}: is an HTML or XML page, not a JSON or YAML document (it starts with "${start}")`);
  }
  let document: unknown;
  try {
    document = /^\s*[{[]/.test(text) ? JSON.parse(text) : parseYaml(text, { maxAliasCount: -1 });
  } catch (error) {
    throw new Error(`${source}: is neither JSON nor YAML (${(error as Error).message.split("\n")[0]})`);
  }
  const doc = document as Partial<OpenApiDocument> | null;
  if (!doc || typeof doc !== "object" || typeof doc.openapi !== "string" || !/^3\.[01]\./.test(doc.openapi)) {
    throw new Error(`${source}: is not an OpenAPI 3.0 or 3.1 document (no "openapi: 3.x" field)`);
  }
  if (!doc.paths || typeof doc.paths !== "object") throw new Error(`${source}: has no "paths" object`);
  return { document: doc as OpenApiDocument, bytes };
}
