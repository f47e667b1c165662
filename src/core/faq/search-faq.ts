import MiniSearch from 'minisearch';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { FaqEntry } from '../knowledge/schema/reference-schema.js';

export interface FaqHit {
  entry: FaqEntry;
  score: number;
}

/** Words too common to tell questions apart ("is it painful" is about pain, not "is" or "it"). */
const STOP_WORDS = new Set(
  'a an and are as at be but by can do does for from how i if in is it its me my of on or so that the this to was what when where which who why will with you your'.split(
    ' ',
  ),
);

function processTerm(term: string): string | null {
  const t = term.toLowerCase();
  return STOP_WORDS.has(t) ? null : t;
}

const indexes = new WeakMap<KnowledgeBase, MiniSearch<FaqEntry>>();

function indexFor(kb: KnowledgeBase): MiniSearch<FaqEntry> {
  let index = indexes.get(kb);
  if (!index) {
    index = new MiniSearch<FaqEntry>({
      fields: ['question', 'answer', 'tagText'],
      storeFields: ['id'],
      extractField: (doc, field) =>
        field === 'tagText' ? doc.tags.join(' ').replace(/_/g, ' ') : String(doc[field as keyof FaqEntry] ?? ''),
      processTerm,
      searchOptions: { boost: { question: 3, tagText: 2 }, prefix: true, fuzzy: 0.2, combineWith: 'OR', processTerm },
    });
    index.addAll(kb.data.faq.faq);
    indexes.set(kb, index);
  }
  return index;
}

/** The FAQ entries that best answer free-text question words, best first. */
export function searchFaq(kb: KnowledgeBase, query: string, limit = 5): FaqHit[] {
  if (!query.trim()) return [];
  const byId = new Map(kb.data.faq.faq.map((e) => [e.id, e]));
  return indexFor(kb)
    .search(query)
    .slice(0, limit)
    .map((r) => ({ entry: byId.get(String(r.id))!, score: r.score }));
}
