import type { Language } from './i18n';

/**
 * The language a reader picked on a signed-out page (sign-in, invitation), kept for this tab only:
 * signing in then saves it to their account, so the choice they just made is not undone by the
 * language the account had.
 */
let chosen: Language | null = null;

export function chooseBeforeSignIn(language: Language): Promise<void> {
  chosen = language;
  return Promise.resolve();
}

/** The language picked before signing in, once: a later sign-in in the same tab starts afresh. */
export function takeChoiceBeforeSignIn(): Language | null {
  const language = chosen;
  chosen = null;
  return language;
}
