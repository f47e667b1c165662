import type { ChartEntryRecord, CourseRecord, TreatmentSessionRecord } from '../records.js';
import { sessionEndMs } from '../record-index.js';
import { codingFor, localIdentifiers } from './code-maps.js';
import { fhirId, fhirInstant, fhirInstantFromMs, reference } from './fhir-references.js';
import type { Annotation, CodeableConcept, Procedure } from './fhir-types.js';

function bodySites(chart: ChartEntryRecord, course: CourseRecord | undefined): CodeableConcept[] {
  const areas = new Set(chart.points.map((p) => p.area));
  if (areas.size === 0 && course) areas.add(course.area);
  return [...areas].map((area) => ({ coding: [codingFor('body-site', area)], text: area }));
}

function pointSummary(chart: ChartEntryRecord): string | undefined {
  if (chart.points.length === 0) return undefined;
  const volume = chart.points.reduce((sum, p) => sum + (p.volumeMl ?? 0), 0);
  const depths = chart.points.map((p) => p.depthMm).filter((d): d is number => d !== null);
  const techniques = [...new Set(chart.points.map((p) => p.technique))].join(', ');
  const depth = depths.length ? `, depth ${Math.min(...depths)}-${Math.max(...depths)} mm` : '';
  return `${chart.points.length} injection points (${techniques}), ${Number(volume.toFixed(3))} ml in total${depth}.`;
}

const practitioner = (userId: string) => ({
  type: 'Practitioner',
  identifier: { system: localIdentifiers.user, value: userId },
});

/**
 * What the chart records beside the points and notes: a treatment despite temporary reasons (the
 * clinician's override, with why), values outside the plan the clinician confirmed, and the addenda
 * written since, oldest first. The chart itself never changes; addenda are how it is corrected.
 */
function gateNotes(chart: ChartEntryRecord): Annotation[] {
  const notes: Annotation[] = [];
  const override = chart.override;
  if (override)
    notes.push({
      text: `Treated despite ${override.reasons.join(', ')} (verdict ${override.verdict}), overridden by the clinician: ${override.reason}`,
      time: fhirInstant(override.at),
      ...(override.by ? { authorReference: practitioner(override.by) } : {}),
    });
  if (chart.outsidePlanConfirmed)
    notes.push({
      text: 'Depths or volumes outside the plan, confirmed by the clinician.',
      time: fhirInstant(chart.createdAt),
    });
  for (const addendum of chart.addenda ?? [])
    notes.push({
      text: `Addendum: ${addendum.text}`,
      time: fhirInstant(addendum.createdAt),
      ...(addendum.createdByName
        ? { authorString: addendum.createdByName }
        : addendum.createdBy
          ? { authorReference: practitioner(addendum.createdBy) }
          : {}),
    });
  return notes;
}

/** A charted session: what was done, where (bodySite), and with which lots (`lotIds`, each a Medication in the Bundle). */
export function procedureResource(
  chart: ChartEntryRecord,
  session: TreatmentSessionRecord,
  course: CourseRecord | undefined,
  lotIds: readonly string[],
): Procedure {
  const end = sessionEndMs(session);
  const notes: Annotation[] = [];
  const summary = pointSummary(chart);
  if (summary) notes.push({ text: summary });
  if (chart.notes) notes.push({ text: chart.notes, time: fhirInstant(chart.updatedAt) });
  notes.push(...gateNotes(chart));
  return {
    resourceType: 'Procedure',
    id: fhirId(chart.id),
    meta: { lastUpdated: fhirInstant(chart.updatedAt) },
    status: 'completed',
    code: { coding: [codingFor('procedure', 'mesotherapy')], text: 'Mesotherapy' },
    subject: reference('Patient', session.patientId),
    ...(course ? { basedOn: [reference('CarePlan', course.id)] } : {}),
    ...(end !== undefined
      ? { performedPeriod: { start: fhirInstant(session.scheduledAt), end: fhirInstantFromMs(end) } }
      : { performedDateTime: fhirInstant(session.scheduledAt) }),
    ...(session.practitionerId ? { performer: [{ actor: practitioner(session.practitionerId) }] } : {}),
    bodySite: bodySites(chart, course),
    ...(notes.length ? { note: notes } : {}),
    ...(lotIds.length ? { usedReference: lotIds.map((id) => reference('Medication', id)) } : {}),
    ...(chart.anaesthesiaUsed
      ? { usedCode: [{ text: chart.anaesthesiaAgent ? `Anaesthesia: ${chart.anaesthesiaAgent}` : 'Anaesthesia' }] }
      : {}),
  };
}
