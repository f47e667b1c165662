import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadKnowledgeLibrary } from '../../knowledge-files/load-knowledge-library.js';
import { searchFaq, type FaqLanguage } from './search-faq.js';

/** Patient-style queries, each with the FAQ entry that should answer it best (test/fixtures/faq-search-examples.yaml). */
const examples = parse(
  readFileSync(new URL('../../../test/fixtures/faq-search-examples.yaml', import.meta.url), 'utf8'),
) as Record<FaqLanguage, { query: string; expect: string }[]>;
const library = loadKnowledgeLibrary();

describe.each(['en', 'tr'] as const)('FAQ search in %s: every example query ranks its answer first', (language) => {
  const kb = library.for(language);
  it('the table has 20 examples, each naming an FAQ entry of this language', () => {
    expect(examples[language]).toHaveLength(20);
    const ids = new Set(kb.data.faq.faq.map((e) => e.id));
    for (const example of examples[language]) expect(ids.has(example.expect), example.expect).toBe(true);
  });

  it.each(examples[language])('"$query" → $expect', ({ query, expect: id }) => {
    const hits = searchFaq(kb, query, 3, language);
    // The message lists what ranked instead, with scores, to show how far off a miss is.
    expect(hits[0]?.entry.id, hits.map((h) => `${h.entry.id} ${h.score.toFixed(2)}`).join(', ')).toBe(id);
  });
});
