import type { Patient as IntakePatient, Medication } from '../../core/assessment/intake-schema.js';
import { medicationClassCoding } from './code-maps.js';
import { fhirId, reference } from './fhir-references.js';
import type { MedicationStatement } from './fhir-types.js';

/** `ongoing` is "still taking it"; a last dose alone means the course is over. */
function statusOf(m: Medication): MedicationStatement['status'] {
  if (m.ongoing === true) return 'active';
  return m.lastDose ? 'completed' : 'unknown';
}

export function medicationStatementResources(
  intakeId: string,
  patientId: string,
  recordedAt: string,
  p: IntakePatient,
): MedicationStatement[] {
  return p.medications.map((m, i) => {
    const coding = medicationClassCoding(m.class, m.name);
    const name = m.name?.trim();
    return {
      resourceType: 'MedicationStatement',
      id: fhirId(`${intakeId}-m${i}`),
      status: statusOf(m),
      medicationCodeableConcept: { coding: [coding], ...(name ? { text: name } : {}) },
      subject: reference('Patient', patientId),
      ...(m.lastDose ? { effectiveDateTime: m.lastDose } : {}),
      dateAsserted: recordedAt,
    };
  });
}
