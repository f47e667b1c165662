import type { Patient as IntakePatient, PatientCondition } from '../../core/assessment/intake-schema.js';
import { codingFor, conditionCoding, fhirTerminology, localExtensions } from './code-maps.js';
import { fhirId, reference } from './fhir-references.js';
import type { CodeableConcept, Condition, Extension } from './fhir-types.js';

const status = (system: string, code: string): CodeableConcept => ({ coding: [{ system, code }] });

/**
 * `active` is the contract's flag for cancer; clinical status is written only when the intake says
 * something, because "history of stroke" is neither clearly active nor resolved.
 */
function clinicalStatus(c: PatientCondition): CodeableConcept | undefined {
  if (c.active === undefined) return undefined;
  return status(
    fhirTerminology.conditionClinical,
    c.active ? 'active' : c.code === 'cancer' ? 'remission' : 'inactive',
  );
}

function flagExtensions(c: PatientCondition): Extension[] {
  const ext: Extension[] = [];
  if (c.controlled !== undefined) ext.push({ url: localExtensions.controlled, valueBoolean: c.controlled });
  if (c.insulinDependent !== undefined)
    ext.push({ url: localExtensions.insulinDependent, valueBoolean: c.insulinDependent });
  if (c.medicationCount !== undefined)
    ext.push({ url: localExtensions.medicationCount, valueInteger: c.medicationCount });
  return ext;
}

function conditionResource(id: string, patientId: string, recordedDate: string, c: PatientCondition): Condition {
  const coding = conditionCoding(c.code, c.insulinDependent);
  const ext = flagExtensions(c);
  const clinical = clinicalStatus(c);
  return {
    resourceType: 'Condition',
    id: fhirId(id),
    ...(ext.length ? { extension: ext } : {}),
    ...(clinical ? { clinicalStatus: clinical } : {}),
    verificationStatus: status(fhirTerminology.conditionVerification, 'confirmed'),
    code: { coding: [coding], text: c.code },
    subject: reference('Patient', patientId),
    ...(c.date ? { onsetDateTime: c.date } : {}),
    recordedDate,
  };
}

/** Pregnancy and breastfeeding are yes/no facts: "no" is a refuted Condition, so it survives a round trip. */
function stateResource(
  id: string,
  patientId: string,
  recordedDate: string,
  key: 'pregnancy' | 'breastfeeding',
  value: boolean,
): Condition {
  const coding = codingFor('condition', key);
  return {
    resourceType: 'Condition',
    id: fhirId(id),
    ...(value ? { clinicalStatus: status(fhirTerminology.conditionClinical, 'active') } : {}),
    verificationStatus: status(fhirTerminology.conditionVerification, value ? 'confirmed' : 'refuted'),
    code: { coding: [coding], text: key },
    subject: reference('Patient', patientId),
    recordedDate,
  };
}

/** The intake's conditions, plus pregnancy and breastfeeding when the intake states them. Ids derive from the intake's. */
export function conditionResources(
  intakeId: string,
  patientId: string,
  recordedAt: string,
  p: IntakePatient,
): Condition[] {
  const out = p.conditions.map((c, i) => conditionResource(`${intakeId}-c${i}`, patientId, recordedAt, c));
  if (p.pregnant !== undefined)
    out.push(stateResource(`${intakeId}-pregnancy`, patientId, recordedAt, 'pregnancy', p.pregnant));
  if (p.breastfeeding !== undefined)
    out.push(stateResource(`${intakeId}-breastfeeding`, patientId, recordedAt, 'breastfeeding', p.breastfeeding));
  return out;
}
