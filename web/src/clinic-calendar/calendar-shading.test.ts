import { describe, expect, it } from 'vitest';
import { columnBackground, shadeOf, shadeRuns, unassigned } from './calendar-shading';
import type { CalendarData } from './calendar-types';

const data = {
  location: { id: 'loc', name: 'Main', timeZone: 'UTC' },
  locations: [],
  practitioners: [
    { id: 'dr1', name: 'Dr One', working: [{ start: '2030-06-03T09:00:00.000Z', end: '2030-06-03T12:00:00.000Z' }] },
  ],
  rooms: [],
  open: [{ start: '2030-06-03T08:00:00.000Z', end: '2030-06-03T18:00:00.000Z' }],
  closures: [{ start: '2030-06-03T11:00:00.000Z', end: '2030-06-03T11:30:00.000Z', reason: null }],
  sessions: [],
} as unknown as CalendarData;

const slotMs = 15 * 60_000;
/** The slots of 08:00-13:00 UTC on 3 June 2030. */
const slots = Array.from({ length: 20 }, (_, i) => new Date(Date.parse('2030-06-03T08:00:00Z') + i * slotMs));

describe('column shading', () => {
  it('runs of off and closed time, as each slot is shaded', () => {
    const shade = shadeOf(data, 'practitioners');
    expect(shadeRuns(shade, 'dr1', slots, slotMs)).toEqual([
      { from: 0, to: 4, shade: 'off' },
      { from: 12, to: 14, shade: 'closed' },
      { from: 16, to: 20, shade: 'off' },
    ]);
    // A room's column (and "not assigned") follows the opening hours.
    expect(shadeRuns(shadeOf(data, 'rooms'), 'r1', slots, slotMs)).toEqual([{ from: 12, to: 14, shade: 'closed' }]);
    expect(shadeRuns(shade, unassigned, slots, slotMs)).toEqual([{ from: 12, to: 14, shade: 'closed' }]);
  });

  it('draws them in proportion to the column, with a line per slot', () => {
    const style = columnBackground(
      [
        { from: 0, to: 4, shade: 'off' },
        { from: 12, to: 14, shade: 'closed' },
      ],
      20,
    );
    const images = String(style.backgroundImage);
    expect(images.startsWith('linear-gradient(to bottom, var(--mantine-color-gray-3) 1px')).toBe(true);
    expect(images).toContain('repeating-linear-gradient(135deg');
    expect(images).toContain('var(--mantine-color-gray-1) 0%, var(--mantine-color-gray-1) 20%, transparent 20%');
    // Slot lines every 5 %; the closed stretch 10 % high, its top at 60 % of the column.
    expect(style.backgroundSize).toBe('100% 5%, 100% 10%, 100% 100%');
    expect(style.backgroundPosition).toBe('0 0, 0 66.67%, 0 0');
    expect(columnBackground([], 0)).toEqual({});
  });
});
