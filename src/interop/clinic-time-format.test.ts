import { describe, expect, it } from 'vitest';
import { clinicTimeFormat } from './clinic-time-format.js';

describe('clinicTimeFormat', () => {
  const at = Date.parse('2026-11-23T22:00:00Z');

  it('formats in the clinic zone and locale, not the server’s', () => {
    const tr = clinicTimeFormat({ timeZone: 'Europe/Istanbul', locale: 'tr-TR' });
    expect([tr.time(at), tr.day(at), tr.dateTime(at)]).toEqual(['01:00', '24 Kas Sal', '24 Kas 2026 01:00']);
    const ny = clinicTimeFormat({ timeZone: 'America/New_York', locale: 'en-US' });
    expect(ny.day(at)).toBe('Mon, Nov 23');
  });

  it('shows a calendar date as the same day in every zone', () => {
    expect(clinicTimeFormat({ timeZone: 'Pacific/Kiritimati', locale: 'en-GB' }).calendarDate('1988-06-02')).toBe(
      '2 Jun 1988',
    );
    expect(clinicTimeFormat({ timeZone: 'Pacific/Pago_Pago', locale: 'en-GB' }).calendarDate('1988-06-02')).toBe(
      '2 Jun 1988',
    );
  });

  it('rejects an unknown zone or locale at once', () => {
    expect(() => clinicTimeFormat({ timeZone: 'Europe/Atlantis', locale: 'en-GB' })).toThrow(RangeError);
    expect(() => clinicTimeFormat({ timeZone: 'UTC', locale: 'not a locale!' })).toThrow(RangeError);
  });
});
