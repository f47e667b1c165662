import type { Body, Ok } from '../api/api-types';

/** The shapes of the outcome-measure routes, named. */
export type CourseMeasures = Ok<'/api/courses/{id}/outcome-measures', 'get'>;
export type MeasureDefinition = CourseMeasures['definitions'][number];
export type MeasureSeries = CourseMeasures['series'][number];
export type MeasureValue = CourseMeasures['values'][number];
export type HeldSession = CourseMeasures['sessions'][number];
export type MeasureCode = MeasureDefinition['code'];
export type Rater = MeasureDefinition['raters'][number];
export type NewMeasure = Body<'/api/courses/{id}/outcome-measures', 'post'>;
export type ClinicResults = Ok<'/api/outcome-results', 'get'>;
export type ResultGroup = ClinicResults['byIndication'][number];
export type MeasureResult = ResultGroup['measures'][number];

/** The lowest and highest value of the scale. */
export function scaleBounds(definition: MeasureDefinition): { min: number; max: number } {
  const { scale } = definition;
  if (scale.kind === 'quantity') return { min: scale.min, max: scale.max };
  const values = scale.levels.map((l) => l.value);
  return { min: Math.min(...values), max: Math.max(...values) };
}
