import ICAL from 'ical.js';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { zoneDefinition } from './vtimezone.js';

/** Each observance of a VTIMEZONE: its name, the offset it brings and the month it starts in. */
function observances(vtimezone: string) {
  const zone = new ICAL.Component(ICAL.parse(vtimezone));
  return [...zone.getAllSubcomponents('standard'), ...zone.getAllSubcomponents('daylight')].map((o) => ({
    name: o.getFirstPropertyValue('tzname'),
    offset: String(o.getFirstPropertyValue('tzoffsetto')),
    month: (o.getFirstPropertyValue('rrule') as ICAL.Recur | null)?.parts.BYMONTH?.[0],
  }));
}

const at = (local: string, zone: string) => Temporal.PlainDateTime.from(local).toZonedDateTime(zone);

describe('VTIMEZONE from timezones-ical-library', () => {
  it('names Europe/Dublin’s summer time IST at +0100 and its winter time GMT at +0000', () => {
    const dublin = zoneDefinition('Europe/Dublin')!;
    expect(dublin.vtimezone).toMatch(/^BEGIN:VTIMEZONE\r\nTZID:Europe\/Dublin\r\n/);
    expect(observances(dublin.vtimezone).sort((a, b) => (a.month ?? 0) - (b.month ?? 0))).toEqual([
      { name: 'IST', offset: '+01:00', month: 3 },
      { name: 'GMT', offset: '+00:00', month: 10 },
    ]);
  });

  it('gives DST zones both changes, fixed zones one observance', () => {
    expect(
      observances(zoneDefinition('Europe/Berlin')!.vtimezone)
        .map((o) => [o.name, o.offset])
        .sort(),
    ).toEqual([
      ['CEST', '+02:00'],
      ['CET', '+01:00'],
    ]);
    expect(observances(zoneDefinition('Europe/Istanbul')!.vtimezone).map((o) => o.offset)).toEqual(['+03:00']);
  });

  it('keeps the name an event uses when the zone is an alias', () => {
    expect(zoneDefinition('Europe/Kiev')!.vtimezone).toContain('TZID:Europe/Kiev\r\n');
    expect(zoneDefinition('Europe/Kiev')!.vtimezone).not.toContain('TZID:Europe/Kyiv');
  });

  it('has nothing for a zone it does not know', () => {
    expect(zoneDefinition('Mars/Olympus_Mons')).toBeUndefined();
  });

  it('tells which moments the rules place right: not those from before a zone last changed them', () => {
    const berlin = zoneDefinition('Europe/Berlin')!;
    expect(berlin.reads(at('2030-07-01T09:00', 'Europe/Berlin'))).toBe(true);
    expect(berlin.reads(at('2030-01-15T09:00', 'Europe/Berlin'))).toBe(true);
    // Istanbul kept summer time until 2016 (+02 in winter); the library has only today's fixed +03.
    const istanbul = zoneDefinition('Europe/Istanbul')!;
    expect(istanbul.reads(at('2030-01-15T09:00', 'Europe/Istanbul'))).toBe(true);
    expect(istanbul.reads(at('2010-01-15T09:00', 'Europe/Istanbul'))).toBe(false);
  });
});
