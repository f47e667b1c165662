import { describe, expect, it } from 'vitest';
import type { ProductRecord } from '../records/index.js';
import { testKnowledgeBase } from '../../test-support/intake-builder.js';
import { patientAllergens } from './allergy-terms.js';
import { productAllergens } from './product-allergens.js';

const kb = testKnowledgeBase();

const product = (id: string, ingredients: string[]): ProductRecord => ({
  id,
  clinicId: 'clinic',
  name: `Product ${id}`,
  manufacturer: null,
  ingredients,
  createdAt: '2026-01-01T00:00:00.000Z',
  lowStockMl: 10,
});

const recorded = (...substances: string[]) => {
  const allergies = substances.map((substance) => ({ substance }));
  return { allergies, allergens: patientAllergens(allergies, kb) };
};

describe('allergens in products', () => {
  it('finds an allergy written by another name in a linked ingredient, naming the allergy as recorded', () => {
    expect(productAllergens([product('a', ['hyaluronic_acid', 'lidocaine'])], recorded('Xylocaine'), kb)).toEqual([
      {
        productId: 'a',
        productName: 'Product a',
        ingredient: 'lidocaine',
        allergen: 'lidocaine',
        allergy: 'Xylocaine',
      },
    ]);
  });

  it('reads ingredients kept as text, and names every product that holds an allergen', () => {
    const found = productAllergens(
      [product('a', ['Lignocaine HCl 2%']), product('b', ['zinc']), product('c', ['hyaluronic_acid'])],
      recorded('lidocaine', 'zinc'),
      kb,
    );
    expect(found.map(({ productId, allergy }) => [productId, allergy])).toEqual([
      ['a', 'lidocaine'],
      ['b', 'zinc'],
    ]);
  });

  it('finds nothing when the patient reports no allergy', () => {
    expect(productAllergens([product('a', ['lidocaine', 'zinc'])], recorded(), kb)).toEqual([]);
  });
});
