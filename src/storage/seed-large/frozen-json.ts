const texts = new WeakMap<object, string>();
const tokens = new WeakMap<object, string>();
let nextToken = 0;

type Part = (value: object) => string;

function serialise(value: unknown, frozen: Part): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Object.isFrozen(value)) return frozen(value);
  if (Array.isArray(value))
    return `[${value.map((item: unknown) => (item === undefined || typeof item === 'function' ? 'null' : serialise(item, frozen))).join(',')}]`;
  const parts: string[] = [];
  for (const [key, item] of Object.entries(value)) {
    if (item === undefined || typeof item === 'function' || typeof item === 'symbol') continue;
    parts.push(`${JSON.stringify(key)}:${serialise(item, frozen)}`);
  }
  return `{${parts.join(',')}}`;
}

const frozenText: Part = (value) => {
  let text = texts.get(value);
  if (text === undefined) texts.set(value, (text = JSON.stringify(value)));
  return text;
};

// JSON text never contains a raw NUL (JSON.stringify escapes it), so tokens cannot clash with content.
const frozenToken: Part = (value) => {
  let token = tokens.get(value);
  if (token === undefined) tokens.set(value, (token = `\u0000${nextToken++}\u0000`));
  return token;
};

/**
 * `JSON.stringify(value)`, but each frozen object is serialised once and its text reused. The
 * clinical core hands out deep-frozen plans and conflict lists shared by every assessment with the
 * same inputs (about 15 KB of JSON each); a million assessments would otherwise spend most of their
 * time re-serialising the same few dozen plans. Values are plain JSON data (no `toJSON`, no cycles).
 */
export function frozenAwareJson(value: unknown): string {
  return serialise(value, frozenText);
}

/**
 * Like `frozenAwareJson`, but equal values get the very same string: most assessments of a large
 * clinic are equal to many others, and one shared 15 KB string costs nothing per row, where a
 * fresh one per row keeps the garbage collector busy. `stored` turns the JSON into the column's
 * text (packing it, see packed-json.ts), once per distinct value. Remembers at most `limit` texts.
 */
export function sharedJsonTexts(
  stored: (json: string) => string = (json) => json,
  limit = 20_000,
): (value: unknown) => string {
  const cache = new Map<string, string>();
  return (value) => {
    const key = serialise(value, frozenToken);
    let text = cache.get(key);
    if (text === undefined) {
      if (cache.size >= limit) cache.clear();
      cache.set(key, (text = stored(frozenAwareJson(value))));
    }
    return text;
  };
}
