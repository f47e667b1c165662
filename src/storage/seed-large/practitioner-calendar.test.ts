import { describe, expect, it } from 'vitest';
import { dayNumber } from '../../core/dates/iso-date.js';
import type { SetupPractitioner } from './large-clinic-setup.js';
import { practitionerCalendar, utcOffsetMinutes, weekdayOf } from './practitioner-calendar.js';

const practitioner: SetupPractitioner = {
  id: 'p',
  locationId: 'l',
  roomId: 'r',
  timeZone: 'Europe/Berlin',
  workdays: new Set([1, 2, 3, 4, 5, 6]),
  saturdayMorningsOnly: true,
};
const monday = dayNumber('2026-03-23');

describe('practitionerCalendar', () => {
  it('knows weekdays and the zone offset across the change to summer time', () => {
    expect(weekdayOf(monday)).toBe(1);
    expect(weekdayOf(dayNumber('1970-01-01'))).toBe(4);
    expect(utcOffsetMinutes('Europe/Berlin', dayNumber('2026-03-28'))).toBe(60);
    expect(utcOffsetMinutes('Europe/Berlin', dayNumber('2026-03-29'))).toBe(120);
  });

  it('books free slots near the preferred time, in working hours, without overlaps', () => {
    const calendar = practitionerCalendar([practitioner], monday - 10, monday + 30);
    const first = calendar.book(0, monday, 3, 1);
    expect(new Date(first.startMs).toISOString()).toBe('2026-03-23T09:30:00.000Z'); // 10:30 in Berlin (UTC+1)
    const second = calendar.book(0, monday, 3, 1);
    expect(second.slot).not.toBe(3);
    expect(Math.abs(second.slot - 3)).toBe(1);
    // A two-slot session never runs through the lunch break (slot 7 is 12:30-13:00).
    const long = calendar.book(0, monday, 7, 2);
    expect(long.slot === 7).toBe(false);
    // Sunday is no working day; Saturday has mornings only.
    const sunday = calendar.book(0, monday + 6, 0, 1);
    expect(weekdayOf(sunday.day)).toBe(1);
    const saturday = calendar.book(0, monday + 5, 15, 1);
    expect(saturday.day).toBe(monday + 5);
    expect(saturday.slot).toBeLessThan(8);
    // A full day moves on to the next working day.
    for (let i = 0; i < 16; i++) calendar.book(0, monday + 1, 0, 1);
    expect(calendar.book(0, monday + 1, 0, 1).day).toBe(monday + 2);
  });

  it('books a colleague at the same location when the practitioner is booked out, then the first free day', () => {
    const elsewhere: SetupPractitioner = { ...practitioner, id: 'x', locationId: 'm', roomId: 'r3' };
    const colleague: SetupPractitioner = { ...practitioner, id: 'q', roomId: 'r2' };
    const calendar = practitionerCalendar([practitioner, elsewhere, colleague], monday - 10, monday + 120);
    // Six days a week, Saturday mornings: 5 x 16 + 8 = 88 half hours a week, 176 in two weeks.
    const own = Array.from({ length: 176 }, () => calendar.book(0, monday, 0, 1));
    expect(own.every((b) => b.practitioner === 0 && b.day < monday + 14)).toBe(true);
    const byColleague = calendar.book(0, monday, 0, 1);
    expect([byColleague.practitioner, byColleague.day]).toEqual([2, monday]);
    // The colleague booked out as well: the own practitioner's first free day, never another location.
    for (let i = 0; i < 175; i++) expect(calendar.book(2, monday, 0, 1).practitioner).toBe(2);
    const later = calendar.book(0, monday, 0, 1);
    expect([later.practitioner, later.day]).toEqual([0, monday + 14]);
  });
});
