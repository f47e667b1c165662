import { describe, expect, it } from 'vitest';
import { vtimezone } from './vtimezone.js';

describe('VTIMEZONE from Temporal', () => {
  it('writes one observance per offset change, local DTSTART in the old offset', () => {
    const text = vtimezone('Europe/Berlin', 2030, 2030);
    expect(text).toContain('TZID:Europe/Berlin');
    expect(text).toContain('BEGIN:DAYLIGHT\r\nDTSTART:20300331T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200');
    expect(text).toContain('BEGIN:STANDARD\r\nDTSTART:20301027T030000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100');
    const fixed = vtimezone('Europe/Istanbul', 2030, 2031);
    expect(fixed.match(/BEGIN:(STANDARD|DAYLIGHT)/g)).toEqual(['BEGIN:STANDARD']);
    expect(fixed).toContain('TZOFFSETTO:+0300');
  });
});
