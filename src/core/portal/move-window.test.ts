import { describe, expect, it } from 'vitest';
import { ZoneCalendar } from '../scheduling/zone-calendar.js';
import { moveWindow } from './move-window.js';

const calendar = new ZoneCalendar('Europe/Istanbul');
const spacing = { intervalDays: { min: 7, max: 14 } };
/** 09:00 Istanbul on each date. */
const starts = ['2026-11-23', '2026-12-03', '2026-12-13'].map((d) => Date.parse(`${d}T06:00:00Z`));
const longAgo = Date.parse('2026-11-01T00:00:00Z');

describe('moveWindow', () => {
  it("keeps a later session within the plan's interval after the one before it", () => {
    expect(moveWindow({ calendar, spacing, starts, session: 2, notBeforeMs: longAgo })).toMatchObject({
      from: '2026-11-30',
      to: '2026-12-07',
      interval: { min: 7, max: 14 },
    });
  });

  it('follows the later interval once the plan switches to it', () => {
    const switched = { ...spacing, laterIntervalDays: { min: 21, max: 28 }, switchAfter: 2 };
    expect(moveWindow({ calendar, spacing: switched, starts, session: 3, notBeforeMs: longAgo })).toMatchObject({
      from: '2026-12-24',
      to: '2026-12-31',
    });
  });

  it('keeps the first session within one interval of its booked day, either way', () => {
    expect(moveWindow({ calendar, spacing, starts, session: 1, notBeforeMs: longAgo })).toMatchObject({
      from: '2026-11-09',
      to: '2026-12-07',
    });
  });

  it('starts no earlier than the notice period allows, and is gone once that passes its end', () => {
    const notBeforeMs = Date.parse('2026-12-05T12:00:00Z');
    expect(moveWindow({ calendar, spacing, starts, session: 2, notBeforeMs })).toMatchObject({
      from: '2026-12-05',
      to: '2026-12-07',
    });
    expect(moveWindow({ calendar, spacing, starts, session: 2, notBeforeMs: Date.parse('2026-12-08T00:00:00Z') })).toBe(
      undefined,
    );
  });
});
