import type { KnowledgeLibrary } from '../../core/knowledge/knowledge-library.js';
import {
  courseCalendarEntries,
  courseConfirmation,
  type CourseSessionBooked,
} from '../../core/messages/course-confirmation.js';
import type { TreatmentSessionRecord } from '../../core/records/index.js';
import { buildCalendar } from '../../interop/ical/build-calendar.js';
import type { AuditEvent } from '../../storage/repositories/audit-entries.js';
import type { Repositories } from '../../storage/repositories/repositories.js';
import type { MessageAttachment } from './message-channel.js';
import type { MessageSources } from './message-sources.js';
import type { MessagingSettings } from './messaging-settings.js';
import { queueMessage } from './queue-message.js';
import { messageOptions, sessionMessageInput } from './session-message-input.js';

/**
 * Queues the one confirmation of a course booked in one go (every session, one calendar file),
 * held by its earliest session; the sessions' own messages leave their confirmation out
 * (`scheduleSessionMessages` with `confirmation: 'none'`). Nothing for a patient without an email
 * address or a course no longer active. Returns the audit events for the caller's transaction.
 */
export async function scheduleCourseConfirmation(
  tx: Repositories,
  sessions: readonly TreatmentSessionRecord[],
  settings: MessagingSettings,
  knowledge: KnowledgeLibrary,
  options: { now: Date; sources: MessageSources },
): Promise<AuditEvent[]> {
  const { now, sources } = options;
  const planned = sessions
    .filter((s) => s.status === 'planned')
    .sort((a, b) => Date.parse(a.scheduledAt) - Date.parse(b.scheduledAt));
  const first = planned[0];
  if (!first) return [];
  const booked: CourseSessionBooked[] = [];
  // A course mostly keeps one practitioner and few rooms: each read once.
  const names = new Map<string, Promise<string | null>>();
  const nameOf = (key: string, read: () => Promise<{ displayName?: string; name?: string } | undefined>) => {
    let found = names.get(key);
    if (!found) {
      found = read().then((r) => r?.displayName ?? r?.name ?? null);
      names.set(key, found);
    }
    return found;
  };
  let firstInput;
  for (const session of planned) {
    const input = await sessionMessageInput(sources, session, settings, knowledge);
    if (!input || input.course.status !== 'active' || !input.patient.email) return [];
    firstInput ??= input;
    const { practitionerId, roomId } = session;
    booked.push({
      booked: input.booked,
      practitioner: practitionerId
        ? await nameOf(`user:${practitionerId}`, () => tx.users.findById(practitionerId))
        : null,
      room: roomId ? await nameOf(`room:${roomId}`, () => tx.availability.findRoom(roomId)) : null,
    });
  }
  if (!firstInput) return [];
  const message = courseConfirmation(booked, firstInput.plan, messageOptions(firstInput, settings, now));
  return queueMessage(tx, { sessionId: first.id, patient: firstInput.patient, channel: settings.channel }, message);
}

/** Whether a queued confirmation is a course's (its sessions' own confirmations then stay out). */
export const isCourseConfirmation = (message: { kind: string; fingerprint: string }): boolean =>
  message.kind === 'booking_confirmation' && courseCalendarEntries(message.fingerprint) !== null;

/** The files a message goes out with: a course confirmation's calendar, one event per session. */
export function messageAttachments(message: {
  kind: string;
  fingerprint: string;
  subject: string;
}): MessageAttachment[] {
  if (message.kind !== 'booking_confirmation') return [];
  const entries = courseCalendarEntries(message.fingerprint);
  if (!entries?.length) return [];
  const content = buildCalendar(
    message.subject,
    entries.map((e) => ({
      id: e.id,
      start: e.start,
      end: e.end,
      timeZone: e.timeZone,
      summary: e.summary,
      ...(e.location ? { location: e.location } : {}),
      // Fixed, so a retry of the same message carries the same file.
      updatedAt: e.start,
    })),
  );
  return [{ filename: 'sessions.ics', contentType: 'text/calendar; charset=utf-8', content }];
}
