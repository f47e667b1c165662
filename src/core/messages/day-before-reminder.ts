import type { MessageContext } from './message-context.js';
import { bullets, letter, whenAndWhere } from './message-layout.js';
import type { MessageText } from './message-types.js';

/** Sent the day before at the session's local clock time: when to arrive and what to bring. */
export function dayBeforeReminder(ctx: MessageContext): MessageText {
  const { session, clock, startMs, advice } = ctx;
  const date = clock.date(startMs);
  const time = clock.time(startMs);
  const arrival =
    advice.arriveEarlyMinutes === null
      ? null
      : `Numbing cream is planned for your session: please arrive at ${clock.time(startMs - advice.arriveEarlyMinutes * 60_000)}, ` +
        `${advice.arriveEarlyMinutes} minutes before your appointment, so that it has time to work.`;
  return {
    subject: `Reminder: your session on ${date} at ${time}`,
    body: letter(session.patient.firstName, session.clinicName, [
      `This is a reminder of your session tomorrow, ${whenAndWhere(date, time, session.clinicName, session.place)}.`,
      arrival,
      advice.onTheDay.length ? `On the day:\n${bullets(advice.onTheDay)}` : null,
    ]),
  };
}
