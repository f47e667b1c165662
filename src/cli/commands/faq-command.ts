import { faqLanguages, searchFaq, type FaqLanguage } from '../../core/faq/search-faq.js';
import { referenceList } from '../../core/knowledge/citation-labels.js';
import type { KnowledgeBase } from '../../core/knowledge/knowledge-base.js';
import { errorLine } from '../cli-errors.js';
import { EXIT, type CliIo } from '../cli-io.js';

const isFaqLanguage = (value: string): value is FaqLanguage => (faqLanguages as readonly string[]).includes(value);

/**
 * `mesodesk faq "question words"`: the best-matching answers with their numbered sources, named by
 * title at the end, in `--language` (the knowledge base in it from `knowledgeIn`).
 */
export function faqCommand(
  words: string[],
  options: { limit?: string; language?: string },
  knowledgeIn: (language: FaqLanguage) => KnowledgeBase,
  io: CliIo,
): number {
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
  const language = options.language ?? 'en';
  if (!isFaqLanguage(language)) {
    io.err(errorLine(`--language: must be one of: ${faqLanguages.join(', ')}`));
    return EXIT.invalidInput;
  }
  const kb = knowledgeIn(language);
  const hits = searchFaq(kb, query, limit, language);
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
