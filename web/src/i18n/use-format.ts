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

/** Formatters for the current language; they change when the user switches language. */
export function useFormat(): Formatters {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  return useMemo(() => createFormatters(formattingLocale(language)), [language]);
}
