import type { PatientRecord } from '../records.js';
import { localIdentifiers } from './code-maps.js';
import { fhirId, fhirInstant } from './fhir-references.js';
import type { Patient } from './fhir-types.js';

export function patientResource(p: PatientRecord): Patient {
  const telecom: NonNullable<Patient['telecom']> = [];
  if (p.phone) telecom.push({ system: 'phone', value: p.phone });
  if (p.email) telecom.push({ system: 'email', value: p.email });
  return {
    resourceType: 'Patient',
    id: fhirId(p.id),
    meta: { lastUpdated: fhirInstant(p.updatedAt) },
    identifier: [{ system: localIdentifiers.patient, value: p.id }],
    name: [{ family: p.lastName, given: [p.firstName], text: `${p.firstName} ${p.lastName}` }],
    ...(telecom.length ? { telecom } : {}),
    // FHIR's administrative gender has exactly the contract's four values.
    gender: p.sex,
    birthDate: p.birthDate,
  };
}
