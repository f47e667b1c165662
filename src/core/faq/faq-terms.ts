import { stemmer as englishStem } from '@orama/stemmers/english';
import { foldText } from '../text/fold-text.js';

export const faqLanguages = ['en', 'tr'] as const;
export type FaqLanguage = (typeof faqLanguages)[number];

/** Words too common to tell questions apart ("is it painful" is about pain, not "is" or "it"); folded. */
const STOP_WORDS: Record<FaqLanguage, ReadonlySet<string>> = {
  en: new Set(
    'a an and are as at be but by can do does for from how i if in is it its me my of on or so that the they this to was what when where which who why will with you your'.split(
      ' ',
    ),
  ),
  // Question particles ("mı", "nedir"), conjunctions and pronouns. "Neler" (what things) is kept: in
  // "seansta neler oluyor" it is the question. "İşe" folds to "ise", so "ise" (if) is kept too.
  tr: new Set(
    'acaba ama ancak bana beni benim bir biraz bu bunu bunun cok da daha de diye en gibi hem her hic icin ile ki kim kimler mi mu midir mudur miyim miyiz misin misiniz ne neden nedir nasil nelere nelerdir o olan olarak olur sen siz sizin su ve veya ya yoksa'.split(
      ' ',
    ),
  ),
};

/**
 * The word every entry is about. It tells no entry from another, yet as a matched word it would lift
 * whichever entries name it most ("when will I see results from mesotherapy" would find "How long do
 * the results of mesotherapy last?"), so a query leaves it out unless it holds nothing else.
 */
const TOPIC_WORD = /^(?:mesotherap|mezoterap)/;

/** How many letters of a Turkish word stand for it (see `stem`). */
const TURKISH_PREFIX = 6;

/**
 * A word's stem for search. English: the Porter-style stemmer of @orama/stemmers ("injected" and
 * "injections" meet at "inject"). Turkish: the word's first six letters, a fixed-prefix stem: Turkish
 * adds its suffixes at the end, so "seansında", "seanslar" and "seansı" share their start, and a
 * fixed prefix treats folded words ("sonuclari") as the same as those typed with Turkish letters,
 * where a Snowball-style stemmer's vowel-harmony rules read them differently. It sometimes joins two
 * roots; ranking FAQ answers can afford that, and nothing clinical is decided on it.
 */
function stem(word: string, language: FaqLanguage): string {
  return language === 'en' ? englishStem(word) : word.slice(0, TURKISH_PREFIX);
}

/** A word of a query or an entry as searched: the folded word and, when it differs, its stem. */
export interface FaqWord {
  word: string;
  stem?: string;
  /** Whether it is the word every entry is about (see TOPIC_WORD). */
  topic: boolean;
}

/** Reads one word of a text in a language: folded ("Acıtır" and "acitir" are one), or null for a stop word. */
export function faqWord(term: string, language: FaqLanguage): FaqWord | null {
  const word = foldText(term, language);
  if (word.length < 2 || STOP_WORDS[language].has(word)) return null;
  const root = stem(word, language);
  return { word, ...(root !== word ? { stem: root } : {}), topic: TOPIC_WORD.test(word) };
}

/** The terms an entry's word is indexed as: the word as written and its stem. */
export function indexTerms(language: FaqLanguage): (term: string) => string[] | null {
  return (term) => {
    const read = faqWord(term, language);
    return read && (read.stem ? [read.word, read.stem] : [read.word]);
  };
}
