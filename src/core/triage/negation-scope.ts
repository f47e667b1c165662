import { foldText } from '../text/fold-text.js';
import { deniedInTurkish } from './turkish-denial.js';

/**
 * Which words of a free-text report are said to be there, and which are denied ("no lumps, just mild
 * redness": lumps are denied, redness is there). A simple scope rule in the manner of NegEx: a
 * negation word ("no", "not", "without", "never", "denies", "n't" ...) denies the terms that follow
 * it in the same clause. Clauses end at sentence punctuation, at "but", "and", "however" and the like,
 * and at a comma - except in a short "or" list ("no redness, swelling or pus"). Phrases that only look
 * negative ("not sure if", "won't go away", "not healing") deny nothing.
 *
 * When in doubt a term counts as there: a denied term cannot raise a report's urgency, so the rule
 * must never deny what the patient actually reports.
 *
 * Text and terms are folded (fold-text.ts) and words end at anything but a letter or digit of any
 * script, so Turkish reports match however they are typed. Of Turkish negation only a term followed
 * at once by "yok" or "olmadı" is read (turkish-denial.ts); every other Turkish denial is missed,
 * which counts the term as there.
 */

const NEGATION_CUE =
  /(?<![\p{L}\p{N}])(no|not|without|never|none|neither|nor|deny|denies|denied|denying|cannot|can't|cant|won't|wont|don't|dont|doesn't|doesnt|didn't|didnt|isn't|isnt|aren't|arent|wasn't|wasnt|weren't|werent|haven't|havent|hasn't|hasnt|hadn't|hadnt|couldn't|couldnt|shouldn't|wouldn't)(?![\p{L}\p{N}])/gu;

/**
 * What makes a negation a statement about getting better, going away or knowing - "not healing",
 * "won't go away", "not sure if it is a lump", "not just redness" - rather than a denial: these words
 * right after it, or up to two words later for the verbs. Spaces only: a comma ends the look.
 */
const PSEUDO_NEGATION_FOLLOWER =
  /^(?:\s+(?:just|only|sure|certain|idea|quite)(?![\p{L}\p{N}])|(?:\s+[\p{L}\p{N}_']+){0,2}?\s+(?:stop\p{L}*|go|goes|going|gone|went|heal\p{L}*|settl\p{L}*|improv\p{L}*|better|resolv\p{L}*|clear\p{L}*|fad\p{L}*|disappear\p{L}*|shrink\p{L}*|shrunk|subsid\p{L}*|calm\p{L}*|sure|certain|know\p{L}*|tell|chang\p{L}*|away)(?![\p{L}\p{N}]))/u;

/** Words that begin a new clause: what follows them is not in the scope of an earlier negation. */
const CLAUSE_BREAK =
  /[.;:!?\n()]+|(?<![\p{L}\p{N}])(?:but|and|however|although|though|yet|except|whereas|while|plus|also|instead|now|then|apart from|other than)(?![\p{L}\p{N}])/gu;

/** Words a short list may hold besides the terms themselves: "no redness, swelling or pus at all". */
const LIST_FILLER = new Set([
  'or',
  'nor',
  'any',
  'at',
  'all',
  'whatsoever',
  'either',
  'a',
  'an',
  'the',
  'some',
  'of',
  'sign',
  'signs',
  'my',
  'much',
]);

export interface TermMentions {
  /** Terms mentioned at least once outside a negation's scope. */
  affirmed: Set<string>;
  /** Terms mentioned only inside a negation's scope. */
  negated: Set<string>;
}

/** Folded (see fold-text.ts): "İrin", "KIZARIKLIK" and "sislik" read as the knowledge base's "irin", "kızarıklık", "şişlik". */
const normalise = (text: string): string => foldText(text);

/** The words of a normalised text or term, as the "or" list rule reads them. */
const listWords = (text: string): string[] => text.split(/[^\p{L}\p{N}'-]+/u).filter(Boolean);

function escape(term: string): string {
  return term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Whole words and phrases only, so "rash" does not match "brash", "hot" not "photo", "yara" not
 * "yaraşır" and "irin" not "şirin": a word ends at anything but a letter or digit of any script.
 */
function termPositions(text: string, term: string): number[] {
  const pattern = new RegExp(`(^|[^\\p{L}\\p{N}'])(${escape(term)})(?=[^\\p{L}\\p{N}]|$)`, 'gu');
  const positions: number[] = [];
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    positions.push(m.index + (m[1]?.length ?? 0));
    pattern.lastIndex = m.index + Math.max(1, m[0].length);
  }
  return positions;
}

/** Where each negation cue that is a real denial starts, in `text`. */
function negationCues(text: string): number[] {
  const cues: number[] = [];
  for (const m of text.matchAll(NEGATION_CUE)) {
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 40);
    if (!PSEUDO_NEGATION_FOLLOWER.test(after)) cues.push(m.index);
  }
  return cues;
}

interface Span {
  start: number;
  end: number;
}

/** Clauses as spans of the text: hard breaks first, then commas, joining "or" lists of known terms to the clause before. */
function clauses(text: string, vocabulary: ReadonlySet<string>): Span[] {
  const hard: Span[] = [];
  let start = 0;
  for (const m of text.matchAll(CLAUSE_BREAK)) {
    hard.push({ start, end: m.index });
    start = m.index + m[0].length;
  }
  hard.push({ start, end: text.length });

  const spans: Span[] = [];
  for (const clause of hard) {
    const parts: Span[] = [];
    let from = clause.start;
    for (let i = clause.start; i < clause.end; i++)
      if (text[i] === ',') {
        parts.push({ start: from, end: i });
        from = i + 1;
      }
    parts.push({ start: from, end: clause.end });
    // "no redness, swelling, or pus": the segments up to a short one with "or" stay with the first.
    let current = parts[0]!;
    for (let i = 1; i < parts.length; i++) {
      const listEnd = orListEnd(text, parts, i, vocabulary);
      if (listEnd !== undefined) {
        current = { start: current.start, end: parts[listEnd]!.end };
        i = listEnd;
        continue;
      }
      spans.push(current);
      current = parts[i]!;
    }
    spans.push(current);
  }
  return spans;
}

/**
 * The index of the segment that ends an "or" list starting at `from` ("swelling, or pus"), if the
 * segments from there are one: nothing in them but known terms and list words. Anything else ("a lump
 * or bump appeared") makes it a clause of its own, out of the earlier negation's reach.
 */
function orListEnd(text: string, parts: Span[], from: number, vocabulary: ReadonlySet<string>): number | undefined {
  for (let j = from; j < parts.length; j++) {
    const words = listWords(text.slice(parts[j]!.start, parts[j]!.end));
    if (words.length === 0 || words.some((w) => !LIST_FILLER.has(w) && !vocabulary.has(w))) return undefined;
    if (words.includes('or') || words.includes('nor')) return j;
  }
  return undefined;
}

export interface ReadText {
  /** Sorts each term into affirmed (mentioned outside any negation at least once) or negated (only denied); unmentioned terms are in neither. */
  mentions(terms: readonly string[]): TermMentions;
}

/**
 * Reads a free text once for its clauses and negations. `vocabulary` is every term the caller may ask
 * about: lists of them after a comma stay under an earlier "no".
 */
export function readText(text: string, vocabulary: readonly string[]): ReadText {
  const normalised = normalise(text);
  const words = new Set(vocabulary.flatMap((term) => listWords(normalise(term))));
  const spans = clauses(normalised, words);
  const cues = negationCues(normalised);
  const denied = (at: number, length: number) => {
    if (deniedInTurkish(normalised, at + length)) return true;
    const clause = spans.find((s) => at >= s.start && at <= s.end);
    return clause !== undefined && cues.some((cue) => cue >= clause.start && cue < at);
  };
  return {
    mentions(terms) {
      const affirmed = new Set<string>();
      const negated = new Set<string>();
      for (const term of terms) {
        const folded = normalise(term);
        const positions = termPositions(normalised, folded);
        if (positions.length === 0) continue;
        if (positions.some((at) => !denied(at, folded.length))) affirmed.add(term);
        else negated.add(term);
      }
      return { affirmed, negated };
    },
  };
}

/** `readText(text, terms).mentions(terms)`, for one list of terms. */
export function termMentions(text: string, terms: readonly string[]): TermMentions {
  return readText(text, terms).mentions(terms);
}
