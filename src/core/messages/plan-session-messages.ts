import { aftercareMessage } from './aftercare-message.js';
import { checkInMessage } from './check-in-message.js';
import { confirmationMessage } from './confirmation-message.js';
import { dayBeforeReminder } from './day-before-reminder.js';
import { addHours } from './local-clock.js';
import { messageContext } from './message-context.js';
import type {
  BookedSession,
  MessageKind,
  MessageOptions,
  MessagePlan,
  MessageText,
  PlannedMessage,
} from './message-types.js';
import { preparationReminder } from './preparation-reminder.js';

/** The check-in asks about side effects once the usual first reactions have had time to show. */
export const checkInAfterHours = 48;

interface Candidate {
  kind: MessageKind;
  dueMs: number;
  text: () => MessageText;
}

/**
 * The messages a booked session needs, each with the instant it is due, soonest first:
 *
 * - booking confirmation: now;
 * - preparation reminder: when the plan's preparation window opens (its longest item, a week);
 * - day-before reminder: the same local clock time the calendar day before;
 * - aftercare: at the end of the session, with each instruction's end in local clock time;
 * - check-in: 48 hours after the end, with the link to report a side effect.
 *
 * A message due before `now` is left out (it could no longer arrive in time), except the
 * confirmation, which then carries the preparation advice itself. Throws RangeError on a bad
 * start, duration, zone or locale.
 */
export function planSessionMessages(
  session: BookedSession,
  plan: MessagePlan,
  options: MessageOptions,
): PlannedMessage[] {
  const ctx = messageContext(session, plan, options);
  const nowMs = options.now.getTime();
  if (Number.isNaN(nowMs)) throw new RangeError('now is not a valid date');
  const { advice, clock, startMs, endMs } = ctx;
  const fingerprint = sessionFingerprint(session, startMs, endMs);

  const preparationDue = advice.beforehand.length ? addHours(startMs, -advice.leadHours) : null;
  const remindLater = preparationDue !== null && preparationDue >= nowMs;
  const candidates: Candidate[] = [
    {
      kind: 'booking_confirmation',
      dueMs: nowMs,
      text: () => confirmationMessage(ctx, !remindLater && startMs > nowMs),
    },
    ...(preparationDue === null
      ? []
      : [{ kind: 'preparation_reminder' as const, dueMs: preparationDue, text: () => preparationReminder(ctx) }]),
    { kind: 'day_before_reminder', dueMs: clock.dayBefore(startMs), text: () => dayBeforeReminder(ctx) },
    { kind: 'aftercare', dueMs: endMs, text: () => aftercareMessage(ctx) },
    { kind: 'check_in', dueMs: addHours(endMs, checkInAfterHours), text: () => checkInMessage(ctx) },
  ];
  return candidates
    .filter((c) => c.kind === 'booking_confirmation' || c.dueMs >= nowMs)
    .sort((a, b) => a.dueMs - b.dueMs)
    .map((c) => ({
      kind: c.kind,
      dueAt: new Date(c.dueMs).toISOString(),
      to: session.patient.email,
      ...c.text(),
      fingerprint,
    }));
}

function sessionFingerprint(session: BookedSession, startMs: number, endMs: number): string {
  return JSON.stringify([
    new Date(startMs).toISOString(),
    new Date(endMs).toISOString(),
    session.timeZone,
    session.clinicName,
    session.place,
    session.patient.email,
  ]);
}
