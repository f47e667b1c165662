import { DataUrlError } from '../data-url.js';
import { compareSessions, indexRecords, latestIntake, lotIdsOfChart } from '../record-index.js';
import type { PatientRecordGroup, TreatmentSessionRecord } from '../records.js';
import { adverseEventResource } from './adverse-event-resource.js';
import { allergyResources } from './allergy-resources.js';
import { appointmentResource } from './appointment-resource.js';
import { auditEventResource } from './audit-event-resource.js';
import { carePlanResource } from './care-plan-resource.js';
import { conditionResources } from './condition-resources.js';
import { consentResources } from './consent-resources.js';
import { DEFAULT_FHIR_BASE, type FhirExportOptions } from './export-options.js';
import { fhirInstant, fullUrl } from './fhir-references.js';
import type { BundleEntry, ExportedResource, Medication } from './fhir-types.js';
import { medicationResource } from './medication-resource.js';
import { medicationStatementResources } from './medication-statement-resources.js';
import { outcomeObservation } from './outcome-observation.js';
import { patientResource } from './patient-resource.js';
import { procedureResource } from './procedure-resource.js';
import { questionnaireResponseResource } from './questionnaire-response.js';

export interface EntryContext {
  /**
   * Lot ids whose Medication is already in the Bundle. A whole-clinic export shares one set across
   * patients, because a Bundle may hold each fullUrl once and lots are shared.
   */
  emittedLots: Set<string>;
}

/**
 * Every resource for one patient. Conditions, allergies and medicines come from the newest intake
 * (the patient's current state); every intake version is kept as a QuestionnaireResponse.
 */
export function patientResources(
  group: PatientRecordGroup,
  options: FhirExportOptions,
  context: EntryContext,
): ExportedResource[] {
  const index = indexRecords(group);
  const patientId = group.patient.id;
  const out: ExportedResource[] = [patientResource(group.patient)];

  const intake = latestIntake(group.intakes);
  if (intake) {
    const recordedAt = fhirInstant(intake.createdAt);
    const facts = intake.data.patient;
    out.push(...conditionResources(intake.id, patientId, recordedAt, facts));
    out.push(...allergyResources(intake.id, patientId, recordedAt, facts));
    out.push(...medicationStatementResources(intake.id, patientId, recordedAt, facts));
  }
  for (const i of [...group.intakes].sort((a, b) => a.version - b.version)) out.push(questionnaireResponseResource(i));

  const medications: Medication[] = [];
  const addLot = (lotId: string) => {
    if (context.emittedLots.has(lotId)) return;
    const lot = index.lots.get(lotId);
    if (!lot) {
      options.onSkipped?.({
        resourceType: 'Medication',
        id: lotId,
        reason: 'lot used in a chart but not among the loaded lots',
      });
      return;
    }
    context.emittedLots.add(lotId);
    medications.push(medicationResource(lot, index.products.get(lot.productId)));
  };
  for (const chart of group.chartEntries) for (const p of chart.points) if (p.lotId) addLot(p.lotId);
  out.push(...medications);
  // Only lots whose Medication is in the Bundle are referenced, so no reference dangles.
  const lotsOf = (sessionId: string) =>
    lotIdsOfChart(index.chartBySession.get(sessionId)).filter((id) => context.emittedLots.has(id));

  for (const course of group.courses) out.push(carePlanResource(course, index.sessionsByCourse.get(course.id) ?? []));
  for (const s of [...group.sessions].sort(compareSessions))
    out.push(appointmentResource(s, index.courses.has(s.courseId)));

  // A record whose session was not loaded would point at a session the Bundle lacks: it is left out, and said so.
  const perSession = <R extends { id: string; sessionId: string }>(
    records: readonly R[],
    resourceType: string,
    what: string,
    resource: (record: R, session: TreatmentSessionRecord) => ExportedResource,
  ) => {
    for (const record of records) {
      const session = index.sessions.get(record.sessionId);
      if (session) out.push(resource(record, session));
      else options.onSkipped?.({ resourceType, id: record.id, reason: `${what} of a session that was not loaded` });
    }
  };
  perSession(group.chartEntries, 'Procedure', 'chart entry', (chart, session) =>
    procedureResource(chart, session, index.courses.get(session.courseId), lotsOf(session.id)),
  );
  perSession(group.sideEffects, 'AdverseEvent', 'side effect', (report, session) =>
    adverseEventResource(report, session, index.chartBySession.get(session.id), lotsOf(session.id)),
  );
  perSession(group.outcomes, 'Observation', 'outcome', (outcome, session) =>
    outcomeObservation(outcome, session, index.chartBySession.get(session.id)),
  );
  for (const signature of group.consentSignatures) {
    const text = index.consentTexts.get(signature.consentTextId);
    if (!text) {
      options.onSkipped?.({ resourceType: 'Consent', id: signature.id, reason: 'signed consent text was not loaded' });
      continue;
    }
    try {
      out.push(...consentResources(signature, text));
    } catch (error) {
      if (!(error instanceof DataUrlError)) throw error;
      // The signed text and the signing are still worth exporting without the picture.
      out.push(...consentResources({ ...signature, signatureImage: null }, text));
      options.onSkipped?.({ resourceType: 'Provenance', id: `${signature.id}-signature`, reason: error.message });
    }
  }
  if (options.includeAudit) for (const a of group.audit ?? []) out.push(auditEventResource(a, patientId));
  return out;
}

export function toEntries(resources: readonly ExportedResource[], options: FhirExportOptions): BundleEntry[] {
  const base = options.baseUrl ?? DEFAULT_FHIR_BASE;
  return resources.map((resource) => ({ fullUrl: fullUrl(base, resource.resourceType, resource.id), resource }));
}
