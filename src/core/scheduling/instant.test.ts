import { describe, expect, it } from 'vitest';
import { formatInstant, parseInstant } from './instant.js';

describe('instants', () => {
  it('parses Z and offsets to the same instant', () => {
    const z = parseInstant('2026-11-23T06:00:00Z');
    expect(parseInstant('2026-11-23T09:00:00+03:00')).toBe(z);
    expect(parseInstant('2026-11-23T09:00+03:00')).toBe(z);
    expect(parseInstant('2026-11-23T06:00:00.000Z')).toBe(z);
    expect(parseInstant('2026-11-23T06:00:00.000000000Z')).toBe(z);
    expect(formatInstant(z)).toBe('2026-11-23T06:00:00Z');
  });

  it('rejects impossible dates and strings without an offset', () => {
    for (const bad of [
      '2026-02-30T10:00:00Z',
      '2026-11-23T24:00:00Z',
      '2026-11-23T10:00:00',
      '2026-11-23',
      'tomorrow',
    ]) {
      expect(() => parseInstant(bad), bad).toThrow(RangeError);
    }
  });
});
