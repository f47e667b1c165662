import { aftercareInstructions } from './aftercare-message.js';
import { checkInInstructions } from './check-in-message.js';
import { confirmationInstructions } from './confirmation-message.js';
import { dayBeforeInstructions } from './day-before-reminder.js';
import { defaultTemplatesFor } from './default-templates.js';
import { addHours } from './local-clock.js';
import { messageContext, type MessageContext } from './message-context.js';
import { renderTemplate } from './message-templates.js';
import { defaultMessageTiming } from './message-timing.js';
import type {
  BookedSession,
  MessageKind,
  MessageOptions,
  MessagePlan,
  MessageText,
  MessageWording,
  PlannedMessage,
} from './message-types.js';
import { preparationInstructions } from './preparation-reminder.js';
import { sessionDay } from './session-day.js';

/** The check-in asks about side effects once the usual first reactions have had time to show. */
export const checkInAfterHours = defaultMessageTiming.checkInHoursAfter;

interface Candidate {
  kind: MessageKind;
  dueMs: number;
  /** The clinical part, from the plan and the knowledge base: every wording carries it. */
  instructions: () => string;
}

const defaultWording: MessageWording = { language: 'en', templates: {} };

/**
 * The message of one kind, in the clinic's wording (or the default one of the wording's language,
 * so the letter around a clinical part is in that part's language too) around its clinical part.
 */
function write(ctx: MessageContext, candidate: Candidate, wording: MessageWording): MessageText {
  const { session, clock, startMs, endMs } = ctx;
  const template = wording.templates[candidate.kind] ?? defaultTemplatesFor(wording.language)[candidate.kind];
  return renderTemplate(template, {
    patientName: session.patient.firstName,
    clinicName: session.clinicName,
    sessionDate: clock.date(startMs),
    sessionTime: clock.time(startMs),
    sessionEndTime: clock.time(endMs),
    sessionDay: sessionDay(wording.language, clock.daysBetween(candidate.dueMs, startMs)),
    place: [session.clinicName, session.place].filter(Boolean).join(', '),
    reportLink: ctx.sideEffectUrl,
    instructions: candidate.instructions(),
  });
}

/** Every message the session can have, each at its instant, before any is left out for being past. */
function candidates(ctx: MessageContext, options: MessageOptions, nowMs: number): Candidate[] {
  const { advice, clock, startMs, endMs } = ctx;
  const timing = options.timing ?? defaultMessageTiming;
  // The plan's window is the latest the reminder may come; a clinic may only send it earlier.
  const preparationLead = Math.max(advice.leadHours, timing.preparationHoursBefore ?? 0);
  const preparationDue = advice.beforehand.length ? addHours(startMs, -preparationLead) : null;
  const remindLater = preparationDue !== null && preparationDue >= nowMs;
  return [
    {
      kind: 'booking_confirmation',
      dueMs: nowMs,
      instructions: () => confirmationInstructions(ctx, !remindLater && startMs > nowMs),
    },
    ...(preparationDue === null
      ? []
      : [
          {
            kind: 'preparation_reminder' as const,
            dueMs: preparationDue,
            instructions: () => preparationInstructions(ctx),
          },
        ]),
    {
      kind: 'day_before_reminder',
      dueMs:
        timing.reminderHoursBefore === null ? clock.dayBefore(startMs) : addHours(startMs, -timing.reminderHoursBefore),
      instructions: () => dayBeforeInstructions(ctx),
    },
    {
      kind: 'aftercare',
      dueMs: addHours(endMs, timing.aftercareHoursAfter),
      instructions: () => aftercareInstructions(ctx),
    },
    {
      kind: 'check_in',
      dueMs: addHours(endMs, timing.checkInHoursAfter),
      instructions: () => checkInInstructions(ctx),
    },
  ];
}

function validNow(now: Date): number {
  const nowMs = now.getTime();
  if (Number.isNaN(nowMs)) throw new RangeError('now is not a valid date');
  return nowMs;
}

function planned(ctx: MessageContext, c: Candidate, fingerprint: string, wording: MessageWording): PlannedMessage {
  return {
    kind: c.kind,
    dueAt: new Date(c.dueMs).toISOString(),
    to: ctx.session.patient.email,
    ...write(ctx, c, wording),
    fingerprint,
  };
}

/**
 * The messages a booked session needs, each with the instant it is due, soonest first (the times
 * below are the defaults; `options.timing` holds the clinic's):
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
  const nowMs = validNow(options.now);
  const fingerprint = sessionFingerprint(session, ctx.startMs, ctx.endMs);
  const wording = options.wording ?? defaultWording;
  return candidates(ctx, options, nowMs)
    .filter((c) => c.kind === 'booking_confirmation' || c.dueMs >= nowMs)
    .sort((a, b) => a.dueMs - b.dueMs)
    .map((c) => planned(ctx, c, fingerprint, wording));
}

/**
 * The message of one kind the session gets (or would have got, were it still ahead), as written
 * at `now`: for showing a clinic what a patient reads. Null when the session has no such message
 * (a preparation reminder for a plan without preparation).
 */
export function sessionMessage(
  kind: MessageKind,
  session: BookedSession,
  plan: MessagePlan,
  options: MessageOptions,
): PlannedMessage | null {
  const ctx = messageContext(session, plan, options);
  const found = candidates(ctx, options, validNow(options.now)).find((c) => c.kind === kind);
  return found
    ? planned(ctx, found, sessionFingerprint(session, ctx.startMs, ctx.endMs), options.wording ?? defaultWording)
    : null;
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
