import type { ChartEntryRecord, OutcomeRecord, TreatmentSessionRecord } from '../records.js';
import { codingFor, fhirTerminology } from './code-maps.js';
import { fhirId, fhirInstant, reference } from './fhir-references.js';
import type { Observation } from './fhir-types.js';

/** One Observation per session outcome, a component per rating given; part of the charted procedure. */
export function outcomeObservation(
  outcome: OutcomeRecord,
  session: TreatmentSessionRecord,
  chart: ChartEntryRecord | undefined,
): Observation {
  const component: NonNullable<Observation['component']> = [];
  if (outcome.patientRating !== null)
    component.push({
      code: { coding: [codingFor('observation', 'patient-rating')] },
      valueInteger: outcome.patientRating,
    });
  if (outcome.practitionerRating !== null)
    component.push({
      code: { coding: [codingFor('observation', 'practitioner-rating')] },
      valueInteger: outcome.practitionerRating,
    });
  return {
    resourceType: 'Observation',
    id: fhirId(outcome.id),
    meta: { lastUpdated: fhirInstant(outcome.updatedAt) },
    status: 'final',
    category: [{ coding: [{ system: fhirTerminology.observationCategory, code: 'survey' }] }],
    code: { coding: [codingFor('observation', 'treatment-outcome')], text: 'Treatment outcome rating' },
    subject: reference('Patient', session.patientId),
    ...(chart ? { partOf: [reference('Procedure', chart.id)] } : {}),
    effectiveDateTime: fhirInstant(session.scheduledAt),
    issued: fhirInstant(outcome.updatedAt),
    ...(component.length ? { component } : {}),
    ...(outcome.notes ? { note: [{ text: outcome.notes }] } : {}),
  };
}
