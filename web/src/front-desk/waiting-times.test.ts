import { describe, expect, it } from 'vitest';
import { spanName, timeSpans } from './waiting-times';

describe('waiting-list times', () => {
  it('names the spans the desk offers, and no other', () => {
    expect(spanName(timeSpans.morning)).toBe('morning');
    expect(spanName({ start: '17:00', end: '20:00' })).toBe('evening');
    expect(spanName({ start: '09:00', end: '12:00' })).toBeUndefined();
  });
});
