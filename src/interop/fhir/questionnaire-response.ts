import { isIsoDate } from '../../core/dates/iso-date.js';
import type { IntakeRecord } from '../records.js';
import { localIdentifiers } from './code-maps.js';
import { fhirId, fhirInstant, reference } from './fhir-references.js';
import type { QuestionnaireAnswer, QuestionnaireResponse, QuestionnaireResponseItem } from './fhir-types.js';

function answerOf(value: unknown): QuestionnaireAnswer | undefined {
  if (typeof value === 'boolean') return { valueBoolean: value };
  if (typeof value === 'number' && Number.isFinite(value))
    return Number.isInteger(value) ? { valueInteger: value } : { valueDecimal: value };
  if (typeof value === 'string' && value !== '')
    return isIsoDate(value) ? { valueDate: value } : { valueString: value };
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * One item per field, linkIds being the field paths ("patient.conditions.code"), so the intake's
 * extra fields (which the contract welcomes) travel too without a Questionnaire change. A list of
 * objects becomes repeated groups; a list of values, one item with several answers.
 */
function itemsOf(value: Record<string, unknown>, path: string): QuestionnaireResponseItem[] {
  const items: QuestionnaireResponseItem[] = [];
  for (const [key, v] of Object.entries(value)) {
    const linkId = path ? `${path}.${key}` : key;
    const list = Array.isArray(v) ? v : [v];
    const groups = list
      .filter(isRecord)
      .map((o) => ({ linkId, item: itemsOf(o, linkId) }))
      .filter((g) => g.item.length > 0);
    const answers = list.map(answerOf).filter((a): a is QuestionnaireAnswer => a !== undefined);
    items.push(...groups);
    if (answers.length) items.push({ linkId, answer: answers });
  }
  return items;
}

export function questionnaireResponseResource(intake: IntakeRecord): QuestionnaireResponse {
  return {
    resourceType: 'QuestionnaireResponse',
    id: fhirId(intake.id),
    questionnaire: localIdentifiers.intakeQuestionnaire,
    status: 'completed',
    subject: reference('Patient', intake.patientId),
    authored: fhirInstant(intake.createdAt),
    item: itemsOf(intake.data as unknown as Record<string, unknown>, ''),
  };
}
