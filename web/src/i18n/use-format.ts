import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { createFormatters, type Formatters } from './formatters';

/**
 * The browser's own variant of the page language when it has one (en-GB writes 23 Nov 2026, en-US
 * Nov 23, 2026), else the language itself.
 */
export function formattingLocale(language: string): string {
  return navigator.languages.find((l) => l.toLowerCase().startsWith(`${language}-`)) ?? language;
}

// One set per locale for the whole app: creating Intl formatters is slow (about half a millisecond
// a set, after the first), and a page of sessions has dozens of components that format.
const byLocale = new Map<string, Formatters>();

function formattersFor(locale: string): Formatters {
  let formatters = byLocale.get(locale);
  if (!formatters) {
    formatters = createFormatters(locale);
    byLocale.set(locale, formatters);
  }
  return formatters;
}

/** Formatters for the current language; they change when the user switches language. */
export function useFormat(): Formatters {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  return useMemo(() => formattersFor(formattingLocale(language)), [language]);
}
