import ts from "typescript";
import { type Change, change, type Level } from "./change.ts";
import type { Locate } from "./locate-schema.ts";
import type { Operation, Side } from "./operations.ts";

export type Root = "parameters" | "requestBody" | "response";
type Property = { type: ts.Type; optional: boolean };

export type Comparison = { root: Root; label: string; operations: Record<Side, Operation>; locate: Locate };

/**
 * Walks a pair of generated types side by side to find where they stop being compatible. The verdicts are
 * the checker's (isTypeAssignableTo, optionality and nullability as it sees them); the walk only names places.
 */
export class TypeWalker {
  private readonly direction: "request" | "response";
  /** The pairs being compared further up: a recursive schema gives a recursive type, which ends the walk there. */
  private readonly walking = new Map<ts.Type, Set<ts.Type>>();

  constructor(
    private readonly checker: ts.TypeChecker,
    private readonly comparison: Comparison,
    private readonly changes: Change[],
  ) {
    this.direction = comparison.root === "response" ? "response" : "request";
  }

  compareRoot(before: ts.Type, after: ts.Type): void {
    if (this.comparison.root !== "requestBody") {
      this.compareValues(before, after, []);
      return;
    }
    // openapi-typescript gives every operation a `requestBody` key: `requestBody?: never` when there is none.
    const was = this.properties(before).get("requestBody")!;
    const is = this.properties(after).get("requestBody")!;
    if (this.isNever(was.type) && this.isNever(is.type)) return;
    if (this.isNever(was.type)) {
      if (is.optional) this.report("minor", "request-body-added", [], "head", "an optional request body was added");
      else this.report("major", "request-body-added-required", [], "head", "a required request body was added");
    } else if (this.isNever(is.type)) {
      this.report("major", "request-body-removed", [], "base", "the request body was removed");
    } else {
      if (was.optional !== is.optional) this.reportOptionality(is.optional, []);
      this.compareValues(was.type, is.type, []);
    }
  }

  /** Compares two values at one place; true when a breaking change was found there or below. */
  private compareValues(before: ts.Type, after: ts.Type, segments: string[]): boolean {
    const above = this.walking.get(before) ?? new Set<ts.Type>();
    if (above.has(after)) return false;
    this.walking.set(before, above.add(after));
    try {
      return this.compareValuesOnce(before, after, segments);
    } finally {
      above.delete(after);
    }
  }

  private compareValuesOnce(before: ts.Type, after: ts.Type, segments: string[]): boolean {
    const found = this.changes.length;
    let broke = false;
    const [wasNullable, isNullable] = [this.isNullable(before), this.isNullable(after)];
    if (wasNullable !== isNullable) {
      // Null is one more value the reader must handle, and one fewer the sender may send.
      const breaking = this.direction === "response" ? isNullable : wasNullable;
      const kind = `${this.thing(segments)}-became-${isNullable ? "nullable" : "non-nullable"}`;
      const what = isNullable ? "may now be null" : "may no longer be null";
      broke = this.report(breaking ? "major" : "minor", kind, segments, "head", what);
    }
    const [was, is] = [this.checker.getNonNullableType(before), this.checker.getNonNullableType(after)];
    let brokeBelow = false;
    if (this.isStructure(was) && this.isStructure(is)) {
      brokeBelow = this.compareProperties(was, is, segments);
    } else if (this.checker.isArrayType(was) && this.checker.isArrayType(is)) {
      brokeBelow = this.compareValues(this.elementOf(was), this.elementOf(is), [...segments, "[]"]);
    }
    broke ||= brokeBelow;
    // Whatever the walk below could not pin down is reported here, where the pair stops being assignable (a
    // change of nullability beside it does not say that the type changed too).
    if (!brokeBelow && !this.compatible(was, is)) {
      broke = this.reportTypeChange("major", was, is, segments) || broke;
    } else if (this.changes.length === found && !this.compatible(is, was)) {
      this.reportTypeChange("minor", was, is, segments);
    }
    return broke;
  }

  private compareProperties(before: ts.Type, after: ts.Type, segments: string[]): boolean {
    const [was, is] = [this.properties(before), this.properties(after)];
    let broke = false;
    // Parameters are grouped by location (path, query, header, cookie); the groups themselves are not fields.
    const grouping = this.comparison.root === "parameters" && segments.length === 0;
    for (const name of new Set([...was.keys(), ...is.keys()])) {
      const path = [...segments, name];
      const [old, now] = [was.get(name), is.get(name)];
      if (grouping) {
        // openapi-typescript writes all four groups for every operation, `query?: never` when it has none.
        broke = this.compareProperties(old!.type, now!.type, path) || broke;
      } else if (!now) {
        // Gone from the types: reading it no longer compiles; passing it fails the excess property check.
        broke = this.report("major", `${this.thing(path)}-removed`, path, "base", "was removed or renamed") || broke;
      } else if (!old) {
        // A new field a caller must send breaks old callers; anything else new is for new code to use.
        const required = this.direction === "request" && !now.optional;
        const kind = `${this.thing(path)}-added${required ? "-required" : ""}`;
        const what = required ? "was added, required" : "was added";
        broke = this.report(required ? "major" : "minor", kind, path, "head", what) || broke;
      } else {
        if (old.optional !== now.optional && !this.isNever(old.type) && !this.isNever(now.type)) {
          broke = this.reportOptionality(now.optional, path) || broke;
        }
        broke = this.compareValues(old.type, now.type, path) || broke;
      }
    }
    return broke;
  }

  private reportOptionality(nowOptional: boolean, segments: string[]): boolean {
    // An optional response field may be missing; a required request field must be sent.
    const breaking = this.direction === "response" ? nowOptional : !nowOptional;
    const kind = `${this.thing(segments)}-became-${nowOptional ? "optional" : "required"}`;
    const what = nowOptional ? "became optional" : "became required";
    return this.report(breaking ? "major" : "minor", kind, segments, "head", what);
  }

  private reportTypeChange(level: Level, before: ts.Type, after: ts.Type, segments: string[]): boolean {
    const prefix = { parameters: "parameter", requestBody: "request", response: "response" }[this.comparison.root];
    const enumChange = this.enumChange(segments);
    const plain = level === "major" ? "type-changed" : this.direction === "response" ? "type-narrowed" : "type-widened";
    const show = (type: ts.Type) => {
      const text = this.checker.typeToString(type);
      return text.length > 80 ? `${text.slice(0, 77)}…` : text;
    };
    const what = `type ${show(before)} became ${show(after)}`;
    return this.report(level, `${prefix}-${enumChange ?? plain}`, segments, "head", what, true);
  }

  /** Names an enum change when the schemas behind the two types differ in their enum. */
  private enumChange(segments: string[]): string | undefined {
    const values = (side: Side) => {
      const schema = this.comparison.locate([...segments, ""], side)?.node ?? {};
      const list = schema.enum ?? (schema.const !== undefined ? [schema.const] : undefined);
      if (!Array.isArray(list)) return undefined;
      return new Set(list.filter((value) => value !== null).map((value) => JSON.stringify(value)));
    };
    const [was, is] = [values("base"), values("head")];
    if (!was && !is) return undefined;
    if (!was) return "enum-added";
    if (!is) return "enum-removed";
    const added = [...is].some((value) => !was.has(value));
    const removed = [...was].some((value) => !is.has(value));
    return added && removed ? "enum-changed" : added ? "enum-value-added" : removed ? "enum-value-removed" : undefined;
  }

  private report(level: Level, kind: string, segments: string[], side: Side, what: string, schema = false): boolean {
    const located = this.comparison.locate(schema ? [...segments, ""] : segments, side);
    const place = segments.length ? ` ${segments.join(".")}` : "";
    const pointer = located?.pointer ?? this.comparison.operations[side].located.pointer;
    this.changes.push(change(level, kind, pointer, `${this.comparison.label}${place}: ${what}`));
    return level === "major";
  }

  /** What sits at a path, for change kinds: a parameter, a response header, a media type, a field … */
  private thing(segments: string[]): string {
    const [first] = segments;
    switch (this.comparison.root) {
      case "parameters":
        return segments.length === 2 ? "parameter" : "parameter-field";
      // `content` and `headers` themselves are on both sides whenever the body or the response is: no kind is
      // named for them (a type change may still be reported at them, under its own kind).
      case "requestBody":
        if (segments.length === 0) return "request-body";
        return segments.length === 2 ? "request-media-type" : "request-field";
      case "response":
        if (segments.length === 2) return first === "headers" ? "response-header" : "response-media-type";
        return "response-field";
    }
  }

  /** Old values must still be accepted where they flow: into the new request, or out of the new response. */
  private compatible(before: ts.Type, after: ts.Type): boolean {
    const [source, target] = this.direction === "response" ? [after, before] : [before, after];
    return this.checker.isTypeAssignableTo(source, target);
  }

  private properties(type: ts.Type): Map<string, Property> {
    const result = new Map<string, Property>();
    for (const symbol of this.checker.getPropertiesOfType(type)) {
      // The declared type, without the `undefined` that optionality adds: optionality is compared on its own.
      const declarations = symbol.declarations ?? [];
      const declaration = declarations.length === 1 ? declarations[0] : undefined;
      const declared =
        declaration && ts.isPropertySignature(declaration) && declaration.type
          ? this.checker.getTypeFromTypeNode(declaration.type)
          : this.checker.getTypeOfSymbol(symbol);
      result.set(symbol.name, { type: declared, optional: (symbol.flags & ts.SymbolFlags.Optional) !== 0 });
    }
    return result;
  }

  private isStructure(type: ts.Type): boolean {
    if (this.isNever(type)) return true; // an absent group (`query?: never`) is an empty one
    return (
      (type.flags & (ts.TypeFlags.Object | ts.TypeFlags.Intersection)) !== 0 &&
      !this.checker.isArrayType(type) &&
      !this.checker.isTupleType(type)
    );
  }

  private isNullable = (type: ts.Type): boolean =>
    (type.isUnion() ? type.types : [type]).some((member) => (member.flags & ts.TypeFlags.Null) !== 0);

  private isNever = (type: ts.Type): boolean => (type.flags & ts.TypeFlags.Never) !== 0;

  private elementOf = (type: ts.Type): ts.Type => this.checker.getTypeArguments(type as ts.TypeReference)[0]!;
}
