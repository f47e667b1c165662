import { expect, it } from 'vitest';
import { addDays, addMonths } from '../../../core/dates/iso-date.js';
import { createTheirProduct } from '../../../test-support/stored-records.js';
import { forEachApp, type TestClient } from '../../../test-support/test-app.js';
import { signedInClients } from '../../../test-support/signed-in-clients.js';

forEachApp('product and lot routes', (get) => {
  const clients = signedInClients(get);

  const createProduct = (client: TestClient, payload: unknown) =>
    client.inject({ method: 'POST', url: '/api/products', payload: payload as object });
  /** A lot of 5 ml unless the payload says otherwise. */
  const addLot = (client: TestClient, productId: string, payload: object) =>
    client.inject({ method: 'POST', url: `/api/products/${productId}/lots`, payload: { quantityMl: 5, ...payload } });

  it('stores ingredients as knowledge-base ids, whether given as ids, names or aliases', async () => {
    const { admin, practitioner } = clients();
    const response = await createProduct(practitioner, {
      name: 'Hair cocktail',
      manufacturer: 'Meso Labs',
      ingredients: ['B complex', 'Sodium Hyaluronate', 'hyaluronic_acid', 'Vitamin C'],
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({
      name: 'Hair cocktail',
      manufacturer: 'Meso Labs',
      ingredients: ['vitamin_b', 'hyaluronic_acid', 'vitamin_c'],
      lots: [],
      clinicId: get().fixture.clinic.id,
    });
    const byAdmin = await createProduct(admin, { name: 'Skin booster', ingredients: ['HA'] });
    expect(byAdmin.json()).toMatchObject({ manufacturer: null, ingredients: ['hyaluronic_acid'] });
  });

  it('refuses unknown ingredients, naming each, and other bad input', async () => {
    const { practitioner } = clients();
    const unknown = await createProduct(practitioner, {
      name: 'Mystery',
      ingredients: ['zinc', 'unicorn dust', 'snake oil'],
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().problems.map((p: { field: string }) => p.field)).toEqual([
      'ingredients[1]',
      'ingredients[2]',
    ]);
    expect((await createProduct(practitioner, { name: 'Empty', ingredients: [] })).json().problems[0].field).toBe(
      'ingredients',
    );
    expect((await createProduct(practitioner, { ingredients: ['zinc'] })).json().problems).toEqual([
      { field: 'name', message: 'required' },
    ]);
    expect((await createProduct(practitioner, { name: 'X', ingredients: 'zinc' })).statusCode).toBe(400);
    expect((await createProduct(practitioner, null)).statusCode).toBe(400);
    const products = (await practitioner.inject({ method: 'GET', url: '/api/products' })).json().products;
    expect(products.map((p: { name: string }) => p.name)).toEqual(['Hair cocktail', 'Skin booster']);
  });

  it('keeps the catalogue to clinicians', async () => {
    const { reception, patient } = clients();
    for (const client of [reception, patient]) {
      expect((await createProduct(client, { name: 'Nope', ingredients: ['zinc'] })).statusCode).toBe(403);
      expect((await client.inject({ method: 'GET', url: '/api/products' })).statusCode).toBe(403);
    }
    expect((await get().app.inject({ method: 'GET', url: '/api/products' })).statusCode).toBe(401);
  });

  /** The date `months` months from the app's today, `days` days on. */
  const monthsOn = (months: number, days = 0) =>
    addDays(addMonths(get().app.now().toISOString().slice(0, 10), months), days);

  it('adds lots with expiry dates, one lot number per product', async () => {
    const { admin, practitioner, reception } = clients();
    const product = (
      await createProduct(practitioner, { name: 'Lipo mix', ingredients: ['phosphatidylcholine'] })
    ).json();
    const later = await addLot(practitioner, product.id, { lotNumber: 'LM-2', expiryDate: monthsOn(18) });
    expect(later.statusCode).toBe(201);
    expect(later.json()).toMatchObject({
      productId: product.id,
      lotNumber: 'LM-2',
      expiryDate: monthsOn(18),
      recalled: false,
      recalledAt: null,
      receivedMl: 5,
      remainingMl: 5,
      supplier: null,
      storageNote: null,
    });
    await addLot(admin, product.id, { lotNumber: 'LM-1', expiryDate: monthsOn(2) });

    const duplicate = await addLot(practitioner, product.id, { lotNumber: 'LM-2', expiryDate: monthsOn(24) });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json()).toMatchObject({ error: 'lot_exists', message: 'Lipo mix already has lot LM-2' });
    expect(
      (await addLot(practitioner, product.id, { lotNumber: 'LM-3', expiryDate: '2027-02-30' })).json().problems,
    ).toEqual([{ field: 'expiryDate', message: 'must be an ISO date (YYYY-MM-DD)' }]);
    expect((await addLot(practitioner, product.id, { expiryDate: monthsOn(3) })).json().problems[0].field).toBe(
      'lotNumber',
    );
    expect((await addLot(reception, product.id, { lotNumber: 'LM-4', expiryDate: monthsOn(3) })).statusCode).toBe(403);
    expect((await addLot(practitioner, 'missing', { lotNumber: 'LM-4', expiryDate: monthsOn(3) })).statusCode).toBe(
      404,
    );
    // An expiry date from a year ago to ten years ahead; beyond, a typo. Nothing is stored.
    expect((await addLot(practitioner, product.id, { lotNumber: 'LM-5', expiryDate: monthsOn(-12) })).statusCode).toBe(
      201,
    );
    expect((await addLot(practitioner, product.id, { lotNumber: 'LM-6', expiryDate: monthsOn(120) })).statusCode).toBe(
      201,
    );
    for (const expiryDate of [monthsOn(-12, -1), monthsOn(120, 1), '2099-12-31', '0001-01-01']) {
      const refused = await addLot(practitioner, product.id, { lotNumber: 'LM-7', expiryDate });
      expect(refused.statusCode, expiryDate).toBe(400);
      expect(refused.json().problems).toEqual([
        {
          field: 'expiryDate',
          message: expect.stringMatching(/^must be between .* \(from 1 year ago to 10 years ahead\)$/),
        },
      ]);
    }

    const shown = (await practitioner.inject({ method: 'GET', url: `/api/products/${product.id}` })).json();
    expect(shown.lots.map((l: { lotNumber: string }) => l.lotNumber)).toEqual(['LM-5', 'LM-1', 'LM-2', 'LM-6']);
  });

  it('hides other clinics’ products and lots', async () => {
    const { admin, practitioner, reception } = clients();
    const other = await get().createOtherClinic();
    const { product: theirs, lot: theirLot } = await createTheirProduct(get().repos, other.clinic.id);
    expect((await practitioner.inject({ method: 'GET', url: `/api/products/${theirs.id}` })).statusCode).toBe(404);
    expect((await addLot(practitioner, theirs.id, { lotNumber: 'X', expiryDate: monthsOn(12) })).statusCode).toBe(404);
    expect((await admin.inject({ method: 'POST', url: `/api/lots/${theirLot.id}/recall` })).statusCode).toBe(404);
    expect((await reception.inject({ method: 'GET', url: `/api/lots/${theirLot.id}/recall` })).statusCode).toBe(404);
    const list = (await practitioner.inject({ method: 'GET', url: '/api/products' })).json().products;
    expect(list.map((p: { name: string }) => p.name)).not.toContain('Theirs');
  });
});
