import type { KnowledgeLibrary } from '../../core/knowledge/knowledge-library.js';
import { planInLanguage } from '../../core/localization/plan-in-language.js';
import { treatmentSummaryPdf } from '../../interop/index.js';
import type { CourseRecord } from '../../core/records/index.js';
import type { Repositories } from '../../storage/repositories/repositories.js';
import type { MadeDocument } from './aftercare-document.js';
import { clinicLetterhead } from './clinic-letterhead.js';
import { clinicTimeZone } from './clinic-zone.js';
import { withoutClinicianNotes } from './clinician-notes.js';
import { documentCodeNames, documentWords, type DocumentLanguage } from './document-language.js';
import { loadPatientRecordGroup } from './record-groups.js';

/**
 * One course's treatment summary, in the time zone where its sessions took place; its sources named by
 * their titles in the knowledge base. For the patient's own reading (`forPatient`) the clinicians'
 * notes are left out, as the API leaves them out of the patient's charts and outcomes. The plan's
 * knowledge-base texts (the mixture, its ingredients, the anaesthetic) and names are in the
 * summary's language.
 */
export async function summaryDocument(
  repos: Repositories,
  course: CourseRecord,
  language: DocumentLanguage,
  library: KnowledgeLibrary,
  options: { forPatient?: boolean; now?: Date } = {},
): Promise<MadeDocument> {
  const now = options.now ?? new Date();
  const patient = await repos.patients.findById(course.patientId);
  if (!patient) throw new Error(`course ${course.id} has lost its patient`);
  const all = await loadPatientRecordGroup(repos, patient);
  const kept = options.forPatient ? withoutClinicianNotes(all) : all;
  const records = {
    ...kept,
    courses: kept.courses.map((c) => ({ ...c, plan: planInLanguage(c.plan, library, language) })),
  };
  const knowledge = library.for(language);
  const firstSession = records.sessions.find((s) => s.courseId === course.id);
  const [clinic, timeZone] = await Promise.all([
    clinicLetterhead(repos, patient.clinicId, firstSession?.locationId),
    clinicTimeZone(repos, patient.clinicId, firstSession?.locationId),
  ]);
  const words = documentWords(language);
  const pdf = await treatmentSummaryPdf({
    clinic,
    records,
    courseId: course.id,
    sources: knowledge.data.sources.sources,
    names: documentCodeNames(language, knowledge),
    timeZone,
    locale: words.locale,
    labels: words.summary,
    createdAt: now,
  });
  return { pdf, patient };
}
