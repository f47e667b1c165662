import type { Range } from '../api/assessment-types';

/** The depth a new point starts at: the middle of the plan's range, on the field's 0.5 mm steps. */
export function defaultDepth(range: Range): number {
  const middle = Math.round(((range.min + range.max) / 2) * 2) / 2;
  return Math.min(range.max, Math.max(range.min, middle));
}

const usualVolumeMl = 0.1;

/** The volume a new point starts at: the usual 0.1 ml, moved into the plan's range when it has one. */
export function defaultVolume(range: Range | null): number {
  if (!range) return usualVolumeMl;
  return Math.min(range.max, Math.max(range.min, usualVolumeMl));
}
