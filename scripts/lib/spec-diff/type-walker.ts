import ts from "typescript";
import { type Change, change, type Level, shorten } from "./change.ts";
import type { Locate } from "./locate-schema.ts";
import type { OperationPair, Side } from "./operations.ts";

export type Root = "parameters" | "requestBody" | "response";
/** How change kinds begin, by what is compared. */
const PREFIX = { parameters: "parameter", requestBody: "request", response: "response" } as const;

/** One pair of generated types to walk; `changes` is where the walk adds what it finds. */
export type Comparison = { root: Root; label: string; pair: OperationPair; locate: Locate; changes: Change[] };

/**
 * Walks a pair of generated types side by side to find where they stop being compatible. The verdicts are the
 * checker's (isTypeAssignableTo, optionality and nullability as it sees them); the walk only names places.
 */
export function walkTypes(checker: ts.TypeChecker, comparison: Comparison, before: ts.Type, after: ts.Type): void {
  const { root, locate, changes } = comparison;
  const direction = root === "response" ? "response" : "request";
  /** The pairs being compared further up: a recursive schema gives a recursive type, which ends the walk there. */
  const walking = new Map<ts.Type, Set<ts.Type>>();

  const report = (level: Level, kind: string, segments: string[], side: Side, what: string, schema = false) => {
    const located = locate(schema ? [...segments, ""] : segments, side);
    const place = segments.length ? ` ${segments.join(".")}` : "";
    const pointer = located?.pointer ?? comparison.pair[side].located.pointer;
    changes.push(change(level, kind, pointer, `${comparison.label}${place}: ${what}`));
  };

  /** What sits at a path, for change kinds: a parameter, a response header, a media type, a field … */
  const thing = (segments: string[]): string => {
    if (root === "requestBody" && segments.length === 0) return "request-body";
    // `content` and `headers` themselves are on both sides whenever the body or the response is: no kind is
    // named for them (a type change may still be reported at them, under its own kind).
    if (segments.length !== 2) return `${PREFIX[root]}-field`;
    if (root === "parameters") return "parameter";
    return root === "response" && segments[0] === "headers" ? "response-header" : `${PREFIX[root]}-media-type`;
  };

  const reportOptionality = (nowOptional: boolean, segments: string[]) => {
    const became = nowOptional ? "optional" : "required";
    // An optional response field may be missing; a required request field must be sent.
    const level = (direction === "response") === nowOptional ? "major" : "minor";
    return report(level, `${thing(segments)}-became-${became}`, segments, "head", `became ${became}`);
  };

  /** Names an enum change when the schemas behind the two types differ in their enum. */
  const enumChange = (segments: string[]): string | undefined => {
    const values = (side: Side) => {
      const schema = locate([...segments, ""], side)?.node ?? {};
      const list = schema.enum ?? (schema.const !== undefined ? [schema.const] : undefined);
      if (!Array.isArray(list)) return undefined;
      return new Set(list.filter((value) => value !== null).map((value) => JSON.stringify(value)));
    };
    const [was, is] = [values("base"), values("head")];
    if (!was || !is) return is ? "enum-added" : was ? "enum-removed" : undefined;
    const added = [...is].some((value) => !was.has(value));
    const removed = [...was].some((value) => !is.has(value));
    return added && removed ? "enum-changed" : added ? "enum-value-added" : removed ? "enum-value-removed" : undefined;
  };

  const reportTypeChange = (level: Level, before: ts.Type, after: ts.Type, segments: string[]) => {
    const plain = level === "major" ? "type-changed" : direction === "response" ? "type-narrowed" : "type-widened";
    const show = (type: ts.Type) => shorten(checker.typeToString(type), 80);
    const what = `type ${show(before)} became ${show(after)}`;
    return report(level, `${PREFIX[root]}-${enumChange(segments) ?? plain}`, segments, "head", what, true);
  };

  /** Old values must still be accepted where they flow: into the new request, or out of the new response. */
  const compatible = (before: ts.Type, after: ts.Type) =>
    direction === "response" ? checker.isTypeAssignableTo(after, before) : checker.isTypeAssignableTo(before, after);

  const properties = (type: ts.Type) =>
    new Map(
      checker.getPropertiesOfType(type).map((symbol) => {
        // The declared type, without the `undefined` that optionality adds: optionality is compared on its own.
        const [declaration, ...others] = symbol.declarations ?? [];
        const declared =
          declaration && !others.length && ts.isPropertySignature(declaration) && declaration.type
            ? checker.getTypeFromTypeNode(declaration.type)
            : checker.getTypeOfSymbol(symbol);
        return [symbol.name, { type: declared, optional: (symbol.flags & ts.SymbolFlags.Optional) !== 0 }] as const;
      }),
    );

  const isNever = (type: ts.Type) => (type.flags & ts.TypeFlags.Never) !== 0;
  const isNullable = (type: ts.Type) =>
    (type.isUnion() ? type.types : [type]).some((member) => (member.flags & ts.TypeFlags.Null) !== 0);
  const isStructure = (type: ts.Type) =>
    isNever(type) || // an absent group (`query?: never`) is an empty one
    ((type.flags & (ts.TypeFlags.Object | ts.TypeFlags.Intersection)) !== 0 &&
      !checker.isArrayType(type) &&
      !checker.isTupleType(type));
  const elementOf = (type: ts.Type): ts.Type => checker.getTypeArguments(type as ts.TypeReference)[0]!;

  /** Compares two values at one place, and what they hold. */
  const compareValues = (before: ts.Type, after: ts.Type, segments: string[]): void => {
    const above = walking.get(before) ?? new Set<ts.Type>();
    if (above.has(after)) return;
    walking.set(before, above.add(after));
    const found = changes.length;
    const [wasNullable, nowNullable] = [isNullable(before), isNullable(after)];
    if (wasNullable !== nowNullable) {
      // Null is one more value the reader must handle, and one fewer the sender may send.
      const level = (direction === "response") === nowNullable ? "major" : "minor";
      const kind = `${thing(segments)}-became-${nowNullable ? "nullable" : "non-nullable"}`;
      report(level, kind, segments, "head", nowNullable ? "may now be null" : "may no longer be null");
    }
    const [was, is] = [checker.getNonNullableType(before), checker.getNonNullableType(after)];
    const below = changes.length;
    if (isStructure(was) && isStructure(is)) {
      compareProperties(was, is, segments);
    } else if (checker.isArrayType(was) && checker.isArrayType(is)) {
      compareValues(elementOf(was), elementOf(is), [...segments, "[]"]);
    }
    // Whatever the walk below could not pin down (it found nothing breaking) is reported here, where the pair stops
    // being assignable (a change of nullability beside it does not say that the type changed too).
    const brokeBelow = changes.slice(below).some((change) => change.level === "major");
    if (!brokeBelow && !compatible(was, is)) reportTypeChange("major", was, is, segments);
    else if (changes.length === found && !compatible(is, was)) reportTypeChange("minor", was, is, segments);
    above.delete(after);
  };

  const compareProperties = (before: ts.Type, after: ts.Type, segments: string[]): void => {
    const [was, is] = [properties(before), properties(after)];
    // Parameters are grouped by location (path, query, header, cookie); the groups themselves are not fields.
    const grouping = root === "parameters" && segments.length === 0;
    for (const name of new Set([...was.keys(), ...is.keys()])) {
      const path = [...segments, name];
      const [old, now] = [was.get(name), is.get(name)];
      if (grouping) {
        // openapi-typescript writes all four groups for every operation, `query?: never` when it has none.
        compareProperties(old!.type, now!.type, path);
      } else if (!now) {
        // Gone from the types: reading it no longer compiles; passing it fails the excess property check.
        report("major", `${thing(path)}-removed`, path, "base", "was removed or renamed");
      } else if (!old) {
        // A new field a caller must send breaks old callers; anything else new is for new code to use.
        const required = direction === "request" && !now.optional;
        const kind = `${thing(path)}-added${required ? "-required" : ""}`;
        report(required ? "major" : "minor", kind, path, "head", `was added${required ? ", required" : ""}`);
      } else {
        if (old.optional !== now.optional && !isNever(old.type) && !isNever(now.type)) {
          reportOptionality(now.optional, path);
        }
        compareValues(old.type, now.type, path);
      }
    }
  };

  if (root !== "requestBody") {
    compareValues(before, after, []);
    return;
  }
  // openapi-typescript gives every operation a `requestBody` key: `requestBody?: never` when there is none.
  const [was, is] = [properties(before).get("requestBody")!, properties(after).get("requestBody")!];
  if (isNever(was.type) && isNever(is.type)) return;
  if (isNever(was.type)) {
    if (is.optional) report("minor", "request-body-added", [], "head", "an optional request body was added");
    else report("major", "request-body-added-required", [], "head", "a required request body was added");
  } else if (isNever(is.type)) {
    report("major", "request-body-removed", [], "base", "the request body was removed");
  } else {
    if (was.optional !== is.optional) reportOptionality(is.optional, []);
    compareValues(was.type, is.type, []);
  }
}
