import type { MessageContext } from './message-context.js';
import { bullets } from './message-layout.js';

/**
 * The clinical part of the booking confirmation. When the week-before reminder's time has already
 * passed, the preparation advice comes here instead, so a late booking still gets it.
 */
export function confirmationInstructions(ctx: MessageContext, includePreparation: boolean): string {
  const { beforehand } = ctx.advice;
  return includePreparation && beforehand.length ? `${ctx.phrases.beforeSession}\n${bullets(beforehand)}` : '';
}
