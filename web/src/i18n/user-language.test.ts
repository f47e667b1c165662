import { describe, expect, it } from 'vitest';
import { webLanguageFor } from './user-language';

const languages = ['en', 'tr'] as const;

describe('the language the web app shows a signed-in reader', () => {
  it('is the account’s language where the app has it', () => {
    expect(webLanguageFor('tr', languages)).toBe('tr');
    expect(webLanguageFor('en', languages)).toBe('en');
    expect(webLanguageFor('TR-tr', languages)).toBe('tr');
  });

  it('leaves the page as it is for a language the app lacks, or none', () => {
    expect(webLanguageFor('de', languages)).toBeNull();
    expect(webLanguageFor('', languages)).toBeNull();
    expect(webLanguageFor(undefined, languages)).toBeNull();
  });
});
