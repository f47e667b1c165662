import { describe, expect, it } from 'vitest';
import { Timeline } from './timeline.js';

describe('Timeline', () => {
  const t = Timeline.fromFlat([50, 60, 10, 20, 15, 30, 30, 40, 70, 70]);

  it('merges overlapping and touching blocks and drops empty ones', () => {
    expect(t.size).toBe(2);
    expect(t.freeWithin(0, 100)).toEqual([
      [0, 10],
      [40, 50],
      [60, 100],
    ]);
  });

  it('reports the end of the blocking stretch, or -1 when free', () => {
    expect(t.conflictEnd(0, 10)).toBe(-1);
    expect(t.conflictEnd(0, 11)).toBe(40);
    expect(t.conflictEnd(39, 45)).toBe(40);
    expect(t.conflictEnd(40, 50)).toBe(-1);
    expect(t.conflictEnd(59, 61)).toBe(60);
    expect(t.conflictEnd(60, 1000)).toBe(-1);
    expect(Timeline.empty.conflictEnd(0, 1)).toBe(-1);
  });
});
