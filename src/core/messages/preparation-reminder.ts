import type { MessageContext } from './message-context.js';
import { bullets } from './message-layout.js';

/** The clinical part of the reminder sent when the preparation window opens: what to avoid, and to keep prescribed blood thinners. */
export function preparationInstructions(ctx: MessageContext): string {
  return bullets(ctx.advice.beforehand);
}
