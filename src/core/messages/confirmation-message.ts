import type { MessageContext } from './message-context.js';
import { bullets, letter } from './message-layout.js';
import type { MessageText } from './message-types.js';

/**
 * Sent at booking. When the week-before reminder's time has already passed, the preparation
 * advice comes here instead, so a late booking still gets it.
 */
export function confirmationMessage(ctx: MessageContext, includePreparation: boolean): MessageText {
  const { session, clock, startMs, endMs, advice } = ctx;
  const date = clock.date(startMs);
  const place = [session.clinicName, session.place].filter(Boolean).join(', ');
  return {
    subject: `Your session on ${date} at ${clock.time(startMs)} is booked`,
    body: letter(session.patient.firstName, session.clinicName, [
      `Your session is booked:\n\n  ${date}, ${clock.time(startMs)} to ${clock.time(endMs)}\n  ${place}`,
      includePreparation && advice.beforehand.length ? `Before your session:\n${bullets(advice.beforehand)}` : null,
      'If you need to change or cancel the appointment, please contact the clinic.',
    ]),
  };
}
