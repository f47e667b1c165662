import type { Messages } from '../i18n/en';

/** The plain-words texts of open questions (assessment.questions in the messages). */
export type OpenQuestionName = Exclude<keyof Messages['assessment']['questions'], 'intro'>;

/**
 * An open screening question of SCREENING_INCOMPLETE (a field path such as
 * `patient.conditions[1].controlled`) as the message that says it in plain words, with its values.
 * Unknown paths fall back to the path itself, so no question is ever hidden.
 */
export interface OpenQuestionText {
  name: OpenQuestionName;
  values: Record<string, string | number>;
}

const itemQuestions: Record<string, Record<string, OpenQuestionName>> = {
  conditions: {
    code: 'conditionCode',
    insulinDependent: 'insulinDependent',
    controlled: 'controlled',
    medicationCount: 'medicationCount',
    active: 'active',
    date: 'date',
  },
  allergies: { substance: 'allergySubstance' },
  recentProcedures: { type: 'procedureType' },
};

export function openQuestionText(path: string): OpenQuestionText {
  if (path === 'patient.pregnant') return { name: 'pregnant', values: {} };
  if (path === 'patient.breastfeeding') return { name: 'breastfeeding', values: {} };
  const item = /^patient\.(\w+)\[(\d+)\]\.(\w+)$/.exec(path);
  const name = item ? itemQuestions[item[1]!]?.[item[3]!] : undefined;
  if (item && name) return { name, values: { n: Number(item[2]) + 1 } };
  return { name: 'other', values: { field: path } };
}
