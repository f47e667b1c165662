import { Temporal } from 'temporal-polyfill';
import { dayNumber, fromDayNumber, type IsoDate } from '../dates/iso-date.js';
import type { Weekday } from './availability.js';
import { formatWallTime, MINUTES_PER_DAY } from './wall-clock.js';

/** One local calendar day in the clinic zone. Days are numbered like iso-date's `dayNumber`. */
export interface LocalDay {
  day: number;
  date: IsoDate;
  weekday: Weekday;
  /** The instant the local day starts (usually local midnight) and the instant the next one starts. */
  startMs: number;
  endMs: number;
  /**
   * True when the day starts at 00:00 and no offset change happens before it ends, so a wall-clock
   * time is the start plus its minutes. Days with a transition go through Temporal for every time.
   */
  linear: boolean;
}

const MS_PER_MINUTE = 60_000;

/**
 * Wall-clock <-> instant conversions in one IANA zone, every offset coming from Temporal. Days are
 * cached because a search asks about the same few hundred days thousands of times; the cache is an
 * internal memo and never changes an answer.
 */
export class ZoneCalendar {
  private readonly starts = new Map<number, number>();
  private readonly days = new Map<number, LocalDay>();

  constructor(readonly timeZone: string) {
    try {
      Temporal.Instant.fromEpochMilliseconds(0).toZonedDateTimeISO(timeZone);
    } catch {
      throw new RangeError(`unknown time zone: ${timeZone}`);
    }
  }

  private startOf(day: number): number {
    let ms = this.starts.get(day);
    if (ms === undefined) {
      ms = Temporal.PlainDate.from(fromDayNumber(day)).toZonedDateTime(this.timeZone).epochMilliseconds;
      this.starts.set(day, ms);
    }
    return ms;
  }

  day(day: number): LocalDay {
    let info = this.days.get(day);
    if (!info) {
      const date = fromDayNumber(day);
      const start = Temporal.PlainDate.from(date).toZonedDateTime(this.timeZone);
      const endMs = this.startOf(day + 1);
      const next = start.getTimeZoneTransition('next');
      const linear = start.hour === 0 && start.minute === 0 && (next === null || next.epochMilliseconds >= endMs);
      info = { day, date, weekday: start.dayOfWeek as Weekday, startMs: start.epochMilliseconds, endMs, linear };
      this.starts.set(day, info.startMs);
      this.days.set(day, info);
    }
    return info;
  }

  /**
   * The instant of a wall-clock time (minutes after midnight, 1440 = next day's start) on a local day.
   * A time skipped by a spring-forward gap maps to the instant after the gap and a repeated time to
   * its first occurrence (Temporal's 'compatible' disambiguation, as calendars do).
   */
  wallToMs(day: number, minutes: number): number {
    const info = this.day(day);
    if (minutes >= MINUTES_PER_DAY) return info.endMs;
    if (info.linear) return info.startMs + minutes * MS_PER_MINUTE;
    return Temporal.PlainDateTime.from(`${info.date}T${formatWallTime(minutes)}`).toZonedDateTime(this.timeZone, {
      disambiguation: 'compatible',
    }).epochMilliseconds;
  }

  /** Parses "2026-03-29T01:30" (no zone); throws RangeError on anything else. */
  static parseLocalDateTime(value: string): Temporal.PlainDateTime {
    try {
      return Temporal.PlainDateTime.from(value);
    } catch {
      throw new RangeError(`not a local date-time (YYYY-MM-DDTHH:MM): ${value}`);
    }
  }

  /** A local date-time read in the clinic zone, with the same disambiguation as `wallToMs`. */
  localDateTimeToMs(value: Temporal.PlainDateTime | string): number {
    const pdt = typeof value === 'string' ? ZoneCalendar.parseLocalDateTime(value) : value;
    return pdt.toZonedDateTime(this.timeZone, { disambiguation: 'compatible' }).epochMilliseconds;
  }

  /** The local calendar date and wall-clock time of an instant. */
  local(ms: number): { day: number; date: IsoDate; time: string } {
    const z = Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(this.timeZone);
    const date = z.toPlainDate().toString();
    return { day: dayNumber(date), date, time: formatWallTime(z.hour * 60 + z.minute) };
  }

  dayOf(ms: number): number {
    return this.local(ms).day;
  }
}
