import { describe, expect, it } from 'vitest';
import { faqLanguage, faqQuery } from './faq-query';

describe('FAQ query', () => {
  it("asks in the screen's language, English where the FAQ lacks it", () => {
    expect(faqLanguage('tr')).toBe('tr');
    expect(faqLanguage('tr-TR')).toBe('tr');
    expect(faqLanguage('en-GB')).toBe('en');
    expect(faqLanguage('de')).toBe('en');
    expect(faqLanguage(undefined)).toBe('en');
  });

  it('searches what was typed, or lists every question, always with the language', () => {
    expect(faqQuery('acıtır mı', 'tr')).toEqual({ q: 'acıtır mı', limit: 5, language: 'tr' });
    expect(faqQuery('', 'tr')).toEqual({ language: 'tr' });
    expect(faqQuery('is it painful', 'en')).toEqual({ q: 'is it painful', limit: 5, language: 'en' });
  });
});
