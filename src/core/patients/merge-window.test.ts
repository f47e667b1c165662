import { describe, expect, it } from 'vitest';
import { mayReverseMerge, reversibleUntil } from './merge-window.js';

describe('merge window', () => {
  const mergedAt = '2026-03-01T10:00:00.000Z';

  it('allows reversal up to 30 days after the merge, to the millisecond', () => {
    expect(reversibleUntil(mergedAt)).toBe('2026-03-31T10:00:00.000Z');
    expect(mayReverseMerge(mergedAt, new Date('2026-03-01T10:00:00.000Z'))).toBe(true);
    expect(mayReverseMerge(mergedAt, new Date('2026-03-31T10:00:00.000Z'))).toBe(true);
    expect(mayReverseMerge(mergedAt, new Date('2026-03-31T10:00:00.001Z'))).toBe(false);
    expect(mayReverseMerge(mergedAt, new Date('2026-06-01T00:00:00.000Z'))).toBe(false);
  });
});
