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
  return new DateLocalizer({
    formats,
    firstOfWeek: () => firstDayOf(language),
    // Every format above is a function; this only serves names the calendar may ask for beyond them.
    format: (value, _format) =>
      value instanceof Date ? formatter({ dateStyle: 'medium', timeStyle: 'short' }).format(value) : String(value),
  });
}
