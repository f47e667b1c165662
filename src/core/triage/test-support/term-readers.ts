import { termMentions } from '../negation-scope.js';

/** Which of `terms` a text affirms, and which it denies, each sorted, for the free-text tests. */
export function termReaders(terms: readonly string[]) {
  return {
    affirmed: (text: string) => [...termMentions(text, terms).affirmed].sort(),
    negated: (text: string) => [...termMentions(text, terms).negated].sort(),
  };
}
