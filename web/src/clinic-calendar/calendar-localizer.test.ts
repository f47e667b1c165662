import { DateLocalizer } from 'react-big-calendar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cachedRanges, withDayMath } from './calendar-localizer';

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

/** Node's environment (the web app's types know no Node): the time zone is read from it. */
const env = (globalThis as unknown as { process: { env: Record<string, string | undefined> } }).process.env;
/** As the calendar calls it (its types give it two arguments). */
type InEventRange = (args: { event: { start: Date; end: Date }; range: { start: Date; end: Date } }) => boolean;

describe('withDayMath', () => {
  const zone = env.TZ;
  // Local time with summer time: the comparisons by day must hold across both changes.
  beforeAll(() => {
    env.TZ = 'Europe/Berlin';
  });
  afterAll(() => {
    if (zone === undefined) delete env.TZ;
    else env.TZ = zone;
  });
  const spec = () => ({ formats: {}, firstOfWeek: () => 1, format: () => '' });

  it('compares and ranges as the calendar’s own arithmetic does, in every unit, around summer time', () => {
    const plain = new DateLocalizer(spec());
    const fast = withDayMath(new DateLocalizer(spec()));
    const instants = [
      '2026-03-28T22:59:59.999Z',
      '2026-03-28T23:00:00.000Z',
      '2026-03-29T00:30:00.000Z',
      '2026-03-29T01:00:00.000Z',
      '2026-03-29T21:59:00.000Z',
      '2026-03-29T22:00:00.000Z',
      '2026-10-24T22:00:00.000Z',
      '2026-10-25T00:59:30.500Z',
      '2026-10-25T01:00:00.000Z',
      '2026-10-25T22:59:59.000Z',
      '2026-10-25T23:00:00.000Z',
      '2026-12-07T08:00:00.000Z',
      '2026-12-07T08:00:45.000Z',
    ].map((iso) => new Date(iso));
    const units = [undefined, 'milliseconds', 'minutes', 'hours', 'day', 'week', 'month'] as const;
    for (const a of instants)
      for (const b of instants)
        for (const unit of units)
          for (const op of ['eq', 'neq', 'gt', 'gte', 'lt', 'lte'] as const)
            expect(fast[op](a, b, unit), `${op} ${a.toISOString()} ${b.toISOString()} ${unit}`).toBe(
              plain[op](a, b, unit),
            );
    for (const a of instants) {
      expect(fast.startOf(a, 'day').getTime()).toBe(plain.startOf(a, 'day').getTime());
      for (const b of instants) {
        expect(fast.isSameDate(a, b)).toBe(plain.isSameDate(a, b));
        for (const c of instants) expect(fast.inRange(a, b, c, 'day')).toBe(plain.inRange(a, b, c, 'day'));
        const range = { start: a, end: b };
        for (const c of instants) {
          const event = { start: c, end: b };
          expect((fast.inEventRange as unknown as InEventRange)({ event, range })).toBe(
            (plain.inEventRange as unknown as InEventRange)({ event, range }),
          );
        }
      }
    }
  });
});
