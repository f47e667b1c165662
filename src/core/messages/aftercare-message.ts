import { aftercareTimeline } from './aftercare-timeline.js';
import { saysKeepTakingBloodThinners } from './blood-thinner-safety.js';
import { lateSignsBlock } from './late-signs-block.js';
import type { MessageContext } from './message-context.js';
import { blocks, bullets } from './message-layout.js';

/**
 * The clinical part of the aftercare message: each aftercare instruction with the local clock time
 * it lasts until, so nobody has to count hours ("no water on the area until 01:00"); then the signs
 * that need a same-day call even weeks later, and where to report. A patient on a prescribed blood
 * thinner reads no "avoid aspirin", and is told to keep taking it.
 */
export function aftercareInstructions(ctx: MessageContext): string {
  const { clock, endMs, phrases } = ctx;
  const until = (ms: number) => (clock.sameDay(ms, endMs) ? clock.time(ms) : clock.dayTime(ms));
  const steps = aftercareTimeline(endMs, ctx.aftercare).map(
    (step) => `${phrases.until(until(step.untilMs))}\n${bullets(step.texts)}`,
  );
  const keepTaking =
    ctx.bloodThinner && !ctx.aftercare.some((i) => saysKeepTakingBloodThinners(i.text)) ? phrases.keepTaking : null;
  return blocks([...steps, keepTaking, lateSignsBlock(ctx.lateSigns, phrases), phrases.reportHere(ctx.sideEffectUrl)]);
}
