import {
  gainTowardsBetter,
  measureCodes,
  measureDefinitions,
  raters,
  type MeasureCode,
  type MeasureDefinition,
  type Rater,
} from './outcome-measures.js';

/** One recorded value of a course, with when its session took place. */
export interface MeasureValue {
  measure: MeasureCode;
  rater: Rater;
  site: string | null;
  /** Null for a baseline value. */
  sessionId: string | null;
  sessionAt: string | null;
  value: number;
  recordedAt: string;
}

export interface SeriesPoint {
  sessionId: string | null;
  sessionAt: string | null;
  value: number;
  recordedAt: string;
}

/** One measure by one rater (at one site) over a course: baseline first, then sessions in time order. */
export interface MeasureSeries {
  measure: MeasureCode;
  rater: Rater;
  site: string | null;
  points: SeriesPoint[];
  baseline: number | null;
  /** The value after the latest session that has one. */
  latest: SeriesPoint | null;
  /** latest - baseline, for a measure compared with its baseline; null without both. */
  change: number | null;
  /** Whether the course has improved on this measure; null while there is no result to judge. */
  improved: boolean | null;
}

export const roundTo = (value: number, decimals: number) => {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
};

const decimalsOf = (definition: MeasureDefinition) =>
  definition.scale.kind === 'quantity' ? definition.scale.decimals : 0;

/** The result of a series: its change from baseline and whether that (or the rating) counts as improved. */
export function seriesResult(
  definition: MeasureDefinition,
  baseline: number | null,
  latest: number | null,
): { change: number | null; improved: boolean | null } {
  if (latest === null) return { change: null, improved: null };
  if (definition.comparison === 'rating') {
    const improved = definition.better === 'lower' ? latest <= definition.improvedAt : latest >= definition.improvedAt;
    return { change: null, improved };
  }
  if (baseline === null) return { change: null, improved: null };
  const change = roundTo(latest - baseline, decimalsOf(definition));
  // Compared after rounding, so that a change of exactly the threshold counts whatever the float error.
  const gain = roundTo(gainTowardsBetter(definition, baseline, latest), decimalsOf(definition));
  return { change, improved: gain >= definition.improvedAt };
}

const seriesKey = (v: { measure: string; rater: string; site: string | null }) =>
  `${v.measure}\u0000${v.rater}\u0000${v.site ?? ''}`;

const byTime = (a: SeriesPoint, b: SeriesPoint) =>
  (a.sessionAt ?? '').localeCompare(b.sessionAt ?? '') || (a.sessionId ?? '').localeCompare(b.sessionId ?? '');

/** Order of series in answers: measures as listed, the practitioner's before the patient's, sites by name. */
function seriesOrder(a: MeasureSeries, b: MeasureSeries): number {
  return (
    measureCodes.indexOf(a.measure) - measureCodes.indexOf(b.measure) ||
    raters.indexOf(a.rater) - raters.indexOf(b.rater) ||
    (a.site ?? '').localeCompare(b.site ?? '')
  );
}

/**
 * A course's values as series, one per measure, rater and site. A slot (baseline or one session)
 * holds one value per series; should two be given, the later recorded is the one that counts.
 */
export function courseSeries(values: readonly MeasureValue[]): MeasureSeries[] {
  const grouped = new Map<string, MeasureValue[]>();
  for (const value of values) grouped.set(seriesKey(value), [...(grouped.get(seriesKey(value)) ?? []), value]);
  const series: MeasureSeries[] = [];
  for (const group of grouped.values()) {
    const first = group[0]!;
    const definition = measureDefinitions[first.measure];
    const bySlot = new Map<string, MeasureValue>();
    for (const value of group) {
      const slot = value.sessionId ?? '';
      const held = bySlot.get(slot);
      if (!held || held.recordedAt <= value.recordedAt) bySlot.set(slot, value);
    }
    const points = [...bySlot.values()].map(({ sessionId, sessionAt, value, recordedAt }) => ({
      sessionId,
      sessionAt,
      value,
      recordedAt,
    }));
    const baselinePoint = points.find((p) => p.sessionId === null);
    const after = points.filter((p) => p.sessionId !== null).sort(byTime);
    const latest = after.at(-1) ?? null;
    const baseline = baselinePoint?.value ?? null;
    series.push({
      measure: first.measure,
      rater: first.rater,
      site: first.site,
      points: baselinePoint ? [baselinePoint, ...after] : after,
      baseline,
      latest,
      ...seriesResult(definition, baseline, latest?.value ?? null),
    });
  }
  return series.sort(seriesOrder);
}
