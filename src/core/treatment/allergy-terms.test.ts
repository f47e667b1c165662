import { describe, expect, it } from 'vitest';
import { loadKnowledgeLibrary } from '../../knowledge-files/load-knowledge-library.js';
import { testKnowledgeBase } from '../../test-support/intake-builder.js';
import { allergensNamedIn, namesTerm, patientAllergens } from './allergy-terms.js';
import { anaesthesiaAgents } from './plan-view.js';

const kb = testKnowledgeBase();

describe('allergy terms', () => {
  it('reads allergies through the knowledge base’s aliases, keeping unknown substances as written', () => {
    const allergens = patientAllergens(
      [{ substance: 'Lignocaine' }, { substance: 'sodium hyaluronate' }, { substance: 'Latex' }, { substance: ' ' }],
      kb,
    );
    expect([...allergens.ingredients].sort()).toEqual(['hyaluronic_acid', 'lidocaine']);
    expect(allergens.unrecognised).toEqual(['latex']);
    expect(allergens.unknownComponent).toBe(false);
  });

  it('matches whole words only', () => {
    expect(namesTerm('lidocaine_cream', 'lidocaine')).toBe(true);
    expect(namesTerm('lidocaine/prilocaine', 'prilocaine')).toBe(true);
    expect(namesTerm('prilocaine', 'caine')).toBe(false);
    expect(namesTerm('shea_butter', 'ha')).toBe(false);
  });

  it('finds an allergen in free text by any of its names', () => {
    const lidocaine = patientAllergens([{ substance: 'lidocaine' }], kb);
    expect(allergensNamedIn('Lidocaine cream', lidocaine, kb)).toEqual(['lidocaine']);
    expect(allergensNamedIn('lignocaine 5%', lidocaine, kb)).toEqual(['lidocaine']);
    expect(allergensNamedIn('Numbing cream', lidocaine, kb)).toEqual(['lidocaine']);
    expect(allergensNamedIn('ice pack', lidocaine, kb)).toEqual([]);
    expect(allergensNamedIn('latex gloves', patientAllergens([{ substance: 'latex' }], kb), kb)).toEqual(['latex']);
  });

  it('an unidentified past reaction clears nothing', () => {
    expect(allergensNamedIn('ice pack', patientAllergens([{ substance: 'unknown' }], kb), kb)).toEqual(['unknown']);
  });

  it('an allergy written in Turkish withholds the numbing agent at the chart, as the English word does', () => {
    // The chart's check reads the library's base, which knows every language's ingredient words.
    const base = loadKnowledgeLibrary().base;
    for (const substance of ['lidokain', 'LİDOKAİN', 'Lidocaine']) {
      const allergens = patientAllergens([{ substance }], base);
      expect([...allergens.ingredients], substance).toEqual(['lidocaine']);
      expect(
        anaesthesiaAgents(base, allergens).every((agent) => !agent.allowed),
        substance,
      ).toBe(true);
    }
    expect(anaesthesiaAgents(base, patientAllergens([{ substance: 'çilek' }], base))[0]?.allowed).toBe(true);
  });
});
