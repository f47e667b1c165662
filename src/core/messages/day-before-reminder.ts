import type { MessageContext } from './message-context.js';
import { blocks, bullets } from './message-layout.js';

/** The clinical part of the reminder before the session: when to arrive for numbing cream, and what to do on the day. */
export function dayBeforeInstructions(ctx: MessageContext): string {
  const { clock, startMs, advice, phrases } = ctx;
  const arrival =
    advice.arriveEarlyMinutes === null
      ? null
      : phrases.arriveEarly(clock.time(startMs - advice.arriveEarlyMinutes * 60_000), advice.arriveEarlyMinutes);
  return blocks([arrival, advice.onTheDay.length ? `${phrases.onTheDay}\n${bullets(advice.onTheDay)}` : null]);
}
