import { DateLocalizer, type DateRange, type Formats } from 'react-big-calendar';

type Options = Intl.DateTimeFormatOptions;

/** The first day of the week where the language is spoken (Monday unless Intl says otherwise). */
function firstDayOf(language: string): number {
  try {
    const locale = new Intl.Locale(language) as Intl.Locale & { getWeekInfo?: () => { firstDay: number } };
    const info = locale.getWeekInfo?.();
    return info ? info.firstDay % 7 : 1;
  } catch {
    return 1;
  }
}

/** Labels kept per formatter: beyond this many distinct ranges the cache starts again. */
const maxCachedRanges = 20_000;

/**
 * formatRange through a cache by start and end: each session's box asks for its time label on every
 * render, and Intl's formatRange costs tens of microseconds, which a week of thousands of sessions
 * pays again per render. The formatter fixes the language and the zone, so the instants are the key.
 */
export function cachedRanges(format: Intl.DateTimeFormat): (range: DateRange) => string {
  const labels = new Map<string, string>();
  return ({ start, end }) => {
    const key = `${start.getTime()}/${end.getTime()}`;
    let label = labels.get(key);
    if (label === undefined) {
      if (labels.size >= maxCachedRanges) labels.clear();
      label = format.formatRange(start, end);
      labels.set(key, label);
    }
    return label;
  };
}

type Unit = Parameters<DateLocalizer['eq']>[2];
type Compare = (a: Date, b: Date, unit?: Unit) => boolean;

/** Local midnights kept per instant: beyond this many the cache starts again. */
const maxCachedDays = 50_000;

/**
 * The calendar's date comparisons by day without its own date arithmetic: react-big-calendar
 * compares by day through a startOf that copies the date and sets hours, minutes, seconds and
 * milliseconds in local time one by one, and it does so for every session in every column of the
 * week (tens of thousands of times for twenty practitioners). Here the local midnight of an instant
 * is worked out once and kept. Other units go to the calendar's own arithmetic, unchanged.
 */
export function withDayMath(localizer: DateLocalizer): DateLocalizer {
  const base = { startOf: localizer.startOf.bind(localizer) };
  const midnights = new Map<number, number>();
  const midnight = (d: Date): number => {
    const instant = d.getTime();
    let day = midnights.get(instant);
    if (day === undefined) {
      if (midnights.size >= maxCachedDays) midnights.clear();
      day = new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
      midnights.set(instant, day);
    }
    return day;
  };
  // No unit: the instants themselves, as the calendar's startOf gives a copy for an unknown unit.
  const start = (d: Date, unit?: Unit): number => {
    if (unit === undefined || unit === 'milliseconds') return d.getTime();
    if (unit === 'day') return midnight(d);
    return (base.startOf as (d: Date, unit: Unit) => Date)(d, unit).getTime();
  };
  const comparer =
    (op: (a: number, b: number) => boolean): Compare =>
    (a, b, unit) =>
      op(start(a, unit), start(b, unit));
  const eq = comparer((a, b) => a === b);
  const neq = comparer((a, b) => a !== b);
  const gt = comparer((a, b) => a > b);
  const gte = comparer((a, b) => a >= b);
  const lt = comparer((a, b) => a < b);
  const lte = comparer((a, b) => a <= b);
  const overrides = {
    startOf: (d: Date, unit: Unit, firstOfWeek?: number) =>
      unit === 'day'
        ? new Date(midnight(d))
        : (base.startOf as (d: Date, unit: Unit, firstOfWeek?: number) => Date)(d, unit, firstOfWeek),
    eq,
    neq,
    gt,
    gte,
    lt,
    lte,
    inRange: (day: Date, min?: Date, max?: Date, unit: Unit = 'day') =>
      (!min || gte(day, min, unit)) && (!max || lte(day, max, unit)),
    isSameDate: (a: Date, b: Date) => eq(a, b, 'day'),
    inEventRange: ({ event, range }: { event: { start: Date; end: Date }; range: { start: Date; end: Date } }) => {
      const eventDay = new Date(midnight(event.start));
      // As the calendar does: a session that ends at the midnight it starts from counts with its end included.
      const endsAfterStart = neq(eventDay, event.end, 'minutes')
        ? gt(event.end, range.start, 'minutes')
        : gte(event.end, range.start, 'minutes');
      return lte(eventDay, range.end, 'day') && endsAfterStart;
    },
  };
  return Object.assign(localizer, overrides as unknown as Partial<DateLocalizer>);
}

/**
 * The calendar's dates and times through the browser's Intl in the page language, as the rest of
 * the app writes them, so the calendar needs no date library of its own.
 */
export function calendarLocalizer(language: string): DateLocalizer {
  const formatter = (options: Options) => new Intl.DateTimeFormat(language, options);
  const time = formatter({ timeStyle: 'short' });
  const dayHeader = formatter({ weekday: 'short', day: 'numeric', month: 'short' });
  const longDay = formatter({ dateStyle: 'full' });
  const range = formatter({ day: 'numeric', month: 'short', year: 'numeric' });
  const timeRange = cachedRanges(time);
  const formats: Formats = {
    dateFormat: (d: Date) => formatter({ day: 'numeric' }).format(d),
    dayFormat: (d: Date) => dayHeader.format(d),
    weekdayFormat: (d: Date) => formatter({ weekday: 'short' }).format(d),
    timeGutterFormat: (d: Date) => time.format(d),
    monthHeaderFormat: (d: Date) => formatter({ month: 'long', year: 'numeric' }).format(d),
    dayHeaderFormat: (d: Date) => longDay.format(d),
    dayRangeHeaderFormat: ({ start, end }: DateRange) => range.formatRange(start, end),
    agendaHeaderFormat: ({ start, end }: DateRange) => range.formatRange(start, end),
    selectRangeFormat: timeRange,
    eventTimeRangeFormat: timeRange,
    eventTimeRangeStartFormat: ({ start }: DateRange) => `${time.format(start)} –`,
    eventTimeRangeEndFormat: ({ end }: DateRange) => `– ${time.format(end)}`,
    agendaDateFormat: (d: Date) => dayHeader.format(d),
    agendaTimeFormat: (d: Date) => time.format(d),
    agendaTimeRangeFormat: timeRange,
  };
  return withDayMath(
    new DateLocalizer({
      formats,
      firstOfWeek: () => firstDayOf(language),
      // Every format above is a function; this only serves names the calendar may ask for beyond them.
      format: (value, _format) =>
        value instanceof Date ? formatter({ dateStyle: 'medium', timeStyle: 'short' }).format(value) : String(value),
    }),
  );
}
