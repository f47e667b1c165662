/** Deeper than any body this API takes (an intake nests 4 levels, a FHIR Bundle about 10). */
export const maxJsonDepth = 64;

/**
 * Where a parsed JSON value nests objects or arrays deeper than `limit`: the top-level field that
 * holds the too-deep part, '(body)' when the body is an array (or the key is empty), or undefined
 * when nothing is too deep.
 * Walked with a stack of its own: a value nested thousands deep is answered, where a recursive walk
 * (JSON.stringify, say) would overflow the call stack.
 */
export function tooDeepField(value: unknown, limit: number): string | undefined {
  const pending: [item: unknown, depth: number, field: string][] = [[value, 1, '(body)']];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [item, depth, field] = next;
    if (item === null || typeof item !== 'object') continue;
    if (depth > limit) return field;
    const topLevel = depth === 1 && !Array.isArray(item);
    // A key with no name cannot name a field: the body as a whole is blamed.
    for (const [key, child] of Object.entries(item))
      pending.push([child, depth + 1, topLevel && key !== '' ? key : field]);
  }
  return undefined;
}
