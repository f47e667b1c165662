/**
 * Text as mesodesk matches it: one folding for every place that compares words a person typed with
 * words of the knowledge base (side-effect triage, intake aliases, allergies, FAQ search), so that a
 * Turkish patient who types "sislik", "kasinti" or "INME" on a keyboard without Turkish letters finds
 * "şişlik", "kaşıntı" and "inme".
 */

/** Languages whose capital I lowers to a dotless ı and whose İ lowers to i: Turkish and Azerbaijani. */
const DOTTED_I_LANGUAGES = new Set(['tr', 'az']);

/** Quotes people type for an apostrophe ("there’s", "Botoks’tan"), all read as `'`. */
const APOSTROPHES = /[\u2018\u2019\u02bc\u02b9`\u00b4]/g;

/** Whether a language tag (`tr`, `tr-TR`) names a language with the Turkish dotted and dotless i. */
export function hasTurkishCase(language: string | undefined): boolean {
  return DOTTED_I_LANGUAGES.has((language ?? '').toLowerCase().split('-')[0] ?? '');
}

/**
 * Lower case by the language's rules: in Turkish "I" is "ı" and "İ" is "i" ("ILIK" → "ılık"); elsewhere
 * "I" is "i". For display and for a stemmer that reads the language's letters; matching uses `foldText`.
 */
export function lowerCase(text: string, language?: string): string {
  return hasTurkishCase(language) ? text.toLocaleLowerCase('tr') : text.toLowerCase();
}

/**
 * Lower case with the marks taken off the letters, for matching: ç ğ ö ş ü â î û é ... become c g o s u a
 * i u e, and the dotless ı and dotted İ both become i, so a word matches however the keyboard let it be
 * typed. It folds the same in every language (Turkish "I" → "ı" → "i", English "I" → "i"), so text in an
 * unknown language folds safely. Apostrophes are one `'`. The result may be shorter or longer than
 * the text: positions found in it refer to the folded text only.
 */
export function foldText(text: string, language?: string): string {
  return lowerCase(text.replace(APOSTROPHES, "'"), language)
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/ı/g, 'i');
}

/** Whether a character is part of a word: a letter or digit of any script, not only a-z. */
export function isWordCharacter(c: string | undefined): boolean {
  return c !== undefined && /[\p{L}\p{N}]/u.test(c);
}

/** The words of a text, folded: runs of letters and digits of any script. */
export function foldedWords(text: string, language?: string): string[] {
  return foldText(text, language)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}
