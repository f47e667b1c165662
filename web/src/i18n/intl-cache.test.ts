import { describe, expect, it } from 'vitest';
import { dateTimeFormat, numberFormat } from './intl-cache';

describe('Intl formatter cache', () => {
  it('gives the same formatter for the same locale and options', () => {
    const first = dateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
    expect(dateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' })).toBe(first);
    expect(numberFormat('tr', { style: 'percent' })).toBe(numberFormat('tr', { style: 'percent' }));
  });

  it('keeps locales and options apart', () => {
    const options = { day: 'numeric', month: 'short', timeZone: 'UTC' } as const;
    const day = new Date('2027-01-14T00:00:00Z');
    expect(dateTimeFormat('en-GB', options).format(day)).toBe('14 Jan');
    expect(dateTimeFormat('tr', options).format(day)).toBe('14 Oca');
    expect(dateTimeFormat('en-GB', { ...options, month: 'long' }).format(day)).toBe('14 January');
    expect(numberFormat('en', { maximumFractionDigits: 0 }).format(2.5)).not.toBe(
      numberFormat('en', { maximumFractionDigits: 2 }).format(2.5),
    );
  });
});
