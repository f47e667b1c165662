/**
 * Money on screen and in forms. The server counts whole minor units (cents, kuruş); people read and
 * type major units in their own locale. How many minor units a major one has is the currency's own
 * (JPY none, EUR two, BHD three), so it is asked of Intl rather than assumed to be 100.
 */

import { numberFormat } from '../i18n/intl-cache';

/** The number of decimals a currency's amounts are written with (2 when Intl does not know it). */
export function minorDigits(currency: string): number {
  try {
    return numberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/**
 * A typed major amount (12.5) as minor units (1250). The decimal exponent is shifted in the
 * number's text, so 1.15 becomes 115 and not 114.99999999999999; a value with more decimals than the
 * currency has is rounded half away from zero, as the server rounds tax.
 */
export function toMinor(major: number, currency: string): number {
  const shifted = Number(`${Math.abs(major)}e${minorDigits(currency)}`);
  return Math.sign(major) * Math.round(shifted);
}

/** Minor units as a major number (1250 -> 12.5), for a form field's starting value. */
export function toMajor(minor: number, currency: string): number {
  return Number(`${minor}e-${minorDigits(currency)}`);
}

/** An amount written in the reader's locale with its currency: "€12.50", "12,50 €", "₺1.234,00". */
export function formatMoney(minor: number, currency: string, locale: string): string {
  try {
    return numberFormat(locale, { style: 'currency', currency }).format(toMajor(minor, currency));
  } catch {
    // An unknown code still shows its amount rather than breaking the page.
    return `${toMajor(minor, currency).toFixed(2)} ${currency}`;
  }
}

/** A value from a Mantine NumberInput (a number, or '' while empty) as a number, or undefined. */
export function typedAmount(value: number | string): number | undefined {
  if (value === '') return undefined;
  const number = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(number) ? number : undefined;
}

/** ISO 4217: three capital letters. */
export function isCurrencyCode(value: string): boolean {
  return /^[A-Z]{3}$/.test(value);
}
