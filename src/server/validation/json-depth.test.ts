import { describe, expect, it } from 'vitest';
import { nestsDeeperThan } from './json-depth.js';

const nested = (depth: number, wrap: (inner: unknown) => unknown) => {
  let value: unknown = 'leaf';
  for (let i = 0; i < depth; i++) value = wrap(value);
  return value;
};

describe('nestsDeeperThan', () => {
  it('counts objects and arrays as levels, and nothing else', () => {
    expect(nestsDeeperThan('text', 0)).toBe(false);
    expect(nestsDeeperThan({ a: 1, b: [2, 3] }, 2)).toBe(false);
    expect(nestsDeeperThan({ a: 1, b: [2, 3] }, 1)).toBe(true);
    expect(nestsDeeperThan(nested(64, (v) => ({ a: v })), 64)).toBe(false);
    expect(nestsDeeperThan(nested(65, (v) => [v]), 64)).toBe(true);
  });

  it('walks values nested far deeper than the call stack allows', () => {
    expect(nestsDeeperThan(nested(200_000, (v) => ({ a: v })), 64)).toBe(true);
  });
});
