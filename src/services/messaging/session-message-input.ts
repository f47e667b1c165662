import type { KnowledgeLibrary } from '../../core/knowledge/knowledge-library.js';
import { planInLanguage } from '../../core/localization/plan-in-language.js';
import { takesBloodThinner } from '../../core/messages/blood-thinner-safety.js';
import { lateSignsNotice, type LateSignsNotice } from '../../core/messages/late-signs-notice.js';
import type { TemplateLanguage } from '../../core/messages/message-templates.js';
import type { BookedSession, MessageOptions, MessagePlan } from '../../core/messages/message-types.js';
import type { CourseRecord, PatientRecord, TreatmentSessionRecord } from '../../core/records/index.js';
import { clinicWording, messageLanguage, messageLocale, type ClinicMessaging } from './clinic-messaging.js';
import type { MessageSources } from './message-sources.js';
import type { MessagingSettings } from './messaging-settings.js';

/** What the core writes a session's messages from (src/core/messages), with the records behind it. */
export interface SessionMessageInput {
  booked: BookedSession;
  /** The course's plan in the message's language (knowledge-base texts only; see `planInLanguage`). */
  plan: MessagePlan;
  /** The patient's language, in which the message is written (clinic-messaging.ts `messageLanguage`). */
  language: TemplateLanguage;
  /** The knowledge base's late signs, in that language. */
  lateSigns: LateSignsNotice;
  course: CourseRecord;
  patient: PatientRecord;
  messaging: ClinicMessaging;
  /** The clinic's timing and wording, for `planSessionMessages` (`messageOptions` adds the rest). */
  clinicOptions: Pick<MessageOptions, 'timing' | 'wording'>;
}

/**
 * Reads what a session's messages are written from: the course's plan, the patient (first name,
 * email, medicines), the clinic's name and its wording of messages, and the place and zone of the
 * session. Undefined when the course or patient is gone. `email` is '' for a patient without an
 * address (who gets no messages; a preview still shows what they would read). The message is in the
 * patient's language (or `language`, for a preview): the clinic's texts in it, dates in its
 * locale, and the knowledge base's texts from `knowledge` in it.
 */
export async function sessionMessageInput(
  sources: MessageSources,
  session: TreatmentSessionRecord,
  settings: MessagingSettings,
  knowledge: KnowledgeLibrary,
  options: { language?: TemplateLanguage } = {},
): Promise<SessionMessageInput | undefined> {
  const course = await sources.course(session.courseId);
  const patient = await sources.patient(session.patientId);
  if (!course || !patient) return undefined;
  const clinic = await sources.clinic(patient.clinicId);
  // A session without a location is still in the clinic's zone: its first location's.
  const location = session.locationId
    ? await sources.location(session.locationId)
    : await sources.firstLocation(patient.clinicId);
  const medications = await sources.medications(patient.id, course.assessmentId);
  const messaging = await sources.messaging(patient.clinicId);
  const language = options.language ?? messageLanguage(messaging, patient);

  const booked: BookedSession = {
    id: session.id,
    start: session.scheduledAt,
    durationMinutes: session.durationMinutes ?? course.plan.durationMinutes.max,
    timeZone: location?.timeZone ?? 'UTC',
    locale: messageLocale(language, settings),
    clinicName: clinic?.name ?? '',
    place: session.locationId && location ? [location.name, location.address].filter(Boolean).join(', ') : null,
    patient: { firstName: patient.firstName, email: patient.email ?? '', ...(medications ? { medications } : {}) },
    numbingCream: course.plan.anaesthesia.creamOffered,
  };
  // Medicines known: the instructions are decided on their English again, as the core's rules read it.
  const bloodThinner = medications ? { bloodThinner: takesBloodThinner(medications) } : {};
  return {
    booked,
    plan: planInLanguage(course.plan, knowledge, language, bloodThinner),
    language,
    lateSigns: lateSignsNotice(knowledge.for(language), language),
    course,
    patient,
    messaging,
    clinicOptions: { timing: messaging.timing, wording: clinicWording(messaging, language) },
  };
}

/** What the core plans `input`'s messages with: the clinic's timing and wording, the link base and the late signs. */
export function messageOptions(
  input: Pick<SessionMessageInput, 'clinicOptions' | 'lateSigns'>,
  settings: MessagingSettings,
  now: Date,
): MessageOptions {
  return { now, baseUrl: settings.baseUrl, lateSigns: input.lateSigns, ...input.clinicOptions };
}
