import { describe, expect, it } from 'vitest';
import { changeableUntilMs, earliestOnlineStartMs, isChangeableOnline } from './notice-period.js';

describe('notice period', () => {
  const session = '2026-11-25T10:00:00.000Z';

  it('closes online changes the notice period before the session', () => {
    expect(new Date(changeableUntilMs(session, 24)).toISOString()).toBe('2026-11-24T10:00:00.000Z');
    expect(isChangeableOnline(session, 24, Date.parse('2026-11-24T10:00:00.000Z'))).toBe(true);
    expect(isChangeableOnline(session, 24, Date.parse('2026-11-24T10:00:01.000Z'))).toBe(false);
    expect(isChangeableOnline(session, 0, Date.parse('2026-11-25T09:59:00.000Z'))).toBe(true);
  });

  it('books and moves online no sooner than the notice period from now', () => {
    expect(new Date(earliestOnlineStartMs(Date.parse(session), 48)).toISOString()).toBe('2026-11-27T10:00:00.000Z');
  });
});
