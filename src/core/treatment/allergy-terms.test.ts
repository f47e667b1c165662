import { describe, expect, it } from 'vitest';
import { testKnowledgeBase } from '../../test-support/intake-builder.js';
import { allergensNamedIn, namesTerm, patientAllergens } from './allergy-terms.js';

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
});
