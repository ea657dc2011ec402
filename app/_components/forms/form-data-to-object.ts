/**
 * A submitted form as the plain object the lib/ verbs take: `splits.0.percent` becomes `{ splits: [{ percent }] }`.
 * Only names made of letters, digits and dots are read, so a crafted name such as `__proto__.x` cannot reach an
 * object's prototype. Files are ignored; the money forms have none.
 */

const SEGMENT = /^(?:[A-Za-z][A-Za-z0-9]*|\d{1,3})$/;

type Node = { [key: string]: Node | string };

export function formDataToObject(formData: FormData): Record<string, unknown> {
  const root: Node = Object.create(null) as Node;
  for (const [name, value] of formData.entries()) {
    if (typeof value !== 'string') continue;
    const path = name.split('.');
    if (!path.every((segment) => SEGMENT.test(segment))) continue;
    let node = root;
    for (const [index, segment] of path.entries()) {
      if (index === path.length - 1) {
        // The first value of a repeated name wins, as `formData.get` would have it.
        if (!(segment in node)) node[segment] = value;
      } else {
        const next = node[segment];
        if (typeof next === 'object') {
          node = next;
        } else {
          const child = Object.create(null) as Node;
          node[segment] = child;
          node = child;
        }
      }
    }
  }
  return toPlain(root) as Record<string, unknown>;
}

/** Objects whose keys are all numbers become arrays, in numeric order (gaps closed). */
function toPlain(node: Node | string): unknown {
  if (typeof node === 'string') return node;
  const keys = Object.keys(node);
  if (keys.length > 0 && keys.every((key) => /^\d+$/.test(key))) {
    return keys
      .map(Number)
      .sort((a, b) => a - b)
      .map((key) => toPlain(node[String(key)]!));
  }
  const plain: Record<string, unknown> = {};
  for (const key of keys) plain[key] = toPlain(node[key]!);
  return plain;
}
