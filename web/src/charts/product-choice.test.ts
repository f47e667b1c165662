import { describe, expect, it } from 'vitest';
import { productChoice } from './product-choice';
import type { JudgedProduct } from './treatment-check';

const products = [{ id: 'off' }, { id: 'fit' }, { id: 'lido' }, { id: 'unjudged' }, { id: 'fit2' }];
const judged: JudgedProduct[] = [
  { id: 'off', name: 'Off plan', ingredients: ['collagenase'], fitsPlan: false, allergens: [] },
  { id: 'fit', name: 'Fits', ingredients: ['hyaluronic_acid'], fitsPlan: true, allergens: [] },
  {
    id: 'lido',
    name: 'With lidocaine',
    ingredients: ['hyaluronic_acid', 'lidocaine'],
    fitsPlan: true,
    allergens: ['lidocaine'],
  },
  { id: 'fit2', name: 'Fits too', ingredients: ['vitamin_c'], fitsPlan: true, allergens: [] },
];

describe('productChoice', () => {
  it('offers only the products that fit the plan, counting the others', () => {
    const choice = productChoice(products, judged, false);
    expect(choice.offered.map((p) => p.id)).toEqual(['fit', 'fit2']);
    expect(choice.offPlan).toBe(2);
  });

  it('puts the fitting products first when all are shown, and treats an unjudged product as off plan', () => {
    const choice = productChoice(products, judged, true);
    expect(choice.offered.map((p) => p.id)).toEqual(['fit', 'fit2', 'off', 'unjudged']);
    expect(choice.offPlan).toBe(0);
  });

  it('never offers a product with an allergen of the patient, even when all are shown', () => {
    for (const showAll of [false, true]) {
      const choice = productChoice(products, judged, showAll);
      expect(choice.offered.map((p) => p.id)).not.toContain('lido');
      expect(choice.withheld).toEqual([{ product: { id: 'lido' }, allergens: ['lidocaine'] }]);
    }
  });
});
