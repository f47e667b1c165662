import type { Sourced } from './assessment-result.js';
import { deepFreeze } from '../deep-freeze.js';

const cache = new WeakMap<readonly string[], Sourced>();

/**
 * Turns knowledge-base citations ("file:line") into a result's `sources` (file names, as the contract
 * asks) and `citations`. The arrays returned are frozen and shared: knowledge-base arrays never change
 * once loaded, so they are computed once per citation list.
 */
export function sourcedFrom(citations: readonly string[]): Sourced {
  let out = cache.get(citations);
  if (!out) {
    const sources = [...new Set(citations.map((c) => c.slice(0, c.lastIndexOf(':'))))];
    out = deepFreeze({ sources, citations: [...new Set(citations)] });
    cache.set(citations, out);
  }
  return { sources: out.sources, citations: out.citations };
}
