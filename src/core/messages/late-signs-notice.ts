import type { KnowledgeBase } from '../knowledge/knowledge-base.js';

/** The late signs that need a same-day call (aftercare.yaml `lateSigns`), as messages and sheets quote them. */
export interface LateSignsNotice {
  intro: string;
  items: string[];
  /** Every citation behind the intro and the items, once each. */
  citations: string[];
}

export function lateSignsNotice(kb: KnowledgeBase): LateSignsNotice {
  const { intro, items, sources } = kb.data.aftercare.lateSigns;
  return {
    intro,
    items: items.map((i) => i.text),
    citations: [...new Set([...sources, ...items.flatMap((i) => i.sources)])],
  };
}
