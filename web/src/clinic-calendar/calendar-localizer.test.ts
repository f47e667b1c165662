import { describe, expect, it } from 'vitest';
import { cachedRanges } from './calendar-localizer';

describe('cachedRanges', () => {
  const format = new Intl.DateTimeFormat('en-GB', { timeStyle: 'short', timeZone: 'Europe/London' });
  const at = (iso: string) => new Date(iso);

  it('gives what formatRange gives, for repeated and different ranges', () => {
    const label = cachedRanges(format);
    const ranges = [
      { start: at('2026-03-02T09:00:00Z'), end: at('2026-03-02T09:30:00Z') },
      { start: at('2026-03-02T09:00:00Z'), end: at('2026-03-02T10:15:00Z') },
      { start: at('2026-03-30T09:00:00Z'), end: at('2026-03-30T09:30:00Z') },
    ];
    for (const range of [...ranges, ...ranges]) expect(label(range)).toBe(format.formatRange(range.start, range.end));
    // Summer time: the same UTC hour is a later local time, so the key must be the instant, not a time of day.
    expect(label(ranges[2]!)).not.toBe(label(ranges[0]!));
  });

  it('formats each range once', () => {
    let calls = 0;
    const counting = Object.assign(Object.create(format) as Intl.DateTimeFormat, {
      formatRange: (start: Date, end: Date) => {
        calls += 1;
        return format.formatRange(start, end);
      },
    });
    const label = cachedRanges(counting);
    const range = { start: at('2026-03-02T09:00:00Z'), end: at('2026-03-02T09:30:00Z') };
    label(range);
    label({ start: new Date(range.start), end: new Date(range.end) });
    expect(calls).toBe(1);
  });
});
