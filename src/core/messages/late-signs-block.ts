import type { LateSignsNotice } from './late-signs-notice.js';
import { bullets } from './message-layout.js';

/** The late signs as a block of a plain-text letter, with where the advice comes from: numbers, then each source by title. */
export function lateSignsBlock(notice: LateSignsNotice): string {
  const { mark, references } = notice.sources;
  const sources = mark ? [`(Sources: ${mark})`, ...references] : [];
  return [notice.intro, bullets(notice.items), ...sources].join('\n');
}
