import type { MessageContext } from './message-context.js';
import { bullets, letter, whenAndWhere } from './message-layout.js';
import type { MessageText } from './message-types.js';

/** Sent when the preparation window opens (a week before): what to avoid, and to keep prescribed blood thinners. */
export function preparationReminder(ctx: MessageContext): MessageText {
  const { session, clock, startMs, advice } = ctx;
  const date = clock.date(startMs);
  return {
    subject: `Preparing for your session on ${date}`,
    body: letter(session.patient.firstName, session.clinicName, [
      `Your session is on ${whenAndWhere(date, clock.time(startMs), session.clinicName, session.place)}. From now until then:`,
      bullets(advice.beforehand),
      'If you have questions about any of this, or about a medicine you take, please contact the clinic.',
    ]),
  };
}
