/**
 * The standard outcome measures mesodesk records. None of these scales is in the seed articles: each
 * cites its line of knowledge/outside-references.txt (`kind: outside`), where it is described in
 * mesodesk's words. Every scale here counts a lower value as better, as the scales themselves do.
 */

export const raters = ['practitioner', 'patient'] as const;
/** Whose judgement a value is: the practitioner's, or the patient's own. */
export type Rater = (typeof raters)[number];

export const measureCodes = [
  'gais',
  'hair_grade_male',
  'hair_grade_female',
  'cellulite_stage',
  'circumference',
  'hdss',
  'pain_nrs',
] as const;
export type MeasureCode = (typeof measureCodes)[number];

export interface ScaleLevel {
  value: number;
  /** A stable name of the level, for labels (e.g. `much_improved`). */
  code: string;
}

/** A scale of named whole-number levels. */
export interface OrdinalScale {
  kind: 'ordinal';
  levels: readonly ScaleLevel[];
}

/** A measured quantity within a plausible range, to a fixed number of decimals. */
export interface QuantityScale {
  kind: 'quantity';
  unit: 'cm';
  min: number;
  max: number;
  decimals: number;
}

export type Scale = OrdinalScale | QuantityScale;

export interface MeasureDefinition {
  code: MeasureCode;
  /** The published name of the scale. */
  standard: string;
  scale: Scale;
  better: 'lower' | 'higher';
  /**
   * `change`: a value is taken at baseline, before the first session, and later values are compared
   * with it. `rating`: each value already says how things changed since before treatment (GAIS), so
   * there is no baseline and the latest rating is the result.
   */
  comparison: 'change' | 'rating';
  raters: readonly Rater[];
  /**
   * When a result counts as improved. For `change`: the least change towards better (in the scale's
   * units). For `rating`: the worst rating that still counts as improved.
   */
  improvedAt: number;
  /** Where the scale is described ("<file>:<line>" in the knowledge folder). */
  citation: string;
}

const levels =
  (...codes: string[]) =>
  (first: number) =>
    codes.map((code, i) => ({ value: first + i, code }));

const grades = (count: number, first = 1): ScaleLevel[] =>
  Array.from({ length: count }, (_, i) => ({ value: first + i, code: `grade_${first + i}` }));

export const measureDefinitions: Readonly<Record<MeasureCode, MeasureDefinition>> = {
  gais: {
    code: 'gais',
    standard: 'Global Aesthetic Improvement Scale (GAIS)',
    scale: {
      kind: 'ordinal',
      levels: levels('very_much_improved', 'much_improved', 'improved', 'no_change', 'worse')(1),
    },
    better: 'lower',
    comparison: 'rating',
    raters: ['practitioner', 'patient'],
    // "Improved" or better: the scale's own line between a result and none.
    improvedAt: 3,
    citation: 'outside-references.txt:19',
  },
  hair_grade_male: {
    code: 'hair_grade_male',
    standard: 'Hamilton-Norwood scale (male-pattern hair loss)',
    scale: { kind: 'ordinal', levels: grades(7) },
    better: 'lower',
    comparison: 'change',
    raters: ['practitioner'],
    improvedAt: 1,
    citation: 'outside-references.txt:20',
  },
  hair_grade_female: {
    code: 'hair_grade_female',
    standard: 'Ludwig scale (female-pattern hair loss)',
    scale: { kind: 'ordinal', levels: grades(3) },
    better: 'lower',
    comparison: 'change',
    raters: ['practitioner'],
    improvedAt: 1,
    citation: 'outside-references.txt:21',
  },
  cellulite_stage: {
    code: 'cellulite_stage',
    standard: 'Nurnberger-Muller cellulite classification',
    scale: { kind: 'ordinal', levels: grades(4, 0) },
    better: 'lower',
    comparison: 'change',
    raters: ['practitioner'],
    improvedAt: 1,
    citation: 'outside-references.txt:22',
  },
  circumference: {
    code: 'circumference',
    standard: 'Body circumference at a named landmark (tape measure)',
    scale: { kind: 'quantity', unit: 'cm', min: 10, max: 300, decimals: 1 },
    better: 'lower',
    comparison: 'change',
    raters: ['practitioner'],
    // mesodesk's own threshold, not the scale's: a tape read twice at one landmark can differ by
    // about half a centimetre, so only a full centimetre less counts as a result.
    improvedAt: 1,
    citation: 'outside-references.txt:25',
  },
  hdss: {
    code: 'hdss',
    standard: 'Hyperhidrosis Disease Severity Scale (HDSS)',
    scale: {
      kind: 'ordinal',
      levels: levels('never_interferes', 'sometimes_interferes', 'often_interferes', 'always_interferes')(1),
    },
    better: 'lower',
    comparison: 'change',
    // The scale is the patient's own answer; a clinician may enter what the patient said.
    raters: ['patient'],
    improvedAt: 1,
    citation: 'outside-references.txt:23',
  },
  pain_nrs: {
    code: 'pain_nrs',
    standard: 'Numeric rating scale for pain (NRS, 0-10)',
    scale: { kind: 'ordinal', levels: Array.from({ length: 11 }, (_, i) => ({ value: i, code: `score_${i}` })) },
    better: 'lower',
    comparison: 'change',
    raters: ['patient'],
    improvedAt: 2,
    citation: 'outside-references.txt:24',
  },
};

/** Where the standard photo views are described (outside-references.txt). */
export const photoViewsCitation = 'outside-references.txt:26';

export function isMeasureCode(code: string): code is MeasureCode {
  return (measureCodes as readonly string[]).includes(code);
}

export function isRater(value: string): value is Rater {
  return (raters as readonly string[]).includes(value);
}

/** The lowest and highest value the scale takes. */
export function scaleRange(scale: Scale): { min: number; max: number } {
  if (scale.kind === 'quantity') return { min: scale.min, max: scale.max };
  const values = scale.levels.map((l) => l.value);
  return { min: Math.min(...values), max: Math.max(...values) };
}

/** Whether `value` is one the scale takes: one of its levels, or in range to its decimals. */
export function isOnScale(scale: Scale, value: number): boolean {
  if (!Number.isFinite(value)) return false;
  if (scale.kind === 'ordinal') return scale.levels.some((l) => l.value === value);
  if (value < scale.min || value > scale.max) return false;
  const factor = 10 ** scale.decimals;
  // Compared with a tolerance: 82.3 * 10 is not exactly 823 in binary floating point.
  return Math.abs(value * factor - Math.round(value * factor)) < 1e-6;
}

/** The change from `from` to `to` towards better: positive when better, whichever way the scale runs. */
export function gainTowardsBetter(definition: MeasureDefinition, from: number, to: number): number {
  return definition.better === 'lower' ? from - to : to - from;
}
