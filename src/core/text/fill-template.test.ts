import { describe, expect, it } from 'vitest';
import { fill, templatePlaceholders } from './fill-template.js';

describe('fill', () => {
  it('puts each value in its place, numbers as written', () => {
    expect(fill('{name} lasted {hours} hours, over {max}.', { name: 'Swelling', hours: 73, max: 48 })).toBe(
      'Swelling lasted 73 hours, over 48.',
    );
  });

  it('replaces in one pass: a value that looks like a mark stays as it is', () => {
    expect(fill('{a} and {b}', { a: '{b}', b: 'x' })).toBe('{b} and x');
  });

  it('leaves a mark with no value visible, and ignores inherited names', () => {
    expect(fill('{name} - {toString}', { name: 'Bruising' })).toBe('Bruising - {toString}');
  });
});

describe('templatePlaceholders', () => {
  it('lists the marks once each, sorted', () => {
    expect(templatePlaceholders('{name}: {max}, {name} {hours}')).toEqual(['hours', 'max', 'name']);
    expect(templatePlaceholders('No marks (here).')).toEqual([]);
  });
});
