import { searchFaq } from '../../core/faq/search-faq.js';
import { referenceList } from '../../core/knowledge/citation-labels.js';
import type { KnowledgeBase } from '../../core/knowledge/knowledge-base.js';
import { errorLine } from '../cli-errors.js';
import { EXIT, type CliIo } from '../cli-io.js';

/** `mesodesk faq "question words"`: the best-matching answers with their numbered sources, named by title at the end. */
export function faqCommand(words: string[], options: { limit?: string }, kb: KnowledgeBase, io: CliIo): number {
  const query = words.join(' ');
  if (!query.trim()) {
    io.err(errorLine('QUESTION: give some words, e.g. mesodesk faq "is it painful"'));
    return EXIT.invalidInput;
  }
  const limit = Number(options.limit ?? 3);
  if (!Number.isInteger(limit) || limit < 1) {
    io.err(errorLine('--limit: must be a whole number of 1 or more'));
    return EXIT.invalidInput;
  }
  const hits = searchFaq(kb, query, limit);
  if (!hits.length) {
    io.out(`No FAQ entry matches "${query}".`);
    return EXIT.ok;
  }
  const references = referenceList(kb.data.sources.sources, { lines: true });
  const answers = hits.map(
    ({ entry }) => `Q: ${entry.question}\nA: ${entry.answer.trim()}\n   ${references.mark(entry.sources)}`,
  );
  io.out([...answers, ['References:', ...references.lines().map((l) => `  ${l}`)].join('\n')].join('\n\n'));
  return EXIT.ok;
}
