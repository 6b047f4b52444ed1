// Values generated from a schema, deterministic for a random source: every declared property is filled (as
// Prism's static mock does), arrays hold their minimum count or one item, maps two entries, and strings follow
// their format.

import type { JsonSchemaSubset as Schema } from "@realtimekit-api/types";
import { type Random, randomInt } from "./random.ts";

const WORDS = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet"];
/** Fixed so that generated times do not depend on when a test runs. */
const EPOCH = Date.UTC(2026, 0, 1);

const hex = (random: Random, length: number) =>
  Array.from({ length }, () => randomInt(random, 0, 15).toString(16)).join("");

function uuid(random: Random): string {
  const variant = "89ab"[randomInt(random, 0, 3)];
  return `${hex(random, 8)}-${hex(random, 4)}-4${hex(random, 3)}-${variant}${hex(random, 3)}-${hex(random, 12)}`;
}

function string(schema: Schema, random: Random): string {
  switch (schema.format) {
    case "uuid":
      return uuid(random);
    case "date-time":
      return new Date(EPOCH + randomInt(random, 0, 365 * 86_400) * 1000).toISOString();
    case "uri":
      return `https://example.com/${WORDS[randomInt(random, 0, WORDS.length - 1)]}`;
  }
  const min = schema.minLength ?? 1;
  const max = Math.max(min, schema.maxLength ?? 16);
  let text = WORDS[randomInt(random, 0, WORDS.length - 1)]!;
  while (text.length < min) text += hex(random, 1);
  return text.slice(0, max);
}

function number(schema: Schema, random: Random, integer: boolean): number {
  const exclusiveMin = typeof schema.exclusiveMinimum === "number" ? schema.exclusiveMinimum : undefined;
  const exclusiveMax = typeof schema.exclusiveMaximum === "number" ? schema.exclusiveMaximum : undefined;
  let min = schema.minimum ?? (exclusiveMin !== undefined ? exclusiveMin + 1 : 0);
  let max = schema.maximum ?? (exclusiveMax !== undefined ? exclusiveMax - 1 : min + 100);
  if (schema.exclusiveMinimum === true) min += 1;
  if (schema.exclusiveMaximum === true) max -= 1;
  return integer ? randomInt(random, Math.ceil(min), Math.floor(max)) : min + random() * (max - min);
}

/** The schemas `schema` combines, merged into one: all of `allOf`, and the first choice of `anyOf`/`oneOf`. */
function merged(schema: Schema): Schema {
  const parts = [...(schema.allOf ?? []), ...(schema.anyOf ?? []).slice(0, 1), ...(schema.oneOf ?? []).slice(0, 1)];
  if (parts.length === 0) return schema;
  const { allOf: _all, anyOf: _any, oneOf: _one, ...own } = schema;
  const into: Record<string, any> = { ...own };
  for (const part of parts.map(merged)) {
    const properties = into.properties || part.properties ? { ...into.properties, ...part.properties } : undefined;
    const required = into.required || part.required ? [...(into.required ?? []), ...(part.required ?? [])] : undefined;
    Object.assign(into, part, properties && { properties }, required && { required });
  }
  return into;
}

/** A value that `schema` accepts. */
export function generateValue(schema: Schema, random: Random): unknown {
  const flat = merged(schema);
  if (flat.const !== undefined) return flat.const;
  if (flat.enum) return flat.enum[randomInt(random, 0, flat.enum.length - 1)];
  const type = flat.type ?? (flat.properties ? "object" : flat.items ? "array" : undefined);
  switch (type) {
    case "string":
      return string(flat, random);
    case "integer":
      return number(flat, random, true);
    case "number":
      return number(flat, random, false);
    case "boolean":
      return random() < 0.5;
    case "array": {
      // Items cut at a recursion (an empty schema: a session's breakout rooms are sessions) are left out where
      // the array may be empty: a generated `{}` would lack the fields the real schema requires.
      const items = flat.items ?? {};
      const least = Object.keys(items).length === 0 ? 0 : 1;
      return Array.from({ length: Math.max(flat.minItems ?? 0, least) }, () => generateValue(items, random));
    }
    case "object": {
      const value = Object.fromEntries(
        Object.entries(flat.properties ?? {}).map(([name, property]) => [name, generateValue(property, random)]),
      );
      // A map (`additionalProperties` with a schema) gets two entries, named as Prism names them.
      const extra = flat.additionalProperties;
      if (extra) for (const name of ["property1", "property2"]) value[name] ??= generateValue(extra, random);
      return value;
    }
    default:
      // A schema below a recursion cut (see scripts/codegen/schema-constraints.ts) accepts anything.
      return {};
  }
}
