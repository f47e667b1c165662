import { describe, expect, it } from 'vitest';
import { valuesOutsidePlan } from './outside-plan.js';

describe('values outside the plan', () => {
  const ranges = { depthMm: { min: 1, max: 4 }, volumeMl: null };

  it('names each depth outside the range by its field, edges included in the plan', () => {
    const points = [
      { depthMm: 1, volumeMl: 0.1 },
      { depthMm: 4, volumeMl: 0.1 },
      { depthMm: 6, volumeMl: 0.1 },
      { depthMm: 0.5, volumeMl: 9 },
    ];
    expect(valuesOutsidePlan(points, ranges)).toEqual([
      { index: 2, field: 'points[2].depthMm', value: 6, range: { min: 1, max: 4 } },
      { index: 3, field: 'points[3].depthMm', value: 0.5, range: { min: 1, max: 4 } },
    ]);
  });

  it('checks volumes only where the plan has a volume range, and skips values not charted', () => {
    const withVolume = { depthMm: { min: 1, max: 4 }, volumeMl: { min: 0.05, max: 0.2 } };
    expect(
      valuesOutsidePlan(
        [
          { depthMm: 2, volumeMl: 0.3 },
          { depthMm: null, volumeMl: null },
        ],
        withVolume,
      ),
    ).toEqual([{ index: 0, field: 'points[0].volumeMl', value: 0.3, range: { min: 0.05, max: 0.2 } }]);
    expect(valuesOutsidePlan([{ depthMm: 2, volumeMl: 0.3 }], ranges)).toEqual([]);
  });
});
