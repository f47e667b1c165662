import { describe, expect, it } from 'vitest';
import { tooDeepField } from './json-depth.js';

const nested = (depth: number, wrap: (inner: unknown) => unknown) => {
  let value: unknown = 'leaf';
  for (let i = 0; i < depth; i++) value = wrap(value);
  return value;
};

describe('tooDeepField', () => {
  it('counts objects and arrays as levels, and nothing else', () => {
    expect(tooDeepField('text', 0)).toBeUndefined();
    expect(tooDeepField({ a: 1, b: [2, 3] }, 2)).toBeUndefined();
    expect(tooDeepField({ a: 1, b: [2, 3] }, 1)).toBe('b');
    expect(
      tooDeepField(
        nested(64, (v) => ({ a: v })),
        64,
      ),
    ).toBeUndefined();
    expect(
      tooDeepField(
        nested(65, (v) => [v]),
        64,
      ),
    ).toBe('(body)');
  });

  it('names the top-level field holding the too-deep part', () => {
    expect(tooDeepField({ name: 'x', patient: { notes: nested(100, (v) => [v]) } }, 64)).toBe('patient');
    expect(tooDeepField({ '': nested(100, (v) => [v]) }, 64)).toBe('(body)');
  });

  it('walks values nested far deeper than the call stack allows', () => {
    expect(tooDeepField({ site: nested(200_000, (v) => ({ a: v })) }, 64)).toBe('site');
  });
});
