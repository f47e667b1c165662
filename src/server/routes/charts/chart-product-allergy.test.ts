import { expect, it } from 'vitest';
import { forEachApp } from '../../../test-support/test-app.js';
import { daysFromToday } from '../../../test-support/relative-dates.js';
import { nothingStored, useTreatmentGate } from './test-support/treatment-gate-fixture.js';

/**
 * The allergy check looks at what is really injected: a product's ingredients, linked to the
 * knowledge base's (so any alias counts), whatever the product is called.
 */
forEachApp('chart product allergy', (get) => {
  const { setup, newPatient, sessionOf, point, chartBody, chart, storedFor } = useTreatmentGate(get);

  /** A product added through the API, which stores its ingredients as knowledge-base ids, with a 5 ml lot. */
  async function productWithLot(name: string, ingredients: string[]) {
    const { practitioner } = setup();
    const product = (
      await practitioner.inject({ method: 'POST', url: '/api/products', payload: { name, ingredients } })
    ).json();
    const lot = (
      await practitioner.inject({
        method: 'POST',
        url: `/api/products/${product.id}/lots`,
        payload: { lotNumber: `${name.slice(0, 3).toUpperCase()}-1`, expiryDate: daysFromToday(700), quantityMl: 5 },
      })
    ).json();
    return { product, lot };
  }

  it('refuses a product holding one of the patient’s allergens, naming product, ingredient and allergy, never as an override', async () => {
    const { practitioner } = setup();
    // Named for what it does, not for what is in it: only the ingredients tell.
    const glow = await productWithLot('Glow mix', ['hyaluronic acid', 'lignocaine']);
    expect(glow.product.ingredients).toEqual(['hyaluronic_acid', 'lidocaine']);
    const patient = await newPatient({ allergies: [{ substance: 'Xylocaine' }] });
    const session = await sessionOf(patient);

    const refused = await chart(
      practitioner,
      session.id,
      chartBody({
        points: [point(), point({ productId: glow.product.id, lotId: glow.lot.id })],
        override: { reason: 'Patient insists' },
      }),
    );
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.json()).toEqual({
      error: 'product_allergy',
      message:
        'Glow mix holds Lidocaine (numbing cream), and the patient is allergic to Xylocaine: it cannot be charted for this patient',
      allergen: 'lidocaine',
      allergens: ['lidocaine'],
      products: [
        { productId: glow.product.id, productName: 'Glow mix', ingredient: 'lidocaine', allergy: 'Xylocaine' },
      ],
    });
    expect(await storedFor(session.id)).toEqual(nothingStored);
    expect((await get().repos.products.findLot(glow.lot.id))?.remainingMl).toBe(5);

    // The same session with the product that holds nothing the patient is allergic to.
    const charted = await chart(practitioner, session.id, chartBody());
    expect(charted.statusCode, charted.body).toBe(201);
  });

  it('reads ingredients stored as text through the aliases too, names every product, and lets other patients have them', async () => {
    const { practitioner } = setup();
    const { product, lot } = await productWithLot('Zinc boost', ['zinc']);
    // A product stored before ingredients were linked keeps its ingredient text: it is still read.
    const legacy = await get().repos.products.createProduct({
      clinicId: get().fixture.clinic.id,
      name: 'Old vial',
      ingredients: ['Lignocaine HCl 2%'],
    });
    const legacyLot = await get().repos.products.createLot({
      productId: legacy.id,
      lotNumber: 'OV-1',
      expiryDate: '2099-12-31',
      quantityMl: 5,
    });
    const allergic = await sessionOf(
      await newPatient({ allergies: [{ substance: 'zinc' }, { substance: 'lidocaine' }] }),
    );
    const refused = await chart(
      practitioner,
      allergic.id,
      chartBody({
        points: [point({ productId: product.id, lotId: lot.id }), point({ productId: legacy.id, lotId: legacyLot.id })],
      }),
    );
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.json().message).toBe(
      'Zinc boost holds Zinc, and the patient is allergic to zinc; Old vial holds Lignocaine HCl 2%, and the patient is allergic to lidocaine: they cannot be charted for this patient',
    );
    expect(refused.json().products).toEqual([
      { productId: product.id, productName: 'Zinc boost', ingredient: 'zinc', allergy: 'zinc' },
      { productId: legacy.id, productName: 'Old vial', ingredient: 'Lignocaine HCl 2%', allergy: 'lidocaine' },
    ]);
    expect(await storedFor(allergic.id)).toEqual(nothingStored);

    const tolerant = await sessionOf(await newPatient());
    const fine = await chart(
      practitioner,
      tolerant.id,
      chartBody({ points: [point({ productId: product.id, lotId: lot.id, volumeMl: 0.5 })] }),
    );
    expect(fine.statusCode, fine.body).toBe(201);
    expect((await get().repos.products.findLot(lot.id))?.remainingMl).toBe(4.5);
  });
});
