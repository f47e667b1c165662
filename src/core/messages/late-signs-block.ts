import type { LateSignsNotice } from './late-signs-notice.js';
import { bullets } from './message-layout.js';

/** The late signs as a block of a plain-text letter, with where the advice comes from. */
export function lateSignsBlock(notice: LateSignsNotice): string {
  return `${notice.intro}\n${bullets(notice.items)}\n(Sources: ${notice.citations.join(', ')})`;
}
