import { describe, expect, it } from 'vitest';
import { isoWeekday, localSlot, slotSuits } from './opening-fit.js';

describe('opening fit', () => {
  it('names ISO weekdays', () => {
    expect(['2026-01-05', '2026-01-10', '2026-01-11', '1970-01-01'].map(isoWeekday)).toEqual([1, 6, 7, 4]);
  });

  it('reads the slot on the clinic clock, ending at midnight at the latest', () => {
    // 08:30 UTC is 11:30 in Istanbul (UTC+3); a Monday.
    expect(localSlot('2026-01-05T08:30:00.000Z', 45, 'Europe/Istanbul')).toEqual({
      date: '2026-01-05',
      weekday: 1,
      startMinute: 690,
      endMinute: 735,
    });
    expect(localSlot('2026-01-05T23:30:00.000Z', 60, 'UTC').endMinute).toBe(1440);
  });

  it('takes a slot on one of their days, wholly inside one of their spans; empty lists allow anything', () => {
    const monday = localSlot('2026-01-05T10:00:00.000Z', 45, 'UTC');
    expect(slotSuits({ weekdays: [], timesOfDay: [] }, monday)).toBe(true);
    expect(slotSuits({ weekdays: [1, 3], timesOfDay: [] }, monday)).toBe(true);
    expect(slotSuits({ weekdays: [2], timesOfDay: [] }, monday)).toBe(false);
    expect(slotSuits({ weekdays: [], timesOfDay: [{ start: '09:00', end: '12:00' }] }, monday)).toBe(true);
    // 10:00-10:45 runs past the end of 09:00-10:30.
    expect(slotSuits({ weekdays: [], timesOfDay: [{ start: '09:00', end: '10:30' }] }, monday)).toBe(false);
    expect(
      slotSuits(
        {
          weekdays: [1],
          timesOfDay: [
            { start: '08:00', end: '09:00' },
            { start: '10:00', end: '10:45' },
          ],
        },
        monday,
      ),
    ).toBe(true);
  });
});
