import { isIsoDate } from '../core/dates/iso-date.js';

/**
 * Amounts are stored as whole minor units; documents and exports show them in the currency's major
 * unit. The conversion goes through exact decimal text, never through a division in floating point,
 * so a large amount cannot come out a cent off.
 */

const digitsByCurrency = new Map<string, number>();

/** How many decimals the currency's minor unit has, as Intl knows it: 2 for EUR and TRY, 0 for JPY, 3 for KWD. */
export function currencyDigits(currency: string): number {
  let digits = digitsByCurrency.get(currency);
  if (digits === undefined) {
    // Throws RangeError for a code that is not three letters, before anything is written.
    digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    digitsByCurrency.set(currency, digits);
  }
  return digits;
}

/** `-123450` with 2 digits is `"-1234.50"`: a plain decimal, no grouping, a point, whatever the locale. */
export function minorToDecimal(minor: number, digits: number): `${number}` {
  if (!Number.isSafeInteger(minor)) throw new RangeError(`not a whole number of minor units: ${minor}`);
  const sign = minor < 0 ? '-' : '';
  const abs = String(Math.abs(minor)).padStart(digits + 1, '0');
  const text = digits === 0 ? `${sign}${abs}` : `${sign}${abs.slice(0, -digits)}.${abs.slice(-digits)}`;
  return text as `${number}`;
}

export interface MoneyFormat {
  /** Minor units as the locale writes the amount: "€1,234.50", "₺1.234,50". */
  amount(minor: number): string;
  /** A percentage rate as the locale writes it: "20%", "%20", "7,5 %". */
  percent(rate: number): string;
  /** A quantity, with up to three decimals. */
  quantity(value: number): string;
  /** A calendar date (`YYYY-MM-DD`, no zone) written out: "15 February 2026", "15 Şubat 2026". */
  date(isoDate: string): string;
}

/** Throws RangeError for an unknown locale or currency, or (when used) a date that is not `YYYY-MM-DD`. */
export function moneyFormat(locale: string, currency: string): MoneyFormat {
  const money = new Intl.NumberFormat(locale, { style: 'currency', currency });
  const digits = money.resolvedOptions().maximumFractionDigits ?? currencyDigits(currency);
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 });
  const quantity = new Intl.NumberFormat(locale, { maximumFractionDigits: 3 });
  // A calendar date is the same day everywhere: written at UTC noon, in UTC.
  const date = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', dateStyle: 'long' });
  return {
    amount: (minor) => money.format(minorToDecimal(minor, digits)),
    percent: (rate) => percent.format(rate / 100),
    quantity: (value) => quantity.format(value),
    date: (isoDate) => {
      if (!isIsoDate(isoDate)) throw new RangeError(`not a calendar date: ${isoDate}`);
      return date.format(Date.parse(`${isoDate}T12:00:00Z`));
    },
  };
}
