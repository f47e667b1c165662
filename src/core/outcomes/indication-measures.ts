import { measureDefinitions, type MeasureCode, type MeasureDefinition } from './outcome-measures.js';

export const photoViews = [
  'front',
  'left_oblique',
  'right_oblique',
  'vertex',
  'frontal_hairline',
  'part_line',
  'back',
  'left_side',
  'right_side',
  'treated_area',
] as const;
/** A standard view from which the same photograph is taken again at each visit. */
export type PhotoView = (typeof photoViews)[number];

export const circumferenceSites = [
  'waist',
  'abdomen_navel',
  'hips',
  'thigh_left',
  'thigh_right',
  'arm_left',
  'arm_right',
] as const;
/** A named landmark a tape measure goes round. */
export type CircumferenceSite = (typeof circumferenceSites)[number];

export interface IndicationMeasure {
  code: MeasureCode;
  /** Where it is measured, for a measure taken at a named site (circumference); otherwise absent. */
  sites?: readonly CircumferenceSite[];
}

/** What is recorded for courses of one indication (an id of knowledge/indications.yaml). */
export interface IndicationOutcomes {
  indication: string;
  measures: readonly IndicationMeasure[];
  /** The photo set to repeat: the same views at baseline and after sessions. */
  photoViews: readonly PhotoView[];
}

const gais: IndicationMeasure = { code: 'gais' };
const face: readonly PhotoView[] = ['front', 'left_oblique', 'right_oblique'];
const body: readonly PhotoView[] = ['front', 'back', 'left_side', 'right_side'];

/**
 * Per indication, the standard measures that fit it. Aesthetic indications get GAIS from both
 * sides; where a graded or measured scale exists for the condition it is added, with a baseline:
 * a hair-loss grade (the male- or female-pattern scale, whichever pattern the patient shows), the
 * cellulite stage, a tape circumference for fat and cellulite. Excess sweating and pain are not
 * aesthetic: their own patient-rated scales replace GAIS.
 */
export const indicationOutcomes: readonly IndicationOutcomes[] = [
  { indication: 'skin_rejuvenation', measures: [gais], photoViews: face },
  {
    indication: 'hair_loss',
    measures: [gais, { code: 'hair_grade_male' }, { code: 'hair_grade_female' }],
    photoViews: ['vertex', 'frontal_hairline', 'part_line'],
  },
  {
    indication: 'cellulite',
    measures: [
      gais,
      { code: 'cellulite_stage' },
      { code: 'circumference', sites: ['hips', 'thigh_left', 'thigh_right'] },
    ],
    photoViews: ['back', 'left_side', 'right_side'],
  },
  {
    indication: 'localized_fat',
    measures: [gais, { code: 'circumference', sites: circumferenceSites }],
    photoViews: body,
  },
  { indication: 'stretch_marks', measures: [gais], photoViews: ['front', 'left_side', 'right_side'] },
  { indication: 'pigmentation', measures: [gais], photoViews: face },
  { indication: 'scars', measures: [gais], photoViews: face },
  { indication: 'under_eye', measures: [gais], photoViews: face },
  { indication: 'hyperhidrosis', measures: [{ code: 'hdss' }], photoViews: ['treated_area'] },
  { indication: 'pain', measures: [{ code: 'pain_nrs' }], photoViews: [] },
];

const byIndication = new Map(indicationOutcomes.map((entry) => [entry.indication, entry]));

/** What is recorded for the indication; an indication mesodesk has no scale for gets GAIS alone. */
export function outcomesFor(indication: string): IndicationOutcomes {
  return byIndication.get(indication) ?? { indication, measures: [gais], photoViews: [] };
}

/** The indication's measure `code`, with its definition, or undefined when not recorded for it. */
export function indicationMeasure(
  indication: string,
  code: MeasureCode,
): (IndicationMeasure & { definition: MeasureDefinition }) | undefined {
  const measure = outcomesFor(indication).measures.find((m) => m.code === code);
  return measure && { ...measure, definition: measureDefinitions[code] };
}
