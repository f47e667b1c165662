import { describe, expect, it } from 'vitest';
import { dayNumber } from '../dates/iso-date.js';
import { ZoneCalendar } from './zone-calendar.js';

const iso = (ms: number) => new Date(ms).toISOString();

describe('ZoneCalendar', () => {
  const london = new ZoneCalendar('Europe/London');

  it('knows which days have an offset change', () => {
    expect(london.day(dayNumber('2026-03-28')).linear).toBe(true);
    const spring = london.day(dayNumber('2026-03-29'));
    expect(spring).toMatchObject({ linear: false, weekday: 7 });
    expect(spring.endMs - spring.startMs).toBe(23 * 3_600_000);
    const autumn = london.day(dayNumber('2026-10-25'));
    expect(autumn.endMs - autumn.startMs).toBe(25 * 3_600_000);
  });

  it('maps wall-clock times to instants through Temporal, gaps forward and repeats to the first', () => {
    const spring = dayNumber('2026-03-29');
    expect(iso(london.wallToMs(spring, 0))).toBe('2026-03-29T00:00:00.000Z');
    expect(iso(london.wallToMs(spring, 90))).toBe('2026-03-29T01:30:00.000Z'); // 01:30 does not exist: 02:30 BST
    expect(iso(london.wallToMs(spring, 180))).toBe('2026-03-29T02:00:00.000Z');
    const autumn = dayNumber('2026-10-25');
    expect(iso(london.wallToMs(autumn, 90))).toBe('2026-10-25T00:30:00.000Z'); // the first 01:30 (BST)
    expect(iso(london.wallToMs(autumn, 180))).toBe('2026-10-25T03:00:00.000Z');
    expect(london.wallToMs(autumn, 1440)).toBe(london.day(autumn + 1).startMs);
  });

  it('handles a zone whose day starts after a skipped midnight', () => {
    // Santiago springs forward at 00:00 on 2026-09-06, so that day starts at 01:00.
    const santiago = new ZoneCalendar('America/Santiago');
    const day = santiago.day(dayNumber('2026-09-06'));
    expect(day.linear).toBe(false);
    expect(iso(santiago.wallToMs(day.day, 9 * 60))).toBe('2026-09-06T12:00:00.000Z');
  });

  it('gives the local date and time of an instant', () => {
    expect(new ZoneCalendar('Europe/Istanbul').local(Date.parse('2026-11-22T22:30:00Z'))).toEqual({
      day: dayNumber('2026-11-23'),
      date: '2026-11-23',
      time: '01:30',
    });
  });

  it('rejects unknown zones', () => {
    expect(() => new ZoneCalendar('Mars/Olympus')).toThrow(RangeError);
  });
});
