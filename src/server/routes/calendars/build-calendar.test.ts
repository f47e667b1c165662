import fc from 'fast-check';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { buildCalendar } from './build-calendar.js';

function parseEvents(text: string) {
  const root = new ICAL.Component(ICAL.parse(text));
  return { root, events: root.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v)) };
}

describe('iCalendar documents', () => {
  it('lets ical.js read every instant back exactly, in zones with DST, half-hour DST and odd offsets', () => {
    const zones = ['Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'America/St_Johns', 'Europe/Istanbul', 'UTC'];
    const instant = fc.integer({ min: Date.parse('2029-01-01T00:00:00Z') / 60_000, max: Date.parse('2031-12-31T00:00:00Z') / 60_000 }).map((m) => m * 60_000);
    fc.assert(
      fc.property(fc.constantFrom(...zones), fc.array(instant, { minLength: 1, maxLength: 8 }), (zone, starts) => {
        const text = buildCalendar('test', starts.map((ms, i) => ({ id: `e${i}`, start: new Date(ms).toISOString(), end: new Date(ms + 30 * 60_000).toISOString(), timeZone: zone, summary: 'x', updatedAt: '2029-01-01T00:00:00.000Z' })));
        const { events } = parseEvents(text);
        expect(events.map((e) => e.startDate.toUnixTime() * 1000)).toEqual(starts);
        expect(events.map((e) => e.endDate.toUnixTime() * 1000)).toEqual(starts.map((ms) => ms + 30 * 60_000));
      }),
      { numRuns: 60 },
    );
  });

  it('keeps the instant of a session in the hour the clock repeats', () => {
    // 02:30 in Berlin happens twice on 2030-10-27: at 00:30Z (summer time) and 01:30Z (winter time).
    const starts = ['2030-10-27T00:30:00.000Z', '2030-10-27T01:30:00.000Z', '2030-10-28T08:00:00.000Z'];
    const text = buildCalendar('test', starts.map((start, i) => ({ id: `e${i}`, start, end: new Date(Date.parse(start) + 15 * 60_000).toISOString(), timeZone: 'Europe/Berlin', summary: 'x', updatedAt: start })));
    const { events } = parseEvents(text);
    expect(events.map((e) => new Date(e.startDate.toUnixTime() * 1000).toISOString())).toEqual(starts);
    expect(events.map((e) => e.startDate.zone?.tzid)).toEqual(['UTC', 'UTC', 'Europe/Berlin']);
    expect(text).toContain('DTSTART;TZID=Europe/Berlin:20301028T090000');
  });
});
