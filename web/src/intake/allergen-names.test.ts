import { describe, expect, it } from 'vitest';
import { catalogue, catalogueIn } from '../knowledge/catalogue';
import {
  allergenSuggestions,
  ingredientNamed,
  meantSubstances,
  shownSubstance,
  type AllergenReader,
} from './allergen-names';
import { UNKNOWN_ALLERGEN } from './unknown-allergen';

const turkish: AllergenReader = { unknown: 'bilinmiyor', catalogue: catalogueIn('tr'), language: 'tr' };
const english: AllergenReader = { unknown: 'unknown', catalogue, language: 'en' };
const nameOf = (reader: AllergenReader, id: string) =>
  reader.catalogue.ingredients.find((i) => i.id === id)?.name ?? id;

describe('allergy suggestions in the reader’s language', () => {
  const lidocaine = { en: nameOf(english, 'lidocaine'), tr: nameOf(turkish, 'lidocaine') };

  it('suggests "unknown" and the ingredients in Turkish, in Turkish alphabetical order', () => {
    expect(lidocaine.tr).not.toBe(lidocaine.en);
    const suggested = allergenSuggestions(turkish);
    expect(suggested[0]).toBe('bilinmiyor');
    expect(suggested.slice(1)).toEqual(
      turkish.catalogue.ingredients.map((i) => i.name).sort(Intl.Collator('tr').compare),
    );
    expect(suggested).toContain(lidocaine.tr);
    expect(suggested).not.toContain(lidocaine.en);
    expect(allergenSuggestions(english)).toContain(lidocaine.en);
  });

  it('knows an ingredient by its id and its name in every language', () => {
    for (const word of ['lidocaine', lidocaine.en, lidocaine.tr, lidocaine.tr.toUpperCase()])
      expect(ingredientNamed(word)?.id, word).toBe('lidocaine');
    expect(ingredientNamed('Lateks')).toBeUndefined();
  });

  it('shows a stored ingredient in the reader’s words, anything else as written', () => {
    expect(shownSubstance(lidocaine.en, turkish)).toBe(lidocaine.tr);
    expect(shownSubstance('lidocaine', turkish)).toBe(lidocaine.tr);
    expect(shownSubstance(lidocaine.tr, english)).toBe(lidocaine.en);
    expect(shownSubstance(UNKNOWN_ALLERGEN, turkish)).toBe('bilinmiyor');
    expect(shownSubstance('Lateks', turkish)).toBe('Lateks');
  });

  it('keeps a picked Turkish name by its English name, which every check of the server reads', () => {
    expect(meantSubstances([lidocaine.tr, 'bilinmiyor', 'Lateks'], [], turkish)).toEqual([
      lidocaine.en,
      UNKNOWN_ALLERGEN,
      'Lateks',
    ]);
    // Typed in English on a Turkish screen, the same.
    expect(meantSubstances([lidocaine.en.toLowerCase()], [], turkish)).toEqual([lidocaine.en]);
  });

  it('leaves substances already in the draft as they were stored', () => {
    const before = ['lidocaine', UNKNOWN_ALLERGEN, 'Lateks'];
    const tags = before.map((s) => shownSubstance(s, turkish));
    expect(meantSubstances(tags, before, turkish)).toEqual(before);
    expect(meantSubstances([...tags, nameOf(turkish, 'zinc')], before, turkish)).toEqual([
      ...before,
      nameOf(english, 'zinc'),
    ]);
    expect(meantSubstances([tags[0]!, tags[0]!], before, turkish)).toEqual(['lidocaine']);
  });
});
