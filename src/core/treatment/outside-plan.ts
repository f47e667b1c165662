import type { Range } from '../assessment/assessment-result.js';
import { fieldPath } from '../field-path.js';

/** The ranges the plan sets for each injection point. */
export interface PointRanges {
  depthMm: Range;
  /** Null where the knowledge base gives no volume range: any volume the chart allows is within plan. */
  volumeMl: Range | null;
}

/** A charted value outside the plan, named by its field in the chart body (`points[3].depthMm`). */
export interface OutsidePlanValue {
  index: number;
  field: string;
  value: number;
  range: Range;
}

/**
 * Every depth (and volume, where the plan has a range) outside the plan, in point order. Such a
 * point is not refused outright, since the clinician adapts to the skin, but needs their explicit
 * confirmation.
 */
export function valuesOutsidePlan(
  points: readonly { depthMm: number | null; volumeMl: number | null }[],
  ranges: PointRanges,
): OutsidePlanValue[] {
  const outside: OutsidePlanValue[] = [];
  points.forEach((point, index) => {
    for (const key of ['depthMm', 'volumeMl'] as const) {
      const range = ranges[key];
      const value = point[key];
      if (range && value !== null && (value < range.min || value > range.max))
        outside.push({
          index,
          field: fieldPath(['points', index, key]),
          value,
          range: { min: range.min, max: range.max },
        });
    }
  });
  return outside;
}
