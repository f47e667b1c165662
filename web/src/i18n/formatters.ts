import { numberFormat } from './intl-cache';

/** Dates and numbers in the reader's language, with the browser's Intl (nothing to download). */
export interface Formatters {
  /** A calendar date (YYYY-MM-DD), e.g. 22 Nov 2026. */
  date(iso: string): string;
  /** A calendar date with the weekday, for headings. */
  longDate(iso: string): string;
  /** An instant (ISO timestamp) as date and time. */
  dateTime(timestamp: string): string;
  /** An instant's time of day. */
  time(timestamp: string): string;
  number(value: number, options?: Intl.NumberFormatOptions): string;
  /** 4–10, or 4 when both ends are equal. */
  range(range: { min: number; max: number }): string;
  /** a, b and c. */
  list(items: readonly string[]): string;
  /** A span of time in its largest sensible unit: "3 days", "20 hours", "15 minutes". */
  duration(ms: number): string;
}

/** Calendar dates name a day, not an instant: formatted at UTC midnight they never shift by a day. */
function calendarDate(iso: string): Date {
  return new Date(`${iso.slice(0, 10)}T00:00:00Z`);
}

/** Makes the value on first use: a page pays only for the formatters it uses (the first costs tens of ms). */
function onFirstUse<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

export function createFormatters(language: string): Formatters {
  const date = onFirstUse(() => new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }));
  const longDate = onFirstUse(() => new Intl.DateTimeFormat(language, { dateStyle: 'full', timeZone: 'UTC' }));
  const dateTime = onFirstUse(() => new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }));
  const time = onFirstUse(() => new Intl.DateTimeFormat(language, { timeStyle: 'short' }));
  const number = onFirstUse(() => new Intl.NumberFormat(language, { maximumFractionDigits: 2 }));
  const list = onFirstUse(() => new Intl.ListFormat(language, { type: 'conjunction' }));
  return {
    date: (iso) => date().format(calendarDate(iso)),
    longDate: (iso) => longDate().format(calendarDate(iso)),
    dateTime: (timestamp) => dateTime().format(new Date(timestamp)),
    time: (timestamp) => time().format(new Date(timestamp)),
    number: (value, options) => (options ? numberFormat(language, options).format(value) : number().format(value)),
    range: ({ min, max }) => (min === max ? number().format(min) : number().formatRange(min, max)),
    list: (items) => list().format(items),
    duration: (ms) => {
      const minutes = Math.max(1, Math.round(ms / 60_000));
      const [value, unit] =
        minutes >= 48 * 60
          ? [Math.round(minutes / 1440), 'day']
          : minutes >= 60
            ? [Math.round(minutes / 60), 'hour']
            : [minutes, 'minute'];
      return numberFormat(language, { style: 'unit', unit, unitDisplay: 'long' }).format(value);
    },
  };
}
