import { aftercareTimeline } from './aftercare-timeline.js';
import { keepTakingBloodThinners, saysKeepTakingBloodThinners } from './blood-thinner-safety.js';
import { lateSignsBlock } from './late-signs-block.js';
import type { MessageContext } from './message-context.js';
import { bullets, letter } from './message-layout.js';
import type { MessageText } from './message-types.js';

/**
 * Sent as the session ends: each aftercare instruction with the local clock time it lasts until,
 * so nobody has to count hours ("no water on the area until 01:00"); then the signs that need a
 * same-day call even weeks later. A patient on a prescribed blood thinner reads no "avoid aspirin",
 * and is told to keep taking it.
 */
export function aftercareMessage(ctx: MessageContext): MessageText {
  const { session, clock, endMs } = ctx;
  const until = (ms: number) => (clock.sameDay(ms, endMs) ? clock.time(ms) : clock.dayTime(ms));
  const steps = aftercareTimeline(endMs, ctx.aftercare).map(
    (step) => `Until ${until(step.untilMs)}:\n${bullets(step.texts)}`,
  );
  const keepTaking =
    ctx.bloodThinner && !ctx.aftercare.some((i) => saysKeepTakingBloodThinners(i.text))
      ? keepTakingBloodThinners
      : null;
  return {
    subject: `Your aftercare after the session on ${clock.date(ctx.startMs)}`,
    body: letter(session.patient.firstName, session.clinicName, [
      `Thank you for coming in. Your session ended at ${clock.time(endMs)}; please look after the treated area as follows (times are local clinic times).`,
      ...steps,
      keepTaking,
      lateSignsBlock(ctx.lateSigns),
      `If anything about the treated area worries you, tell us here: ${ctx.sideEffectUrl}`,
    ]),
  };
}
