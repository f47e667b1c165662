import { ZxcvbnFactory, type ZxcvbnResult } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as english from '@zxcvbn-ts/language-en';
import { invalidField } from '../domain-errors.js';

/**
 * zxcvbn's score from 0 to 4; 3 means "safely unguessable" against a slow hash, and each further
 * guess at a sign-in is throttled (login-limits.ts).
 */
export const minimumPasswordScore = 3;

let estimator: ZxcvbnFactory | undefined;

/**
 * Built on first use: loading the dictionaries takes a noticeable moment. The estimator's time grows
 * steeply with length and with characters it could read as l33t (a random 200 characters took
 * seconds): it judges the first 64 characters, trying at most 10 substitutions, which keeps every
 * check within a fraction of a second.
 */
function zxcvbn(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...english.dictionary },
    graphs: common.adjacencyGraphs,
    translations: english.translations,
    maxLength: 64,
    l33tMaxSubstitutions: 10,
  });
  return estimator;
}

function hint({ feedback }: ZxcvbnResult): string {
  const parts = [feedback.warning, ...feedback.suggestions].filter((p): p is string => Boolean(p));
  return parts.length ? parts.join(' ') : 'Add more words or characters that are less common.';
}

/**
 * Why `password` is too easy to guess, in the estimator's words; undefined when it is strong enough.
 * `related` are words the password should not lean on (the email, the person's name).
 */
export function passwordWeakness(password: string, related: readonly string[] = []): string | undefined {
  const words = related
    .flatMap((r) => [r, ...r.split(/[^\p{L}\p{N}]+/u)])
    .map((w) => w.toLowerCase())
    .filter((w) => w.length >= 3);
  const result = zxcvbn().check(password, words);
  return result.score >= minimumPasswordScore ? undefined : `is too easy to guess: ${hint(result)}`;
}

/** Refuses a weak password with a 400 naming `field` and the estimator's hint. */
export function requireStrongPassword(field: string, password: string, related: readonly string[] = []): void {
  const weakness = passwordWeakness(password, related);
  if (weakness) throw invalidField(field, weakness);
}
