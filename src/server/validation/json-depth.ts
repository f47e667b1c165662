/** Deeper than any body this API takes (an intake nests 4 levels, a FHIR Bundle about 10). */
export const maxJsonDepth = 64;

/**
 * Whether a parsed JSON value nests objects or arrays deeper than `limit`. Walked with a stack of
 * its own: a value nested thousands deep is answered, where a recursive walk (JSON.stringify, say)
 * would overflow the call stack.
 */
export function nestsDeeperThan(value: unknown, limit: number): boolean {
  const pending: [unknown, number][] = [[value, 1]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [item, depth] = next;
    if (item === null || typeof item !== 'object') continue;
    if (depth > limit) return true;
    for (const child of Object.values(item)) pending.push([child, depth + 1]);
  }
  return false;
}
