import fc from 'fast-check';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { buildCalendar } from './build-calendar.js';

function parseEvents(text: string) {
  const root = new ICAL.Component(ICAL.parse(text));
  return { root, events: root.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v)) };
}

/** A calendar of sessions lasting `minutes` from each of `starts`, all in `timeZone`. */
function calendarAt(starts: readonly string[], timeZone: string, minutes: number): string {
  return buildCalendar(
    'test',
    starts.map((start, i) => ({
      id: `e${i}`,
      start,
      end: new Date(Date.parse(start) + minutes * 60_000).toISOString(),
      timeZone,
      summary: 'x',
      updatedAt: start,
    })),
  );
}

describe('iCalendar documents', () => {
  it('lets ical.js read every instant back exactly, in zones with DST, half-hour DST and odd offsets', () => {
    const zones = [
      'Europe/Berlin',
      'America/New_York',
      'Australia/Lord_Howe',
      'Asia/Kathmandu',
      'America/St_Johns',
      'Europe/Istanbul',
      'UTC',
    ];
    const instant = fc
      .integer({ min: Date.parse('2029-01-01T00:00:00Z') / 60_000, max: Date.parse('2031-12-31T00:00:00Z') / 60_000 })
      .map((m) => m * 60_000);
    fc.assert(
      fc.property(fc.constantFrom(...zones), fc.array(instant, { minLength: 1, maxLength: 8 }), (zone, starts) => {
        const text = buildCalendar(
          'test',
          starts.map((ms, i) => ({
            id: `e${i}`,
            start: new Date(ms).toISOString(),
            end: new Date(ms + 30 * 60_000).toISOString(),
            timeZone: zone,
            summary: 'x',
            updatedAt: '2029-01-01T00:00:00.000Z',
          })),
        );
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
    const text = calendarAt(starts, 'Europe/Berlin', 15);
    const { events } = parseEvents(text);
    expect(events.map((e) => new Date(e.startDate.toUnixTime() * 1000).toISOString())).toEqual(starts);
    expect(events.map((e) => e.startDate.zone?.tzid)).toEqual(['UTC', 'UTC', 'Europe/Berlin']);
    expect(text).toContain('DTSTART;TZID=Europe/Berlin:20301028T090000');
  });

  it('writes Europe/Dublin sessions in their zone, read back at the right time summer and winter', () => {
    // 09:00 in Dublin: 08:00Z in summer (IST, +0100), 09:00Z in winter (GMT, +0000).
    const starts = ['2030-07-01T08:00:00.000Z', '2030-01-14T09:00:00.000Z'];
    const text = calendarAt(starts, 'Europe/Dublin', 30);
    const { root, events } = parseEvents(text);
    expect(root.getAllSubcomponents('vtimezone').map((z) => z.getFirstPropertyValue('tzid'))).toEqual([
      'Europe/Dublin',
    ]);
    expect(text).toContain('DTSTART;TZID=Europe/Dublin:20300701T090000');
    expect(text).toContain('DTSTART;TZID=Europe/Dublin:20300114T090000');
    expect(
      events.map((e) => [e.startDate.zone?.tzid, e.startDate.hour, e.startDate.minute, e.startDate.utcOffset()]),
    ).toEqual([
      ['Europe/Dublin', 9, 0, 3600],
      ['Europe/Dublin', 9, 0, 0],
    ]);
    expect(events.map((e) => new Date(e.startDate.toUnixTime() * 1000).toISOString())).toEqual(starts);
  });

  it('writes in UTC the sessions its VTIMEZONE would misplace: years before the zone’s rules changed, unknown zones', () => {
    // Istanbul was at +0200 in winter until 2016; the zone's VTIMEZONE has only today's +0300.
    const starts = ['2010-01-15T07:00:00.000Z', '2030-01-15T06:00:00.000Z'];
    const text = calendarAt(starts, 'Europe/Istanbul', 30);
    const { events } = parseEvents(text);
    expect(events.map((e) => e.startDate.zone?.tzid)).toEqual(['UTC', 'Europe/Istanbul']);
    expect(events.map((e) => new Date(e.startDate.toUnixTime() * 1000).toISOString())).toEqual(starts);
    expect(text).toContain('DTSTART;TZID=Europe/Istanbul:20300115T090000');
  });
});
