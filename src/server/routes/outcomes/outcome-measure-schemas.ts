import { z } from 'zod';
import { circumferenceSites, photoViews, type IndicationOutcomes } from '../../../core/outcomes/indication-measures.js';
import { measureCodes, raters, type MeasureDefinition } from '../../../core/outcomes/outcome-measures.js';
import { id, isoDate, oneOf } from '../../validation/fields.js';
import { timestamp } from '../../views.js';

const measure = oneOf(measureCodes);
const rater = oneOf(raters);

export const measureBody = z.object({
  measure: measure.describe("A measure recorded for the course's indication (GET /api/outcome-measures)"),
  rater: rater.describe('Whose judgement: a patient records only `patient`; clinicians may pass on the patient’s'),
  value: z
    .number({ error: 'must be a number' })
    .describe('On the scale: a level of an ordinal scale, or centimetres to one decimal'),
  sessionId: id
    .nullable()
    .describe("One of the course's sessions that took place, or null for a baseline value before the first session"),
  site: oneOf(circumferenceSites)
    .nullable()
    .optional()
    .describe('Where a circumference was taken; left out for other measures'),
});

export const measureRecordView = z.object({
  id: z.string(),
  patientId: z.string(),
  courseId: z.string(),
  sessionId: z.string().nullable(),
  measure,
  rater,
  site: z.string().nullable(),
  value: z.number(),
  enteredBy: z.enum(['patient', 'staff']).describe('The patient themselves (then theirs alone to change), or staff'),
  recordedBy: z.string().nullable(),
  recordedAt: timestamp,
  createdAt: timestamp,
  updatedAt: timestamp,
});

const scaleView = z.union([
  z.object({
    kind: z.literal('ordinal'),
    levels: z.array(z.object({ value: z.number(), code: z.string() })),
  }),
  z.object({
    kind: z.literal('quantity'),
    unit: z.literal('cm'),
    min: z.number(),
    max: z.number(),
    decimals: z.number(),
  }),
]);

export const measureDefinitionView = z.object({
  code: measure,
  standard: z.string().describe('The published name of the scale'),
  scale: scaleView,
  better: z.enum(['lower', 'higher']),
  comparison: z
    .enum(['change', 'rating'])
    .describe('change: compared with a baseline; rating: each rating already compares with before treatment'),
  raters: z.array(rater),
  improvedAt: z
    .number()
    .describe('change: the least change towards better that counts as improved; rating: the worst rating that does'),
  citation: z.string().describe('The outside-reference line describing the scale (not from the seed articles)'),
});

export const indicationOutcomesView = z.object({
  indication: z.string(),
  measures: z.array(z.object({ code: measure, sites: z.array(z.enum(circumferenceSites)).optional() })),
  photoViews: z.array(z.enum(photoViews)).describe('The views of the photo set to repeat at each visit'),
});

export const definitionsView = z.object({
  measures: z.array(measureDefinitionView),
  indications: z.array(indicationOutcomesView),
  photoViewsCitation: z.string(),
});

const point = z.object({
  sessionId: z.string().nullable(),
  sessionAt: timestamp.nullable(),
  value: z.number(),
  recordedAt: timestamp,
});

export const seriesView = z.object({
  measure,
  rater,
  site: z.string().nullable(),
  points: z.array(point).describe('Baseline first, then after each session in time order'),
  baseline: z.number().nullable(),
  latest: point.nullable(),
  change: z.number().nullable().describe('latest - baseline, for measures compared with a baseline'),
  improved: z.boolean().nullable().describe('null while there is no result to judge'),
});

export const courseMeasuresView = z.object({
  course: z.object({ id: z.string(), patientId: z.string(), indication: z.string(), area: z.string() }),
  outcomes: indicationOutcomesView,
  definitions: z.array(measureDefinitionView).describe("The definitions of the indication's measures"),
  sessions: z
    .array(z.object({ id: z.string(), scheduledAt: timestamp, status: z.string() }))
    .describe('The sessions that took place, to record after'),
  values: z.array(measureRecordView.extend({ sessionAt: timestamp.nullable() })),
  series: z.array(seriesView),
});

export const resultsQuery = z.object({
  from: isoDate.optional().describe('First day counted (clinic calendar); a year before `to` unless given'),
  to: isoDate.optional().describe('Last day counted; today unless given'),
});

const measureResultView = z.object({
  measure,
  rater,
  results: z.number().describe('Series with a result: a rating, or a baseline and a later value'),
  courses: z.number(),
  improved: z.number(),
  shareImproved: z.number().nullable(),
  meanChange: z.number().nullable(),
  meanLatest: z.number().nullable(),
  awaiting: z.number().describe('Series with a baseline and nothing after a session yet'),
});

const resultGroupView = z.object({
  key: z.string().nullable(),
  name: z.string().nullable().describe('The practitioner’s or product’s name; null for indications (a code)'),
  courses: z.number(),
  measures: z.array(measureResultView),
});

export const clinicResultsView = z.object({
  from: z.string(),
  to: z.string(),
  timeZone: z.string(),
  byIndication: z.array(resultGroupView),
  byPractitioner: z.array(resultGroupView),
  byProduct: z.array(resultGroupView),
});

/** A definition as answered (the core's lists are read-only; answers are plain copies). */
export function definitionAnswer(definition: MeasureDefinition): z.input<typeof measureDefinitionView> {
  const { scale } = definition;
  return {
    ...definition,
    scale: scale.kind === 'ordinal' ? { kind: 'ordinal', levels: scale.levels.map((l) => ({ ...l })) } : { ...scale },
    raters: [...definition.raters],
  };
}

export function indicationAnswer(outcomes: IndicationOutcomes): z.input<typeof indicationOutcomesView> {
  return {
    indication: outcomes.indication,
    measures: outcomes.measures.map((m) => (m.sites ? { code: m.code, sites: [...m.sites] } : { code: m.code })),
    photoViews: [...outcomes.photoViews],
  };
}
