import { useTranslation } from 'react-i18next';
import { dateTimeFormat } from '../i18n/intl-cache';
import { formattingLocale } from '../i18n/use-format';

/** The locale dates are written in: the browser's variant of the page language (en-GB: 14 Jan), as elsewhere. */
export function useFormattingLocale(): string {
  const { i18n } = useTranslation();
  return formattingLocale(i18n.resolvedLanguage ?? 'en');
}

/**
 * A calendar date (YYYY-MM-DD, the location's local day the server gives) as "14 Jan": read at UTC
 * midnight, so the reader's own zone never shifts it.
 */
export function shortDate(language: string, isoDate: string): string {
  return dateTimeFormat(language, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(
    new Date(`${isoDate.slice(0, 10)}T00:00:00Z`),
  );
}

/** An instant as a date and time in the given zone (the location's), e.g. "13 Jan, 10:00". */
export function zonedDateTime(language: string, instant: string, timeZone: string): string {
  return dateTimeFormat(language, {
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  }).format(new Date(instant));
}
