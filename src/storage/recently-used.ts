/**
 * The value kept under `key`, made the most recently used; when absent, `create()`'s value is kept,
 * dropping the least recently used entry once `max` are kept. (A Map iterates in insertion order.)
 */
export function recentlyUsed<K, V>(entries: Map<K, V>, key: K, max: number, create: () => V): V {
  let value = entries.get(key);
  if (value !== undefined) {
    entries.delete(key);
  } else {
    value = create();
    if (entries.size >= max) {
      const oldest = entries.keys().next();
      if (!oldest.done) entries.delete(oldest.value);
    }
  }
  entries.set(key, value);
  return value;
}
