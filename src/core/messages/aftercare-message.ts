import { aftercareTimeline } from './aftercare-timeline.js';
import type { MessageContext } from './message-context.js';
import { bullets, letter } from './message-layout.js';
import type { MessageText } from './message-types.js';

/**
 * Sent as the session ends: each aftercare instruction with the local clock time it lasts until,
 * so nobody has to count hours ("no water on the area until 01:00").
 */
export function aftercareMessage(ctx: MessageContext): MessageText {
  const { session, clock, endMs, plan } = ctx;
  const until = (ms: number) => (clock.sameDay(ms, endMs) ? clock.time(ms) : clock.dayTime(ms));
  const steps = aftercareTimeline(endMs, plan.aftercare).map((step) => `Until ${until(step.untilMs)}:\n${bullets(step.texts)}`);
  return {
    subject: `Your aftercare after the session on ${clock.date(ctx.startMs)}`,
    body: letter(session.patient.firstName, session.clinicName, [
      `Thank you for coming in. Your session ended at ${clock.time(endMs)}; please look after the treated area as follows (times are local clinic times).`,
      ...steps,
      `If anything about the treated area worries you, tell us here: ${ctx.sideEffectUrl}`,
    ]),
  };
}
