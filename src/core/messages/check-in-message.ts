import { lateSignsBlock } from './late-signs-block.js';
import type { MessageContext } from './message-context.js';
import { blocks } from './message-layout.js';

/** The clinical part of the check-in after the session: where to report a side effect, the late signs that need a same-day call, and when to call the emergency services. */
export function checkInInstructions(ctx: MessageContext): string {
  return blocks([ctx.sideEffectUrl, lateSignsBlock(ctx.lateSigns, ctx.phrases), ctx.phrases.emergency]);
}
