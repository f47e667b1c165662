import type { TreatmentSessionRecord } from '../records.js';
import { sessionEndMs } from '../record-index.js';
import { codingFor, localIdentifiers } from './code-maps.js';
import { fhirId, fhirInstant, fhirInstantFromMs, reference } from './fhir-references.js';
import type { Appointment } from './fhir-types.js';

const statuses: Record<TreatmentSessionRecord['status'], Appointment['status']> = {
  planned: 'booked',
  done: 'fulfilled',
  cancelled: 'cancelled',
  no_show: 'noshow',
};

/**
 * Practitioners and locations are not exported as resources; they are named by mesodesk identifier
 * (a logical reference) so a receiver can still tell sessions with the same practitioner apart.
 */
export function appointmentResource(s: TreatmentSessionRecord, courseInBundle: boolean): Appointment {
  const end = sessionEndMs(s);
  const participant: Appointment['participant'] = [
    { actor: reference('Patient', s.patientId), required: 'required', status: 'accepted' },
  ];
  if (s.practitionerId)
    participant.push({
      actor: { type: 'Practitioner', identifier: { system: localIdentifiers.user, value: s.practitionerId } },
      required: 'required',
      status: 'accepted',
    });
  if (s.locationId)
    participant.push({
      actor: { type: 'Location', identifier: { system: localIdentifiers.location, value: s.locationId } },
      status: 'accepted',
    });
  return {
    resourceType: 'Appointment',
    id: fhirId(s.id),
    meta: { lastUpdated: fhirInstant(s.updatedAt) },
    status: statuses[s.status],
    serviceType: [{ coding: [codingFor('procedure', 'mesotherapy')], text: 'Mesotherapy' }],
    start: fhirInstant(s.scheduledAt),
    ...(end !== undefined ? { end: fhirInstantFromMs(end) } : {}),
    ...(s.durationMinutes !== null && s.durationMinutes > 0 ? { minutesDuration: s.durationMinutes } : {}),
    created: fhirInstant(s.createdAt),
    ...(courseInBundle ? { supportingInformation: [reference('CarePlan', s.courseId)] } : {}),
    participant,
  };
}
