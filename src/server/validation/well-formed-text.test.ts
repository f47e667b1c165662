import { describe, expect, it } from 'vitest';
import { malformedTextField } from './well-formed-text.js';

describe('malformedTextField', () => {
  it('passes well-formed text, surrogate pairs (emoji) included', () => {
    expect(malformedTextField({ name: 'Ayşe 😊', tags: ['a', { b: 'ç' }], n: 1, none: null })).toBeUndefined();
    expect(malformedTextField('\ud83d\ude0a')).toBeUndefined();
    expect(malformedTextField([])).toBeUndefined();
  });

  it('names the first string with a lone surrogate, high or low, by its path', () => {
    expect(malformedTextField({ symptom: '\ud800x' })).toBe('symptom');
    expect(malformedTextField({ ok: 'fine', patient: { notes: 'a\udc00' } })).toBe('patient.notes');
    expect(malformedTextField({ points: [{ area: 'scalp' }, { area: 'x\ud83d' }] })).toBe('points[1].area');
    expect(malformedTextField({ a: '\ud800', b: '\ud800' })).toBe('a');
    expect(malformedTextField('\udfff')).toBe('(body)');
  });

  it('blames a malformed key on the object holding it, and a body that is not an object as a whole', () => {
    expect(malformedTextField({ patient: { 'no\ud800te': 'x' } })).toBe('patient');
    expect(malformedTextField({ patient: { ok: { 'no\ud800te': 'x' } } })).toBe('patient.ok');
    expect(malformedTextField({ '\udfff\ud800': {} })).toBe('(body)');
    expect(malformedTextField({ a: { '': '\ud800' } })).toBe('a');
    expect(malformedTextField({ '': '\ud800' })).toBe('(body)');
    expect(malformedTextField(['ok', '\ud800'])).toBe('(body)');
    expect(malformedTextField([{ '': '\udfff\ud800' }])).toBe('(body)');
  });
});
