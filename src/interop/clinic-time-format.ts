/** Where and in which language the clinic lives; both are inputs, never the server's own settings. */
export interface ClinicLocale {
  /** IANA zone, e.g. `Europe/Istanbul`. */
  timeZone: string;
  /** BCP 47 tag, e.g. `tr-TR` or `en-GB`. */
  locale: string;
}

export interface ClinicTimeFormat {
  /** "01:00" (or "1:00 AM" where the locale says so). */
  time(ms: number): string;
  /** "Tue 24 Nov" */
  day(ms: number): string;
  /** "24 Nov 2026, 01:00" */
  dateTime(ms: number): string;
  /** A calendar date (YYYY-MM-DD, no zone) as "2 Jun 1988". */
  calendarDate(isoDate: string): string;
}

/** Throws RangeError for an unknown zone or locale, before any document is drawn. */
export function clinicTimeFormat({ timeZone, locale }: ClinicLocale): ClinicTimeFormat {
  const time = new Intl.DateTimeFormat(locale, { timeZone, hour: '2-digit', minute: '2-digit' });
  const day = new Intl.DateTimeFormat(locale, { timeZone, weekday: 'short', day: 'numeric', month: 'short' });
  const dateTime = new Intl.DateTimeFormat(locale, { timeZone, dateStyle: 'medium', timeStyle: 'short' });
  // A calendar date is the same day everywhere: format it at UTC noon, in UTC.
  const calendar = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', dateStyle: 'medium' });
  return {
    time: (ms) => time.format(ms),
    day: (ms) => day.format(ms),
    dateTime: (ms) => dateTime.format(ms),
    calendarDate: (iso) => {
      const ms = Date.parse(`${iso}T12:00:00Z`);
      return Number.isNaN(ms) ? iso : calendar.format(ms);
    },
  };
}

export function instantMs(value: string): number {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new RangeError(`not an instant: ${value}`);
  return ms;
}
