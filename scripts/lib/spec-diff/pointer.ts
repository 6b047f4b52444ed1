// JSON pointers (RFC 6901) into the compared documents. Every node the engine looks at is carried with the
// pointer of where it really is, after following `$ref`s, so a reported change points at text one can edit.

export type Located = { node: any; pointer: string };

export const escapeToken = (token: string | number) => String(token).replaceAll("~", "~0").replaceAll("/", "~1");
const unescapeToken = (token: string) => token.replaceAll("~1", "/").replaceAll("~0", "~");

export const joinPointer = (pointer: string, ...tokens: Array<string | number>) =>
  pointer + tokens.map((token) => `/${escapeToken(token)}`).join("");

export const documentRoot = (document: unknown): Located => ({ node: document, pointer: "" });

/** The value at a pointer, or undefined when there is none. */
export function valueAt(document: unknown, pointer: string): unknown {
  if (pointer === "") return document;
  let value: any = document;
  for (const token of pointer.slice(1).split("/").map(unescapeToken)) {
    if (value === null || typeof value !== "object" || !Object.hasOwn(value, token)) return undefined;
    value = value[token];
  }
  return value;
}

/** Follows a chain of local `$ref`s to the node they name. Anything else stays where it is. */
export function resolve(document: unknown, located: Located): Located {
  let current = located;
  const seen = new Set<string>();
  while (current.node && typeof current.node === "object" && typeof current.node.$ref === "string") {
    const ref: string = current.node.$ref;
    if (!ref.startsWith("#"))
      throw new Error(`unsupported $ref ${ref} at ${current.pointer}: only local references are`);
    // A $ref is a URI fragment, so its tokens may be percent-encoded on top of pointer escaping.
    const pointer = ref
      .slice(1)
      .split("/")
      .map((token) => decodeURIComponent(token))
      .join("/");
    if (seen.has(pointer)) throw new Error(`circular $ref ${ref} at ${located.pointer}`);
    seen.add(pointer);
    const node = valueAt(document, pointer);
    if (node === undefined) throw new Error(`dangling $ref ${ref} at ${current.pointer}`);
    current = { node, pointer };
  }
  return current;
}

/** Steps into a child (and resolves it); undefined when the child does not exist. */
export function child(document: unknown, located: Located | undefined, ...tokens: Array<string | number>) {
  let current = located;
  for (const token of tokens) {
    if (!current || current.node === null || typeof current.node !== "object") return undefined;
    const node = current.node[token];
    if (node === undefined) return undefined;
    current = resolve(document, { node, pointer: joinPointer(current.pointer, token) });
  }
  return current;
}
