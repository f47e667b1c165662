import { lateSignsBlock } from './late-signs-block.js';
import type { MessageContext } from './message-context.js';
import { letter } from './message-layout.js';
import type { MessageText } from './message-types.js';

/** Sent 48 hours after the session: how are you, where to report a side effect, and the late signs that need a same-day call. */
export function checkInMessage(ctx: MessageContext): MessageText {
  const { session, clock, startMs } = ctx;
  return {
    subject: `How are you after your session on ${clock.date(startMs)}?`,
    body: letter(session.patient.firstName, session.clinicName, [
      'We hope the treated area is settling well. If you have noticed any side effect, or anything that is not getting better, please tell us:',
      ctx.sideEffectUrl,
      lateSignsBlock(ctx.lateSigns),
      'If you have trouble breathing, swelling of the face or throat, or feel very unwell, call the emergency services straight away.',
    ]),
  };
}
