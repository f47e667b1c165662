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
 */

const NEGATION_CUE =
  /\b(no|not|without|never|none|neither|nor|deny|denies|denied|denying|cannot|can't|cant|won't|wont|don't|dont|doesn't|doesnt|didn't|didnt|isn't|isnt|aren't|arent|wasn't|wasnt|weren't|werent|haven't|havent|hasn't|hasnt|hadn't|hadnt|couldn't|couldnt|shouldn't|wouldn't)\b/g;

/**
 * What makes a negation a statement about getting better, going away or knowing - "not healing",
 * "won't go away", "not sure if it is a lump", "not just redness" - rather than a denial: these words
 * right after it, or up to two words later for the verbs. Spaces only: a comma ends the look.
 */
const PSEUDO_NEGATION_FOLLOWER =
  /^(?:\s+(?:just|only|sure|certain|idea|quite)\b|(?:\s+[\w']+){0,2}?\s+(?:stop\w*|go|goes|going|gone|went|heal\w*|settl\w*|improv\w*|better|resolv\w*|clear\w*|fad\w*|disappear\w*|shrink\w*|shrunk|subsid\w*|calm\w*|sure|certain|know\w*|tell|chang\w*|away)\b)/;

/** Words that begin a new clause: what follows them is not in the scope of an earlier negation. */
const CLAUSE_BREAK =
  /[.;:!?\n()]+|\b(?:but|and|however|although|though|yet|except|whereas|while|plus|also|instead|now|then|apart from|other than)\b/g;

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

function normalise(text: string): string {
  return text.toLowerCase().replace(/[\u2018\u2019\u02bc`´]/g, "'");
}

function escape(term: string): string {
  return term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Whole words and phrases only, so "rash" does not match "brash" and "hot" not "photo". */
function termPositions(text: string, term: string): number[] {
  const pattern = new RegExp(`(^|[^a-z0-9'])(${escape(normalise(term))})(?=[^a-z0-9]|$)`, 'g');
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
    const words = text
      .slice(parts[j]!.start, parts[j]!.end)
      .trim()
      .split(/[^a-z0-9'-]+/)
      .filter(Boolean);
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
  const words = new Set(
    vocabulary.flatMap((term) =>
      normalise(term)
        .split(/[^a-z0-9'-]+/)
        .filter(Boolean),
    ),
  );
  const spans = clauses(normalised, words);
  const cues = negationCues(normalised);
  const denied = (at: number) => {
    const clause = spans.find((s) => at >= s.start && at <= s.end);
    return clause !== undefined && cues.some((cue) => cue >= clause.start && cue < at);
  };
  return {
    mentions(terms) {
      const affirmed = new Set<string>();
      const negated = new Set<string>();
      for (const term of terms) {
        const positions = termPositions(normalised, term);
        if (positions.length === 0) continue;
        if (positions.some((at) => !denied(at))) affirmed.add(term);
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
