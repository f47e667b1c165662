import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney } from './money-amounts';

/** The browser's own variant of the page language (en-GB, tr-TR) when it has one, as useFormat does. */
function formattingLocale(language: string): string {
  return navigator.languages.find((l) => l.toLowerCase().startsWith(`${language}-`)) ?? language;
}

/** `money(minor, currency)`: an amount in the reader's language, following a language switch. */
export function useMoney(): (minor: number, currency: string) => string {
  const { i18n } = useTranslation();
  const locale = formattingLocale(i18n.resolvedLanguage ?? 'en');
  return useCallback((minor, currency) => formatMoney(minor, currency, locale), [locale]);
}

/** A tax rate (20, 7.5) as the reader writes a percentage: "20%", "%20". */
export function usePercent(): (rate: number) => string {
  const { i18n } = useTranslation();
  const locale = formattingLocale(i18n.resolvedLanguage ?? 'en');
  return useCallback(
    (rate) => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }).format(rate / 100),
    [locale],
  );
}
