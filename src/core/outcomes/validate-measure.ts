import type { FieldProblem } from '../assessment/parse-intake.js';
import type { Role } from '../records/index.js';
import { outcomesFor } from './indication-measures.js';
import {
  isMeasureCode,
  isOnScale,
  isRater,
  measureCodes,
  measureDefinitions,
  raters,
  type MeasureDefinition,
  type Rater,
} from './outcome-measures.js';

/** One value as entered, before it is checked against the course's indication. */
export interface MeasureEntry {
  measure: string;
  rater: string;
  value: number;
  site: string | null;
  /** A baseline value (before the first session) rather than one after a session. */
  baseline: boolean;
}

/**
 * Who may enter a value as which rater: a patient only their own rating; a clinician their own
 * ratings, and a patient's rating the patient gave them (passed on, marked as entered by staff).
 */
export function ratersFor(role: Role): readonly Rater[] {
  if (role === 'patient') return ['patient'];
  if (role === 'admin' || role === 'practitioner') return raters;
  return [];
}

function scaleProblem(definition: MeasureDefinition, value: number): string | undefined {
  if (isOnScale(definition.scale, value)) return undefined;
  const { scale } = definition;
  if (scale.kind === 'ordinal')
    return `must be one of ${scale.levels.map((l) => l.value).join(', ')} on the ${definition.standard}`;
  return `must be from ${scale.min} to ${scale.max} ${scale.unit}, to ${scale.decimals} decimal`;
}

/**
 * What is wrong with an entry for a course of `indication`, entered by a user of `role`: one problem
 * per field, each naming it. An unknown measure stops there, since the rest depends on it.
 */
export function measureEntryProblems(indication: string, entry: MeasureEntry, role: Role): FieldProblem[] {
  if (!isMeasureCode(entry.measure))
    return [{ field: 'measure', message: `must be one of: ${measureCodes.join(', ')}` }];
  const offered = outcomesFor(indication).measures;
  const measure = offered.find((m) => m.code === entry.measure);
  if (!measure)
    return [
      {
        field: 'measure',
        message: `is not recorded for ${indication} courses; use one of: ${offered.map((m) => m.code).join(', ')}`,
      },
    ];
  const definition = measureDefinitions[measure.code];
  const problems: FieldProblem[] = [];

  if (!isRater(entry.rater)) problems.push({ field: 'rater', message: `must be one of: ${raters.join(', ')}` });
  else if (!ratersFor(role).includes(entry.rater))
    problems.push({ field: 'rater', message: `must be patient: a patient records only their own rating` });
  else if (!definition.raters.includes(entry.rater))
    problems.push({
      field: 'rater',
      message: `must be ${definition.raters.join(' or ')}: the ${definition.standard} is not rated by the ${entry.rater}`,
    });

  if (entry.baseline && definition.comparison === 'rating')
    problems.push({
      field: 'sessionId',
      message: `must name a session: the ${definition.standard} compares with before treatment, so it has no baseline`,
    });

  const valueProblem = scaleProblem(definition, entry.value);
  if (valueProblem) problems.push({ field: 'value', message: valueProblem });

  if (measure.sites) {
    if (entry.site === null)
      problems.push({ field: 'site', message: `is required: one of ${measure.sites.join(', ')}` });
    else if (!(measure.sites as readonly string[]).includes(entry.site))
      problems.push({ field: 'site', message: `must be one of: ${measure.sites.join(', ')}` });
  } else if (entry.site !== null)
    problems.push({ field: 'site', message: `must be left out: ${measure.code} is not taken at a site` });

  return problems;
}
