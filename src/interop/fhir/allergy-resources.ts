import type { Patient as IntakePatient } from '../../core/assessment/intake-schema.js';
import { codingFor, fhirTerminology } from './code-maps.js';
import { fhirId, reference } from './fhir-references.js';
import type { AllergyIntolerance } from './fhir-types.js';

/**
 * Substances are matched to knowledge-base ingredients by name when assessed, so the words
 * themselves are the payload (`code.text`); the local coding is added only for a code-like value.
 */
export function allergyResources(
  intakeId: string,
  patientId: string,
  recordedAt: string,
  p: IntakePatient,
): AllergyIntolerance[] {
  return p.allergies.map((a, i) => ({
    resourceType: 'AllergyIntolerance',
    id: fhirId(`${intakeId}-a${i}`),
    clinicalStatus: { coding: [{ system: fhirTerminology.allergyClinical, code: 'active' }] },
    // Reported by the patient at intake, not tested.
    verificationStatus: { coding: [{ system: fhirTerminology.allergyVerification, code: 'unconfirmed' }] },
    code: {
      ...(/^[a-z0-9_]+$/.test(a.substance) ? { coding: [codingFor('substance', a.substance)] } : {}),
      text: a.substance,
    },
    patient: reference('Patient', patientId),
    recordedDate: recordedAt,
  }));
}
