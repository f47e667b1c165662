import type { KnowledgeLibrary } from '../../core/knowledge/knowledge-library.js';
import { instructionsIn } from '../../core/localization/instructions-in-language.js';
import { takesBloodThinner } from '../../core/messages/blood-thinner-safety.js';
import { lateSignsNotice } from '../../core/messages/late-signs-notice.js';
import { aftercareSheetPdf } from '../../interop/index.js';
import { patientMedications } from '../messaging/patient-medications.js';
import type { PatientRecord, TreatmentSessionRecord } from '../../core/records/index.js';
import type { Repositories } from '../../storage/repositories/repositories.js';
import { clinicLetterhead } from './clinic-letterhead.js';
import { clinicTimeZone } from './clinic-zone.js';
import { documentWords, type DocumentLanguage } from './document-language.js';
import { DocumentUnavailableError } from './document-unavailable.js';

export interface MadeDocument {
  pdf: Buffer;
  /** Whose records went into it, for the audit trail. */
  patient: PatientRecord;
}

/** The portal page that shows the patient's running aftercare (the web app's /portal/aftercare). */
export function portalAftercareUrl(baseUrl: string): string {
  return new URL('/portal/aftercare', baseUrl).toString();
}

function bookedEndMs(session: TreatmentSessionRecord): number | undefined {
  return session.durationMinutes === null
    ? undefined
    : Date.parse(session.scheduledAt) + session.durationMinutes * 60_000;
}

/**
 * The patient's aftercare sheet for one session, in the time zone of the session's location. The
 * countdown starts at the later of the booked end and the charting: a later start only lengthens
 * the restrictions, which errs on the patient's side when the chart was written during the session.
 * The knowledge base gives the late signs to watch for; the patient's intakes say whether they take a
 * prescribed blood thinner (then the sheet has no "avoid aspirin", only "keep taking"). Its sources
 * are named by their titles in sources.yaml. The knowledge base's texts are in the sheet's language
 * (the instructions decided on their English: see `instructionsIn`).
 */
export async function aftercareDocument(
  repos: Repositories,
  session: TreatmentSessionRecord,
  language: DocumentLanguage,
  library: KnowledgeLibrary,
  options: { now?: Date; portalBaseUrl?: string } = {},
): Promise<MadeDocument> {
  const now = options.now ?? new Date();
  if (session.status === 'cancelled' || session.status === 'no_show')
    throw new DocumentUnavailableError(
      'session_not_held',
      `the session was ${session.status === 'no_show' ? 'a no-show' : 'cancelled'}: there is no aftercare to give`,
    );
  const [course, patient, chart] = await Promise.all([
    repos.courses.findById(session.courseId),
    repos.patients.findById(session.patientId),
    repos.charts.findBySession(session.id),
  ]);
  if (!course || !patient) throw new Error(`session ${session.id} has lost its course or patient`);
  const booked = bookedEndMs(session);
  const charted = chart ? Date.parse(chart.createdAt) : undefined;
  if (booked === undefined && charted === undefined)
    throw new DocumentUnavailableError(
      'session_length_unknown',
      'the session has no booked length and is not charted, so the aftercare countdown has no start; set its length or chart it first',
    );
  const endedMs = Math.max(booked ?? -Infinity, charted ?? -Infinity);
  const [clinic, timeZone, medications] = await Promise.all([
    clinicLetterhead(repos, patient.clinicId, session.locationId),
    clinicTimeZone(repos, patient.clinicId, session.locationId),
    patientMedications(repos, patient.id, course.assessmentId),
  ]);
  const words = documentWords(language);
  const knowledge = library.for(language);
  const forArea = course.plan.aftercare.filter((item) => !item.areas || item.areas.includes(course.area));
  const bloodThinner = medications ? takesBloodThinner(medications) : undefined;
  const pdf = await aftercareSheetPdf({
    clinic,
    ...(options.portalBaseUrl ? { portalUrl: portalAftercareUrl(options.portalBaseUrl) } : {}),
    patient,
    session,
    endedAt: new Date(endedMs).toISOString(),
    aftercare: instructionsIn(forArea, 'aftercare', library, language, bloodThinner),
    lateSigns: lateSignsNotice(knowledge),
    sources: knowledge.data.sources.sources,
    ...(medications ? { medications } : {}),
    timeZone,
    locale: words.locale,
    labels: words.aftercare,
    createdAt: now,
  });
  return { pdf, patient };
}
