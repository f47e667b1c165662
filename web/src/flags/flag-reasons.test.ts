import { describe, expect, it } from 'vitest';
import { flagReasons } from './flag-reasons';

describe('flagReasons', () => {
  it('reads stored reasons with their sources', () => {
    const stored = [
      { code: 'PREGNANCY', kind: 'absolute', message: 'Pregnant.', sources: ['a.txt'], citations: ['a.txt:3'] },
    ];
    expect(flagReasons(stored)).toEqual([
      { code: 'PREGNANCY', kind: 'absolute', message: 'Pregnant.', sources: ['a.txt'], citations: ['a.txt:3'] },
    ]);
  });

  it('keeps an unreadable reason visible instead of dropping it', () => {
    const reasons = flagReasons([42, { message: 'no code' }]);
    expect(reasons).toHaveLength(2);
    expect(reasons.map((r) => r.code)).toEqual(['UNKNOWN', 'UNKNOWN']);
    expect(reasons[1]?.message).toBe('no code');
  });

  it('reads no reasons from something that is not a list', () => {
    expect(flagReasons(null)).toEqual([]);
    expect(flagReasons({ code: 'PREGNANCY' })).toEqual([]);
  });
});
