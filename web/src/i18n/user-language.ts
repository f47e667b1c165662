/**
 * The web app's language for a reader whose account says `preferred` (a patient's, their record's):
 * that language when the web app has it, else null (the page keeps the language it shows). Pure, so
 * the rule is tested without a browser; `follow-user-language.ts` applies it.
 */
export function webLanguageFor<L extends string>(
  preferred: string | null | undefined,
  languages: readonly L[],
): L | null {
  if (!preferred) return null;
  const tag = preferred.toLowerCase();
  return languages.find((l) => l === tag) ?? languages.find((l) => l === tag.split('-')[0]) ?? null;
}
