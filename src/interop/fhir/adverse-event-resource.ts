import type { ChartEntryRecord, SideEffectReportRecord, TreatmentSessionRecord } from '../records.js';
import { fhirTerminology } from './code-maps.js';
import { fhirId, fhirInstant, reference } from './fhir-references.js';
import type { AdverseEvent } from './fhir-types.js';
import { reportedSymptoms } from '../reported-symptoms.js';

const severities = new Set(['mild', 'moderate', 'severe']);

/**
 * The suspects are the charted procedure and every lot injected in that session: which of the
 * lots caused it is unknown, and a recall needs to find the event from any of them.
 */
export function adverseEventResource(
  report: SideEffectReportRecord,
  session: TreatmentSessionRecord,
  chart: ChartEntryRecord | undefined,
  lotIds: readonly string[],
): AdverseEvent {
  const severity = report.severity?.trim().toLowerCase();
  const suspects = [
    ...(chart ? [{ instance: reference('Procedure', chart.id) }] : []),
    ...lotIds.map((id) => ({ instance: reference('Medication', id) })),
  ];
  return {
    resourceType: 'AdverseEvent',
    id: fhirId(report.id),
    actuality: 'actual',
    event: { text: reportedSymptoms(report) },
    subject: reference('Patient', session.patientId),
    date: fhirInstant(report.onset ?? report.createdAt),
    recordedDate: fhirInstant(report.createdAt),
    ...(severity && severities.has(severity)
      ? { severity: { coding: [{ system: fhirTerminology.adverseEventSeverity, code: severity }], text: severity } }
      : {}),
    ...(suspects.length ? { suspectEntity: suspects } : {}),
  };
}
