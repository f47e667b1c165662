import type { Range } from '../api/assessment-types';

export type PlannedField = 'depthMm' | 'volumeMl';

/** A charted value outside the plan's range: it needs the practitioner's explicit confirmation. */
export interface OutsideValue {
  index: number;
  field: PlannedField;
  value: number;
  range: Range;
}

export interface PlanRanges {
  depthMm: Range;
  volumeMl: Range | null;
}

/** Every depth (and volume, where the plan gives a range) outside the plan, in point order. */
export function valuesOutsidePlan(
  points: readonly { depthMm: number; volumeMl: number }[],
  ranges: PlanRanges,
): OutsideValue[] {
  const outside: OutsideValue[] = [];
  points.forEach((point, index) => {
    for (const field of ['depthMm', 'volumeMl'] as const) {
      const range = ranges[field];
      if (range && (point[field] < range.min || point[field] > range.max))
        outside.push({ index, field, value: point[field], range });
    }
  });
  return outside;
}

/** The distinct values of one field outside the plan, smallest first, for the confirmation's wording. */
export function distinctValues(outside: readonly OutsideValue[], field: PlannedField): number[] {
  return [...new Set(outside.filter((o) => o.field === field).map((o) => o.value))].sort((a, b) => a - b);
}
