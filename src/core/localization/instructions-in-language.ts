import type { TimedInstruction } from '../assessment/assessment-result.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { KnowledgeLibrary } from '../knowledge/knowledge-library.js';
import { instructionsFor } from '../messages/blood-thinner-safety.js';

/** The two lists of timed instructions a plan carries. */
export type InstructionList = 'preparation' | 'aftercare';

const byCode = new WeakMap<KnowledgeBase, Record<InstructionList, ReadonlyMap<string, string>>>();

/** The knowledge base's text of each instruction, by list and code (built once per knowledge base). */
function textsOf(kb: KnowledgeBase, list: InstructionList): ReadonlyMap<string, string> {
  let texts = byCode.get(kb);
  if (!texts) {
    texts = {
      preparation: new Map(kb.data.preparation.preparation.map((i) => [i.code, i.text])),
      aftercare: new Map(kb.data.aftercare.aftercare.map((i) => [i.code, i.text])),
    };
    byCode.set(kb, texts);
  }
  return texts[list];
}

/** Whether `text` is the knowledge base's own text of the instruction in one of the library's languages. */
function isLibraryText(library: KnowledgeLibrary, list: InstructionList, code: string, text: string): boolean {
  return library.languages.some((language) => textsOf(library.for(language), list).get(code) === text);
}

/**
 * A plan's instructions as a reader of `language` is given them: each knowledge-base text in that
 * language, found by its code. A text that is no knowledge-base text (shortened for a patient on a
 * blood thinner, or a stored plan's wording from an earlier knowledge base) stays as it is, since no
 * translation of it exists.
 *
 * The blood-thinner rules (blood-thinner-safety.ts) read English. So when `bloodThinner` says whether
 * the patient takes a prescribed anticoagulant or antiplatelet, each instruction is decided on its
 * English text: one those rules drop is dropped, one they shorten is given shortened, in English,
 * and only one they keep whole is given in the reader's language. A translation never brings back
 * what the English rules took out. Without `bloodThinner` (not known), nothing is decided again.
 */
export function instructionsIn<T extends TimedInstruction>(
  items: readonly T[],
  list: InstructionList,
  library: KnowledgeLibrary,
  language: string,
  bloodThinner?: boolean,
): T[] {
  const english = textsOf(library.base, list);
  const reader = textsOf(library.for(language), list);
  const out: T[] = [];
  for (const item of items) {
    const base = english.get(item.code);
    const known = base !== undefined && isLibraryText(library, list, item.code, item.text);
    if (bloodThinner === undefined) {
      out.push(known ? { ...item, text: reader.get(item.code) ?? base } : item);
      continue;
    }
    if (base === undefined) {
      // A code the knowledge base no longer has: its stored English text is checked as it is.
      out.push(...instructionsFor([item], bloodThinner));
      continue;
    }
    const decided = instructionsFor([{ text: base }], bloodThinner)[0]?.text;
    if (decided === undefined) continue;
    if (decided !== base) out.push({ ...item, text: decided });
    else if (known) out.push({ ...item, text: reader.get(item.code) ?? base });
    else out.push(...instructionsFor([item], bloodThinner));
  }
  return out;
}
