import { describe, expect, it } from 'vitest';
import { meantAllergen, shownAllergen, UNKNOWN_ALLERGEN } from './unknown-allergen';

describe('the unknown allergen in the reader’s words', () => {
  it('shows the code in the reader’s word and keeps the code for their word', () => {
    expect(shownAllergen(UNKNOWN_ALLERGEN, 'bilinmiyor')).toBe('bilinmiyor');
    expect(meantAllergen('bilinmiyor', 'bilinmiyor')).toBe(UNKNOWN_ALLERGEN);
    expect(meantAllergen(' Bilinmiyor ', 'bilinmiyor')).toBe(UNKNOWN_ALLERGEN);
    // Typed in English on a Turkish screen, it is still the code.
    expect(meantAllergen('Unknown', 'bilinmiyor')).toBe(UNKNOWN_ALLERGEN);
  });

  it('leaves every other substance as typed', () => {
    expect(shownAllergen('lidocaine', 'bilinmiyor')).toBe('lidocaine');
    expect(meantAllergen('Lidokain', 'bilinmiyor')).toBe('Lidokain');
    expect(meantAllergen('bilinmeyen krem', 'bilinmiyor')).toBe('bilinmeyen krem');
  });
});
