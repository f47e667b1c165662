import { describe, expect, it } from 'vitest';
import { defaultDepth, defaultVolume } from './plan-defaults';

describe('plan defaults', () => {
  it('starts the depth in the middle of the plan range, on 0.5 mm steps', () => {
    expect(defaultDepth({ min: 1, max: 4 })).toBe(2.5);
    expect(defaultDepth({ min: 2, max: 3 })).toBe(2.5);
    expect(defaultDepth({ min: 1, max: 2 })).toBe(1.5);
    expect(defaultDepth({ min: 4, max: 4 })).toBe(4);
  });

  it('keeps the depth inside a range narrower than a step', () => {
    const depth = defaultDepth({ min: 1.1, max: 1.2 });
    expect(depth).toBeGreaterThanOrEqual(1.1);
    expect(depth).toBeLessThanOrEqual(1.2);
  });

  it('starts the volume at 0.1 ml, moved into the plan range when there is one', () => {
    expect(defaultVolume(null)).toBe(0.1);
    expect(defaultVolume({ min: 0.05, max: 0.2 })).toBe(0.1);
    expect(defaultVolume({ min: 0.5, max: 1 })).toBe(0.5);
    expect(defaultVolume({ min: 0.01, max: 0.05 })).toBe(0.05);
  });
});
