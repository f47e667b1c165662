import type { paths } from '../api/schema';

/** What GET /api/faq takes: the search words, how many answers, and the language to read them in. */
export type FaqQuery = NonNullable<paths['/api/faq']['get']['parameters']['query']>;
export type FaqLanguage = NonNullable<FaqQuery['language']>;

/** The languages the FAQ is written in; the server refuses any other. */
const faqLanguages: readonly FaqLanguage[] = ['en', 'tr'];

/** The FAQ's language for the screen's (`tr`, `tr-TR`): the same where the FAQ has it, else English. */
export function faqLanguage(screenLanguage: string | undefined): FaqLanguage {
  const tag = (screenLanguage ?? '').toLowerCase().split('-')[0];
  return faqLanguages.find((language) => language === tag) ?? 'en';
}

/**
 * The FAQ request for what the reader typed, in the screen's language: a Turkish session searches,
 * and reads, the Turkish questions and answers. With nothing typed, every question.
 */
export function faqQuery(text: string, screenLanguage: string | undefined): FaqQuery {
  const language = faqLanguage(screenLanguage);
  return text ? { q: text, limit: 5, language } : { language };
}
