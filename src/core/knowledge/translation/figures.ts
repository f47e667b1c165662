/**
 * The figures a text states - hours, days, sessions, doses - so that a translation can be checked to
 * state the same ones as the English: a patient reading "48 saat" where the English says 24 hours
 * would be misinformed, whatever the rest of the sentence says.
 */

interface NumberWords {
  /** Words that stand for a number on their own. */
  words: Readonly<Record<string, number>>;
  /** Words for tens that a unit word may follow ("on iki" = 12, "twenty-one" = 21). */
  tens: Readonly<Record<string, number>>;
  /** Unit words counted only after a tens word: "one" and "bir" are mostly articles on their own. */
  units: Readonly<Record<string, number>>;
  /** Words that are not numbers after these words (Turkish "altı" is also "under": göz altı, deri altı). */
  notAfter?: Readonly<Record<string, readonly string[]>>;
  /** The mark that groups thousands (1,000 / 1.000); the other mark is then the decimal one. */
  thousands?: ',' | '.';
}

const englishUnits = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9 };
const turkishUnits = { bir: 1, iki: 2, üç: 3, dört: 4, beş: 5, altı: 6, yedi: 7, sekiz: 8, dokuz: 9 };
/** Tens, alone or before a unit: "forty-five" and "kırk beş" are 45, not 40 and 5. */
const englishTens = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
const turkishTens = { on: 10, yirmi: 20, otuz: 30, kırk: 40, elli: 50, altmış: 60, yetmiş: 70, seksen: 80, doksan: 90 };

/**
 * Number words by language: two to twenty (and "twice") in English, iki to yirmi in Turkish, and the
 * tens with a unit after them. A language not listed here has its digits compared only; add its
 * words here to compare them too.
 */
const numberWords: Readonly<Record<string, NumberWords>> = {
  en: {
    words: {
      ...Object.fromEntries(Object.entries(englishUnits).filter(([, n]) => n > 1)),
      ten: 10,
      eleven: 11,
      twelve: 12,
      thirteen: 13,
      fourteen: 14,
      fifteen: 15,
      sixteen: 16,
      seventeen: 17,
      eighteen: 18,
      nineteen: 19,
      twice: 2,
      ...englishTens,
    },
    tens: englishTens,
    units: englishUnits,
    thousands: ',',
  },
  tr: {
    words: {
      ...Object.fromEntries(Object.entries(turkishUnits).filter(([, n]) => n > 1)),
      ...turkishTens,
      // Written as one word too: onbir ... ondokuz.
      ...Object.fromEntries(Object.entries(turkishUnits).map(([w, n]) => [`on${w}`, 10 + n])),
    },
    tens: turkishTens,
    units: turkishUnits,
    notAfter: { altı: ['göz', 'deri', 'cilt', 'yaş', 'koltuk', 'diz', 'tırnak', 'kaş'] },
    thousands: '.',
  },
};

/** Digits with their separators, or a word (letters only: hyphens and dashes separate). */
const TOKEN = /\d+(?:[.,]\d+)*|\p{L}+/gu;

function digitsValue(token: string, thousands: ',' | '.' | undefined): number[] {
  const groups = token.split(/[.,]/);
  const marks = token.replace(/\d/g, '');
  if (!marks) return [Number(token)];
  const grouped = (all: string) => all.split('').every((m) => m === thousands);
  const threes = (from: string[]) => from.every((g) => g.length === 3);
  // 1,000 (English) or 1.000 (Turkish): one number.
  if (thousands && grouped(marks) && threes(groups.slice(1))) return [Number(groups.join(''))];
  // 0.5 or 0,5, with thousands before it: 1.000,5 (Turkish).
  const last = marks[marks.length - 1]!;
  const before = marks.slice(0, -1);
  if (last !== thousands || marks.length === 1) {
    if (!before || (thousands && grouped(before) && threes(groups.slice(1, -1)))) {
      return [Number(`${groups.slice(0, -1).join('')}.${groups[groups.length - 1]}`)];
    }
  }
  // Anything else (1,2,3) is a list of numbers.
  return groups.map(Number);
}

function lowerCase(text: string, language: string): string {
  try {
    return text.toLocaleLowerCase(language);
  } catch {
    return text.toLowerCase();
  }
}

/**
 * The numbers a text states, ascending: digits (decimals with either mark: 0.5 and 0,5 are both one
 * half), each end of a range (10-15, 10–15), and the language's number words from two to twenty
 * and the tens ("forty-five", "kırk beş").
 * "one" and "bir" alone are not counted: they are mostly articles ("a day", "bir gün").
 */
export function figuresOf(text: string, language: string): number[] {
  return figures(text, language, wordsOf(language));
}

const wordsOf = (language: string): NumberWords | undefined => numberWords[language.split('-')[0] ?? language];

function figures(text: string, language: string, table: NumberWords | undefined): number[] {
  const figures: number[] = [];
  const lower = lowerCase(text, language);
  const tokens = [...lower.matchAll(TOKEN)].map((m) => ({ word: m[0], at: m.index }));
  for (let i = 0; i < tokens.length; i++) {
    const { word } = tokens[i]!;
    if (/^\d/.test(word)) {
      figures.push(...digitsValue(word, table?.thousands));
      continue;
    }
    if (!table) continue;
    const next = tokens[i + 1];
    const tens = table.tens[word];
    if (tens !== undefined && next && table.units[next.word] !== undefined) {
      // Only a space or hyphen between them: "twenty-one", "on iki".
      const gap = lower.slice(tokens[i]!.at + word.length, next.at);
      if (/^[\s\-‐]+$/.test(gap)) {
        figures.push(tens + table.units[next.word]!);
        i += 1;
        continue;
      }
    }
    const value = table.words[word];
    if (value === undefined) continue;
    const previous = tokens[i - 1]?.word;
    if (previous !== undefined && table.notAfter?.[word]?.includes(previous)) continue;
    figures.push(value);
  }
  return figures.sort((a, b) => a - b);
}

/**
 * Where a translation states other figures than the English (compared as multisets: the same numbers,
 * each as often), the figures of both; else undefined. For a language without number words here, the
 * English words are not counted either: only digits are compared.
 */
export function figuresDiffer(
  english: string,
  translated: string,
  language: string,
): { english: number[]; translated: number[] } | undefined {
  const words = wordsOf(language);
  const a = figures(english, 'en', words && wordsOf('en'));
  const b = figures(translated, language, words);
  return a.length === b.length && a.every((n, i) => n === b[i]) ? undefined : { english: a, translated: b };
}
