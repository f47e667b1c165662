import type { PatientCondition } from '../../core/assessment/intake-schema.js';
import {
  codeMap,
  conditionFromCoding,
  fhirTerminology,
  localExtensions,
  pregnancyStatus,
  SNOMED,
} from './code-maps.js';
import { datePart } from './bundle-index.js';
import type { FhirConcept, ImportedCondition, ImportedObservation } from './import-schemas.js';

export type ConditionImport =
  | { kind: 'condition'; condition: PatientCondition }
  | { kind: 'state'; state: 'pregnant' | 'breastfeeding'; value: boolean }
  | { kind: 'unmapped'; reason: string };

const stateCodes = new Map(
  codeMap
    .filter((r) => r.table === 'condition' && (r.key === 'pregnancy' || r.key === 'breastfeeding'))
    .map((r) => [r.coding.code, r.key === 'pregnancy' ? 'pregnant' : 'breastfeeding'] as const),
);

function statusCode(concept: FhirConcept | undefined, system: string): string | undefined {
  return concept?.coding?.find((c) => c.system === system)?.code;
}

function describe(concept: FhirConcept | undefined): string {
  const c = concept?.coding?.[0];
  const text = concept?.text ?? c?.display;
  return c ? `${c.system ?? 'no system'} ${c.code ?? ''}${text ? ` (${text})` : ''}` : (text ?? 'no code');
}

/** Resolved, inactive or in remission: no longer active. Absent: not stated, as in the intake. */
function activeOf(c: ImportedCondition): boolean | undefined {
  const code = statusCode(c.clinicalStatus, fhirTerminology.conditionClinical);
  if (code === undefined) return undefined;
  return code === 'active' || code === 'recurrence' || code === 'relapse';
}

function flags(c: ImportedCondition): Pick<PatientCondition, 'controlled' | 'insulinDependent' | 'medicationCount'> {
  const ext = (url: string) => c.extension?.find((e) => e.url === url);
  const out: Pick<PatientCondition, 'controlled' | 'insulinDependent' | 'medicationCount'> = {};
  const controlled = ext(localExtensions.controlled)?.valueBoolean;
  const insulin = ext(localExtensions.insulinDependent)?.valueBoolean;
  const count = ext(localExtensions.medicationCount)?.valueInteger;
  if (controlled !== undefined) out.controlled = controlled;
  if (insulin !== undefined) out.insulinDependent = insulin;
  if (count !== undefined && Number.isInteger(count) && count >= 0) out.medicationCount = count;
  return out;
}

export function importCondition(c: ImportedCondition): ConditionImport {
  const verification = statusCode(c.verificationStatus, fhirTerminology.conditionVerification);
  if (verification === 'entered-in-error') return { kind: 'unmapped', reason: 'entered in error' };
  const snomed = c.code?.coding?.find((k) => k.system === SNOMED && k.code !== undefined && stateCodes.has(k.code));
  if (snomed?.code) {
    const state = stateCodes.get(snomed.code);
    const clinical = statusCode(c.clinicalStatus, fhirTerminology.conditionClinical);
    const over = clinical === 'inactive' || clinical === 'resolved' || clinical === 'remission';
    if (state) return { kind: 'state', state, value: verification !== 'refuted' && !over };
  }
  if (verification === 'refuted') return { kind: 'unmapped', reason: `refuted: ${describe(c.code)} was ruled out` };
  const mapped = c.code?.coding?.map(conditionFromCoding).find((m) => m !== undefined);
  if (!mapped) return { kind: 'unmapped', reason: `no mesodesk condition for ${describe(c.code)}` };
  const condition: PatientCondition = { code: mapped.code, ...flags(c) };
  if (mapped.insulinDependent && condition.insulinDependent === undefined) condition.insulinDependent = true;
  const active = activeOf(c);
  if (active !== undefined) condition.active = active;
  const date = datePart(c.onsetDateTime);
  if (date) condition.date = date;
  return { kind: 'condition', condition };
}

/** The IPS pregnancy-status Observation; undefined when the Observation is about something else. */
export function importPregnancyObservation(o: ImportedObservation): ConditionImport | undefined {
  const isStatus = o.code?.coding?.some(
    (c) => c.system === pregnancyStatus.code.system && c.code === pregnancyStatus.code.code,
  );
  if (!isStatus) return undefined;
  if (o.status === 'entered-in-error' || o.status === 'cancelled')
    return { kind: 'unmapped', reason: `pregnancy status ${o.status}` };
  const value = o.valueCodeableConcept?.coding?.find((c) => c.system === SNOMED)?.code;
  if (value === pregnancyStatus.pregnant) return { kind: 'state', state: 'pregnant', value: true };
  if (value === pregnancyStatus.notPregnant) return { kind: 'state', state: 'pregnant', value: false };
  return { kind: 'unmapped', reason: `pregnancy status answer not understood: ${describe(o.valueCodeableConcept)}` };
}
