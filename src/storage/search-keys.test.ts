import { describe, expect, it } from 'vitest';
import { nameKey, nameTokens, phoneDigits } from './search-keys.js';

describe('search keys', () => {
  it('fold case, accents and punctuation in names', () => {
    expect(nameKey('  Anne-Marie Müller ')).toBe('anne marie muller');
    expect(nameKey("O'Brien")).toBe('o brien');
    expect(nameKey('ŁUKASZ')).toBe('łukasz');
    expect(nameTokens('%_ ')).toEqual([]);
    expect(nameTokens('Zoë  van Dijk')).toEqual(['zoe', 'van', 'dijk']);
  });

  it('keep only digits of phone numbers', () => {
    expect(phoneDigits('+49 (0)30 123-45')).toBe('4903012345');
  });
});
