import { describe, expect, it } from 'vitest';
import { distinctValues, valuesOutsidePlan } from './outside-plan';

const depthMm = { min: 1, max: 4 };

describe('valuesOutsidePlan', () => {
  it('lists each depth outside the plan range with its point, value and range; the ends count as inside', () => {
    const points = [
      { depthMm: 1, volumeMl: 0.1 },
      { depthMm: 6, volumeMl: 0.1 },
      { depthMm: 4, volumeMl: 0.1 },
      { depthMm: 0.5, volumeMl: 0.1 },
    ];
    expect(valuesOutsidePlan(points, { depthMm, volumeMl: null })).toEqual([
      { index: 1, field: 'depthMm', value: 6, range: depthMm },
      { index: 3, field: 'depthMm', value: 0.5, range: depthMm },
    ]);
  });

  it('checks volumes only where the plan gives a volume range', () => {
    const points = [{ depthMm: 2, volumeMl: 0.5 }];
    expect(valuesOutsidePlan(points, { depthMm, volumeMl: null })).toEqual([]);
    expect(valuesOutsidePlan(points, { depthMm, volumeMl: { min: 0.05, max: 0.2 } })).toEqual([
      { index: 0, field: 'volumeMl', value: 0.5, range: { min: 0.05, max: 0.2 } },
    ]);
  });

  it('names each outside value once, smallest first', () => {
    const outside = valuesOutsidePlan(
      [
        { depthMm: 6, volumeMl: 0.1 },
        { depthMm: 5, volumeMl: 0.1 },
        { depthMm: 6, volumeMl: 0.1 },
      ],
      { depthMm, volumeMl: null },
    );
    expect(distinctValues(outside, 'depthMm')).toEqual([5, 6]);
    expect(distinctValues(outside, 'volumeMl')).toEqual([]);
  });
});
