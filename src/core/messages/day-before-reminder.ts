import type { MessageContext } from './message-context.js';
import { blocks, bullets } from './message-layout.js';

/** The clinical part of the reminder before the session: when to arrive for numbing cream, and what to do on the day. */
export function dayBeforeInstructions(ctx: MessageContext): string {
  const { clock, startMs, advice } = ctx;
  const arrival =
    advice.arriveEarlyMinutes === null
      ? null
      : `Numbing cream is planned for your session: please arrive at ${clock.time(startMs - advice.arriveEarlyMinutes * 60_000)}, ` +
        `${advice.arriveEarlyMinutes} minutes before your appointment, so that it has time to work.`;
  return blocks([arrival, advice.onTheDay.length ? `On the day:\n${bullets(advice.onTheDay)}` : null]);
}
