import type { LateSignsNotice } from './late-signs-notice.js';
import { bullets } from './message-layout.js';
import { messagePhrases, type MessagePhrases } from './message-phrases.js';

/** The late signs as a block of a plain-text letter, with where the advice comes from: numbers, then each source by title. */
export function lateSignsBlock(notice: LateSignsNotice, phrases: MessagePhrases = messagePhrases('en')): string {
  const { mark, references } = notice.sources;
  const sources = mark ? [phrases.sources(mark), ...references] : [];
  return [notice.intro, bullets(notice.items), ...sources].join('\n');
}
