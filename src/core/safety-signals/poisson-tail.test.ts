import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { poissonUpperTail } from './poisson-tail.js';

/** P(X >= k) by the textbook recurrence pmf(k) = pmf(k-1) * mean / k, summed far past k. */
function referenceTail(observed: number, mean: number): number {
  let pmf = Math.exp(-mean);
  let below = 0;
  let tail = 0;
  for (let k = 0; k < observed + 400; k++) {
    if (k > 0) pmf = (pmf * mean) / k;
    if (k < observed) below += pmf;
    else tail += pmf;
  }
  return observed <= mean ? 1 - below : tail;
}

describe('one-sided exact Poisson p-value', () => {
  it('matches the closed forms for small counts', () => {
    expect(poissonUpperTail(1, 1)).toBeCloseTo(1 - Math.exp(-1), 12);
    expect(poissonUpperTail(3, 0.2)).toBeCloseTo(1 - Math.exp(-0.2) * (1 + 0.2 + 0.02), 12);
    expect(poissonUpperTail(0, 5)).toBe(1);
  });

  it('keeps its digits far in the tail, where 1 - P(X < k) would be 0', () => {
    const p = poissonUpperTail(20, 1);
    expect(p).toBeGreaterThan(0);
    expect(p / referenceTail(20, 1)).toBeCloseTo(1, 9);
    expect(1 - (1 - p)).not.toBe(p);
  });

  it('agrees with the recurrence over a range of counts and means', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 }), fc.double({ min: 0.001, max: 40, noNaN: true }), (k, mean) => {
        const p = poissonUpperTail(k, mean);
        const ref = referenceTail(k, mean);
        expect(Math.abs(p - ref)).toBeLessThanOrEqual(1e-9 * Math.max(ref, 1e-300) + 1e-12);
      }),
      { numRuns: 500, seed: 21 },
    );
  });

  it('falls as more are observed and rises as more were expected', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 }), fc.double({ min: 0.01, max: 20, noNaN: true }), (k, mean) => {
        expect(poissonUpperTail(k + 1, mean)).toBeLessThanOrEqual(poissonUpperTail(k, mean));
        expect(poissonUpperTail(k, mean * 1.5)).toBeGreaterThanOrEqual(poissonUpperTail(k, mean));
      }),
      { numRuns: 300, seed: 7 },
    );
  });

  it('with nothing expected, any event is impossible by chance', () => {
    expect(poissonUpperTail(1, 0)).toBe(0);
    expect(poissonUpperTail(0, 0)).toBe(1);
  });

  it('refuses counts that are not whole and means that are not finite', () => {
    expect(() => poissonUpperTail(1.5, 1)).toThrow(RangeError);
    expect(() => poissonUpperTail(-1, 1)).toThrow(RangeError);
    expect(() => poissonUpperTail(1, Number.NaN)).toThrow(RangeError);
    expect(() => poissonUpperTail(1, -0.1)).toThrow(RangeError);
  });
});
