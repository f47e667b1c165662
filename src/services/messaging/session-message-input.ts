import type { KnowledgeBase } from '../../core/knowledge/knowledge-base.js';
import { lateSignsNotice } from '../../core/messages/late-signs-notice.js';
import type { BookedSession, MessageOptions, MessagePlan } from '../../core/messages/message-types.js';
import type { CourseRecord, PatientRecord, TreatmentSessionRecord } from '../../core/records/index.js';
import { clinicWording, messageLocale, type ClinicMessaging } from './clinic-messaging.js';
import type { MessageSources } from './message-sources.js';
import type { MessagingSettings } from './messaging-settings.js';

/** What the core writes a session's messages from (src/core/messages), with the records behind it. */
export interface SessionMessageInput {
  booked: BookedSession;
  plan: MessagePlan;
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
 * address (who gets no messages; a preview still shows what they would read).
 */
export async function sessionMessageInput(
  sources: MessageSources,
  session: TreatmentSessionRecord,
  settings: MessagingSettings,
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

  const booked: BookedSession = {
    id: session.id,
    start: session.scheduledAt,
    durationMinutes: session.durationMinutes ?? course.plan.durationMinutes.max,
    timeZone: location?.timeZone ?? 'UTC',
    locale: messageLocale(messaging.language, settings),
    clinicName: clinic?.name ?? '',
    place: session.locationId && location ? [location.name, location.address].filter(Boolean).join(', ') : null,
    patient: { firstName: patient.firstName, email: patient.email ?? '', ...(medications ? { medications } : {}) },
    numbingCream: course.plan.anaesthesia.creamOffered,
  };
  return {
    booked,
    plan: course.plan,
    course,
    patient,
    messaging,
    clinicOptions: { timing: messaging.timing, wording: clinicWording(messaging) },
  };
}

/** What the core plans `input`'s messages with: the clinic's timing and wording, the link base and the late signs. */
export function messageOptions(
  input: Pick<SessionMessageInput, 'clinicOptions'>,
  settings: MessagingSettings,
  knowledge: KnowledgeBase,
  now: Date,
): MessageOptions {
  return { now, baseUrl: settings.baseUrl, lateSigns: lateSignsNotice(knowledge), ...input.clinicOptions };
}
