import type { TimedInstruction } from '../assessment/assessment-result.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { KnowledgeLibrary } from '../knowledge/knowledge-library.js';
import { decidedText, instructionsFor, keptWholeOnBloodThinner } from '../messages/blood-thinner-safety.js';

/** The two lists of timed instructions a plan carries. */
export type InstructionList = 'preparation' | 'aftercare';

/** An instruction's texts in one knowledge base: as everyone reads it, and for a patient on a blood thinner. */
interface Wordings {
  text: string;
  onBloodThinner?: string | undefined;
}

const byCode = new WeakMap<KnowledgeBase, Record<InstructionList, ReadonlyMap<string, Wordings>>>();

/** The knowledge base's texts of each instruction, by list and code (built once per knowledge base). */
function wordingsOf(kb: KnowledgeBase, list: InstructionList): ReadonlyMap<string, Wordings> {
  let wordings = byCode.get(kb);
  if (!wordings) {
    const of = (items: readonly { code: string; text: string; textOnBloodThinner?: string | undefined }[]) =>
      new Map(items.map((i) => [i.code, { text: i.text, onBloodThinner: i.textOnBloodThinner }]));
    wordings = { preparation: of(kb.data.preparation.preparation), aftercare: of(kb.data.aftercare.aftercare) };
    byCode.set(kb, wordings);
  }
  return wordings[list];
}

/**
 * Which of the knowledge base's texts of an instruction `text` is, in one of the library's languages:
 * its text, or its wording for a patient on a blood thinner (which a plan stored before the knowledge
 * base had one holds as the rules' cut-down English). Undefined for any other text.
 */
function wordingKind(
  library: KnowledgeLibrary,
  list: InstructionList,
  english: Wordings,
  code: string,
  text: string,
): keyof Wordings | undefined {
  for (const language of library.languages) {
    const wordings = wordingsOf(library.for(language), list).get(code);
    if (wordings?.text === text) return 'text';
    if (wordings?.onBloodThinner === text) return 'onBloodThinner';
  }
  const cut = decidedText(english.text, true);
  return cut === text && cut !== english.text ? 'onBloodThinner' : undefined;
}

/**
 * The reader's wording for a patient on a blood thinner of an instruction the rules shorten: their
 * language's, else the English (a language that lacks it has the English in its knowledge base),
 * else the rules' cut-down English. A wording the rules would themselves cut or drop is passed over.
 */
function shortened(reader: Wordings | undefined, english: Wordings, cut: string): string {
  for (const wording of [reader?.onBloodThinner, english.onBloodThinner])
    if (wording !== undefined && keptWholeOnBloodThinner(wording)) return wording;
  return cut;
}

/**
 * A plan's instructions as a reader of `language` is given them: each knowledge-base text in that
 * language, found by its code. A text that is no knowledge-base text (a stored plan's wording from an
 * earlier knowledge base) stays as it is, since no translation of it exists.
 *
 * The blood-thinner rules (blood-thinner-safety.ts) read English. So when `bloodThinner` says whether
 * the patient takes a prescribed anticoagulant or antiplatelet, each instruction is decided on its
 * English text: one those rules drop is dropped, one they shorten is given in the knowledge base's
 * wording for a patient on a blood thinner (`textOnBloodThinner`) in the reader's language, and one
 * they keep whole is given whole. A translation never brings back what the English rules took out.
 * Without `bloodThinner` (not known), nothing is decided again: an instruction already given in
 * either wording keeps that wording, in the reader's language.
 */
export function instructionsIn<T extends TimedInstruction>(
  items: readonly T[],
  list: InstructionList,
  library: KnowledgeLibrary,
  language: string,
  bloodThinner?: boolean,
): T[] {
  const englishWordings = wordingsOf(library.base, list);
  const readerWordings = wordingsOf(library.for(language), list);
  const out: T[] = [];
  for (const item of items) {
    const english = englishWordings.get(item.code);
    if (english === undefined) {
      // A code the knowledge base no longer has: its stored English text is checked as it is.
      out.push(...(bloodThinner === undefined ? [item] : instructionsFor([item], bloodThinner)));
      continue;
    }
    const reader = readerWordings.get(item.code);
    const kind = wordingKind(library, list, english, item.code, item.text);
    const decided = bloodThinner === undefined ? item.text : decidedText(english.text, bloodThinner);
    if (decided === undefined) continue;
    if (bloodThinner !== undefined && decided !== english.text)
      out.push({ ...item, text: shortened(reader, english, decided) });
    else if (kind === 'text') out.push({ ...item, text: reader?.text ?? english.text });
    // Given shortened before, it stays so: the reader's language never brings back what was cut.
    else if (kind === 'onBloodThinner') out.push({ ...item, text: shortened(reader, english, item.text) });
    else out.push(...(bloodThinner === undefined ? [item] : instructionsFor([item], bloodThinner)));
  }
  return out;
}
