import { referenceList } from '../knowledge/citation-labels.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import { messagePhrases } from './message-phrases.js';
import type { TemplateLanguage } from './message-templates.js';

/** The late signs that need a same-day call (aftercare.yaml `lateSigns`), as messages and sheets quote them. */
export interface LateSignsNotice {
  intro: string;
  items: string[];
  /** Every citation behind the intro and the items, once each. */
  citations: string[];
  /**
   * The citations as a patient reads them in a message: the mark ("[2, 7]") and each source by its
   * title ("[2] <title>"), numbered by its place in sources.yaml; a seed file name means nothing to them.
   */
  sources: { mark: string; references: string[] };
}

/** `kb` is the knowledge base in `language`, the language of the letters that quote the notice. */
export function lateSignsNotice(kb: KnowledgeBase, language: TemplateLanguage = 'en'): LateSignsNotice {
  const { intro, items, sources } = kb.data.aftercare.lateSigns;
  const citations = [...new Set([...sources, ...items.flatMap((i) => i.sources)])];
  // A patient gets titles only: no lines, and no file name even for a source sources.yaml has dropped.
  const references = referenceList(kb.data.sources.sources, {
    lines: false,
    words: messagePhrases(language).references,
  });
  const mark = references.mark(citations);
  return {
    intro,
    items: items.map((i) => i.text),
    citations,
    sources: { mark, references: references.references().map((r) => `[${r.number}] ${r.text}`) },
  };
}
