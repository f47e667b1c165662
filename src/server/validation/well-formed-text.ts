import { fieldPath } from '../../core/field-path.js';

/**
 * Where a parsed JSON value holds text that is not well-formed Unicode (a lone surrogate:
 * `"\ud800x"` is valid JSON, yet no character), or undefined when all of it is well-formed. Such
 * text cannot be stored as sent: SQLite and PostgreSQL each replace the surrogate their own way,
 * so the record would differ by engine. The field named is the path of the first such string in the
 * document, a value's or a key's; a key is blamed on the object that holds it (its own name is not
 * text that can be answered), and like a key with no name, or a body that is not an object, on
 * '(body)' at the top. Walked with a stack of its own; call it on a body of bounded depth.
 */
export function malformedTextField(value: unknown): string | undefined {
  const pending: [item: unknown, path: PropertyKey[]][] = [[value, []]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [item, path] = next;
    if (typeof item === 'string') {
      if (!item.isWellFormed()) return blamed(value, path);
      continue;
    }
    if (item === null || typeof item !== 'object') continue;
    const entries: [PropertyKey, unknown][] = Array.isArray(item)
      ? item.map((child, index) => [index, child])
      : Object.entries(item);
    // Pushed last to first (each key after its value), so the first malformed text in the document is named.
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, child] = entries[i] as [PropertyKey, unknown];
      pending.push([child, [...path, key]]);
      if (typeof key === 'string') pending.push([key, path]);
    }
  }
  return undefined;
}

/** The field to name for a path into `body`: as far as its keys can be named, '(body)' when not at all. */
function blamed(body: unknown, path: readonly PropertyKey[]): string {
  if (Array.isArray(body)) return '(body)';
  const unnamed = path.findIndex((key) => key === '' || (typeof key === 'string' && !key.isWellFormed()));
  return fieldPath(unnamed < 0 ? path : path.slice(0, unnamed)) || '(body)';
}

export const malformedTextMessage = 'must be well-formed Unicode text (it holds a lone surrogate)';
