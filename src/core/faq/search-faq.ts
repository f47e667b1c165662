import MiniSearch, { type SearchOptions } from 'minisearch';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { FaqEntry } from '../knowledge/schema/reference-schema.js';
import { foldText } from '../text/fold-text.js';
import { withSynonyms } from './faq-synonyms.js';
import { faqWord, indexTerms, type FaqLanguage } from './faq-terms.js';

export { faqLanguages, type FaqLanguage } from './faq-terms.js';

export interface FaqHit {
  entry: FaqEntry;
  score: number;
}

/**
 * How much a word counts by where it stands: the question says what an entry is about, the tags are
 * the words chosen to find it by ("painful", "hurt" for "Does mesotherapy hurt?"), and the answer
 * mentions much in passing. Tags are English codes, so in Turkish they only catch a word shared
 * with English ("botoks" does not, "botox" does).
 */
const FIELD_BOOST = { question: 2, tagText: 3, answer: 1 };

/** Searched as a prefix from this many letters on: "mezoterapi" finds "mezoterapinin", "inject" "injected". */
const PREFIX_FROM = 4;

const indexes = new WeakMap<KnowledgeBase, Map<FaqLanguage, MiniSearch<FaqEntry>>>();

function indexFor(kb: KnowledgeBase, language: FaqLanguage): MiniSearch<FaqEntry> {
  let byLanguage = indexes.get(kb);
  if (!byLanguage) indexes.set(kb, (byLanguage = new Map()));
  let index = byLanguage.get(language);
  if (!index) {
    index = new MiniSearch<FaqEntry>({
      fields: ['question', 'answer', 'tagText'],
      storeFields: ['id'],
      extractField: (doc, field) =>
        field === 'tagText' ? doc.tags.join(' ').replace(/_/g, ' ') : String(doc[field as keyof FaqEntry] ?? ''),
      processTerm: indexTerms(language),
    });
    index.addAll(kb.data.faq.faq);
    byLanguage.set(language, index);
  }
  return index;
}

/**
 * How a query is searched: each word as written and as its stem (an entry with the very word ranks
 * above one with another form of it), the topic word only when the query has nothing else, no fuzzy
 * matching (it paired unrelated words such as "invented" and "intended").
 */
function queryOptions(query: string, language: FaqLanguage): SearchOptions {
  const words = query.split(/[^\p{L}\p{N}]+/u).flatMap((term) => faqWord(term, language) ?? []);
  const keepTopic = words.every((w) => w.topic);
  const stems = new Set(words.flatMap((w) => (w.stem ? [w.stem] : [])));
  const written = new Set(words.map((w) => w.word));
  return {
    boost: FIELD_BOOST,
    combineWith: 'OR',
    prefix: (term) => term.length >= PREFIX_FROM,
    processTerm: (term) => {
      const read = faqWord(term, language);
      if (!read || (read.topic && !keepTopic)) return null;
      return read.stem ? [read.word, read.stem] : [read.word];
    },
    boostTerm: (term) => (stems.has(term) && !written.has(term) ? 0.5 : 1),
  };
}

/**
 * The FAQ entries that best answer free-text question words, best first. `kb` is the knowledge base
 * in the reader's language (a `KnowledgeLibrary`'s `for(language)`), and `language` the language its
 * texts and the query are in: it decides the stop words, the stemming and the synonyms.
 */
export function searchFaq(kb: KnowledgeBase, query: string, limit = 5, language: FaqLanguage = 'en'): FaqHit[] {
  if (!query.trim()) return [];
  const byId = new Map(kb.data.faq.faq.map((e) => [e.id, e]));
  const search = withSynonyms(foldText(query, language), language);
  return indexFor(kb, language)
    .search(search, queryOptions(search, language))
    .slice(0, limit)
    .map((r) => ({ entry: byId.get(String(r.id))!, score: r.score }));
}
