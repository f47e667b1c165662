import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { addDays } from '../../../core/dates/iso-date.js';
import { clinicAudit } from '../../../test-support/audited-records.js';
import { createTheirProduct } from '../../../test-support/stored-records.js';
import { forEachApp, signInRoles, type TestClient } from '../../../test-support/test-app.js';

/** Stock: quantities on lots, low-stock and expiring-soon lists, and stock counts. The fixture clinic is in UTC. */
forEachApp('stock routes', (get) => {
  let admin: TestClient;
  let practitioner: TestClient;
  let reception: TestClient;
  const today = () => new Date().toISOString().slice(0, 10);

  beforeAll(async () => {
    ({ admin, practitioner, reception } = await signInRoles(get(), ['admin', 'practitioner', 'reception']));
  });

  const post = (client: TestClient, url: string, payload: unknown) =>
    client.inject({ method: 'POST', url, payload: payload as object });
  const getJson = async (client: TestClient, url: string) => {
    const response = await client.inject({ method: 'GET', url });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };
  const newProduct = async (payload: object) => {
    const response = await post(practitioner, '/api/products', { ingredients: ['zinc'], ...payload });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as { id: string; name: string };
  };
  const newLot = async (productId: string, payload: object) => {
    const response = await post(practitioner, `/api/products/${productId}/lots`, {
      expiryDate: addDays(today(), 365),
      ...payload,
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as { id: string; lotNumber: string; remainingMl: number };
  };
  const count = async (query: string) =>
    Number(((await sql.raw(query).execute(get().db)).rows[0] as { n: number | string }).n);

  it('adds lots as received, with quantity, supplier and storage note, and shows the stock by product', async () => {
    const product = await newProduct({ name: 'Glow serum', ingredients: ['HA', 'vitamin C'], lowStockMl: 4 });
    expect(product).toMatchObject({
      ingredients: ['hyaluronic_acid', 'vitamin_c'],
      ingredientNames: [expect.stringMatching(/hyaluronic acid/i), expect.stringMatching(/vitamin c/i)],
      lowStockMl: 4,
      stockMl: 0,
    });
    const lot = await newLot(product.id, {
      lotNumber: 'GS-1',
      quantityMl: 12.5,
      supplier: 'Meso Supply Ltd',
      storageNote: 'Fridge 2, 2-8 °C',
    });
    expect(lot).toMatchObject({
      receivedMl: 12.5,
      remainingMl: 12.5,
      supplier: 'Meso Supply Ltd',
      storageNote: 'Fridge 2, 2-8 °C',
    });
    await newLot(product.id, { lotNumber: 'GS-0', quantityMl: 3, expiryDate: addDays(today(), -1) });
    const shown = await getJson(practitioner, `/api/products/${product.id}`);
    // The expired lot is listed but is no stock that can be charted.
    expect(shown).toMatchObject({ stockMl: 12.5, lots: [{ lotNumber: 'GS-0' }, { lotNumber: 'GS-1' }] });
    const listed = (await getJson(admin, '/api/products')).products.find((p: { id: string }) => p.id === product.id);
    expect(listed).toMatchObject({ stockMl: 12.5, lowStockMl: 4 });
  });

  it('refuses negative or missing quantities and thresholds, naming the field, and writes nothing', async () => {
    const product = await newProduct({ name: 'Refused stock' });
    const lotsBefore = await count('select count(*) as n from lots');
    const productsBefore = await count('select count(*) as n from products');
    const refusedLot = async (payload: object) => {
      const response = await post(practitioner, `/api/products/${product.id}/lots`, {
        lotNumber: 'R-1',
        expiryDate: '2030-01-01',
        ...payload,
      });
      expect(response.statusCode, response.body).toBe(400);
      return response.json().problems;
    };
    expect(await refusedLot({ quantityMl: -5 })).toEqual([{ field: 'quantityMl', message: 'must be more than 0' }]);
    expect(await refusedLot({ quantityMl: 0 })).toEqual([{ field: 'quantityMl', message: 'must be more than 0' }]);
    expect(await refusedLot({})).toEqual([{ field: 'quantityMl', message: 'required' }]);
    expect(await refusedLot({ quantityMl: '5' })).toEqual([
      { field: 'quantityMl', message: 'must be a number of millilitres' },
    ]);
    expect(await refusedLot({ quantityMl: 100_001 })).toEqual([
      { field: 'quantityMl', message: 'must be at most 100000' },
    ]);
    const badThreshold = await post(practitioner, '/api/products', {
      name: 'Bad threshold',
      ingredients: ['zinc'],
      lowStockMl: -1,
    });
    expect(badThreshold.json().problems).toEqual([{ field: 'lowStockMl', message: 'must not be negative' }]);
    const badChange = await practitioner.inject({
      method: 'PATCH',
      url: `/api/products/${product.id}`,
      payload: { lowStockMl: -0.5 },
    });
    expect(badChange.statusCode).toBe(400);
    expect(badChange.json().problems).toEqual([{ field: 'lowStockMl', message: 'must not be negative' }]);
    expect(await count('select count(*) as n from lots')).toBe(lotsBefore);
    expect(await count('select count(*) as n from products')).toBe(productsBefore);
    expect((await getJson(practitioner, `/api/products/${product.id}`)).lowStockMl).toBe(10);
  });

  it('lists products at or below their threshold in stock that can be charted; the threshold is theirs to set', async () => {
    const low = await newProduct({ name: 'Low cocktail', lowStockMl: 5 });
    await newLot(low.id, { lotNumber: 'LC-1', quantityMl: 3 });
    // Recalled stock does not count.
    const recalled = await newLot(low.id, { lotNumber: 'LC-2', quantityMl: 50 });
    expect((await post(admin, `/api/lots/${recalled.id}/recall`, undefined)).statusCode).toBe(200);
    const fine = await newProduct({ name: 'Full cocktail', lowStockMl: 5 });
    await newLot(fine.id, { lotNumber: 'FC-1', quantityMl: 30 });
    const empty = await newProduct({ name: 'Never stocked' });

    const lowStock = await getJson(practitioner, '/api/stock/low-stock');
    expect(lowStock.today).toBe(today());
    const names = lowStock.products.map((p: { name: string }) => p.name);
    expect(names).toEqual(expect.arrayContaining(['Low cocktail', 'Never stocked']));
    expect(names).not.toContain('Full cocktail');
    expect(lowStock.products.find((p: { productId: string }) => p.productId === low.id)).toEqual({
      productId: low.id,
      name: 'Low cocktail',
      manufacturer: null,
      stockMl: 3,
      lowStockMl: 5,
      usableLots: 1,
    });
    expect(lowStock.products.find((p: { productId: string }) => p.productId === empty.id)).toMatchObject({
      stockMl: 0,
      usableLots: 0,
    });

    const raised = await admin.inject({
      method: 'PATCH',
      url: `/api/products/${fine.id}`,
      payload: { lowStockMl: 40 },
    });
    expect(raised.statusCode, raised.body).toBe(200);
    expect(raised.json()).toMatchObject({ lowStockMl: 40, stockMl: 30 });
    expect(
      (await getJson(practitioner, '/api/stock/low-stock')).products.map((p: { name: string }) => p.name),
    ).toContain('Full cocktail');
    expect(await clinicAudit(get(), { entity: 'product', action: 'update', limit: 5 })).toEqual([
      expect.objectContaining({ entityId: fine.id, userId: get().fixture.users.admin.id }),
    ]);
  });

  it('lists lots expiring within the window (60 days unless told) or expired, with stock left', async () => {
    const product = await newProduct({ name: 'Expiry check' });
    await newLot(product.id, { lotNumber: 'EX-PAST', quantityMl: 1, expiryDate: addDays(today(), -3) });
    await newLot(product.id, { lotNumber: 'EX-10', quantityMl: 1, expiryDate: addDays(today(), 10) });
    await newLot(product.id, { lotNumber: 'EX-60', quantityMl: 1, expiryDate: addDays(today(), 60) });
    await newLot(product.id, { lotNumber: 'EX-90', quantityMl: 1, expiryDate: addDays(today(), 90) });
    const used = await newLot(product.id, { lotNumber: 'EX-EMPTY', quantityMl: 1, expiryDate: addDays(today(), 5) });
    expect((await post(practitioner, `/api/lots/${used.id}/counts`, { countedMl: 0 })).statusCode).toBe(201);

    const ofProduct = (body: { lots: { productId: string; lotNumber: string; daysLeft: number }[] }) =>
      body.lots.filter((l) => l.productId === product.id).map((l) => [l.lotNumber, l.daysLeft]);
    const standard = await getJson(practitioner, '/api/stock/expiring');
    expect(standard.days).toBe(60);
    expect(ofProduct(standard)).toEqual([
      ['EX-PAST', -3],
      ['EX-10', 10],
      ['EX-60', 60],
    ]);
    expect(standard.lots.find((l: { lotNumber: string }) => l.lotNumber === 'EX-10')).toMatchObject({
      productName: 'Expiry check',
      remainingMl: 1,
    });
    expect(ofProduct(await getJson(practitioner, '/api/stock/expiring?days=90'))).toHaveLength(4);
    for (const days of ['0', '-5', 'soon', '1.5', '731']) {
      const refused = await practitioner.inject({ method: 'GET', url: `/api/stock/expiring?days=${days}` });
      expect(refused.statusCode, days).toBe(400);
      expect(refused.json().problems[0].field, days).toBe('days');
    }
  });

  it('records a stock count: the difference is kept with who and when, audited, and the lot holds the count', async () => {
    const product = await newProduct({ name: 'Counted' });
    const lot = await newLot(product.id, { lotNumber: 'CT-1', quantityMl: 10 });
    const counted = await post(practitioner, `/api/lots/${lot.id}/counts`, { countedMl: 8.5, note: 'A vial broke' });
    expect(counted.statusCode, counted.body).toBe(201);
    expect(counted.json()).toMatchObject({
      count: {
        lotId: lot.id,
        countedMl: 8.5,
        expectedMl: 10,
        differenceMl: -1.5,
        note: 'A vial broke',
        countedBy: get().fixture.users.practitioner.id,
        countedByName: get().fixture.users.practitioner.displayName,
      },
      lot: { id: lot.id, remainingMl: 8.5, receivedMl: 10 },
    });
    const countId = counted.json().count.id;
    expect(Date.now() - Date.parse(counted.json().count.countedAt)).toBeLessThan(60_000);
    const again = await post(admin, `/api/lots/${lot.id}/counts`, { countedMl: 9 });
    expect(again.json().count).toMatchObject({ expectedMl: 8.5, differenceMl: 0.5, note: null });

    const history = await getJson(practitioner, `/api/lots/${lot.id}/counts`);
    expect(
      history.counts.map((c: { countedMl: number; countedByName: string }) => [c.countedMl, c.countedByName]),
    ).toEqual([
      [9, get().fixture.users.admin.displayName],
      [8.5, get().fixture.users.practitioner.displayName],
    ]);
    expect((await getJson(practitioner, `/api/products/${product.id}`)).lots[0].remainingMl).toBe(9);

    const audit = await clinicAudit(get(), { userId: get().fixture.users.practitioner.id, limit: 50 });
    expect(audit).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: 'create', entity: 'stock_count', entityId: countId, patientId: null }),
        expect.objectContaining({ action: 'update', entity: 'lot', entityId: lot.id }),
      ]),
    );
  });

  it('refuses a negative count, naming the field, and counts only the clinic’s own lots, by clinicians', async () => {
    const product = await newProduct({ name: 'Count guard' });
    const lot = await newLot(product.id, { lotNumber: 'CG-1', quantityMl: 2 });
    const countsBefore = await count('select count(*) as n from stock_counts');
    const negative = await post(practitioner, `/api/lots/${lot.id}/counts`, { countedMl: -1 });
    expect(negative.statusCode).toBe(400);
    expect(negative.json().problems).toEqual([{ field: 'countedMl', message: 'must not be negative' }]);
    expect((await post(practitioner, `/api/lots/${lot.id}/counts`, {})).json().problems).toEqual([
      { field: 'countedMl', message: 'required' },
    ]);
    expect((await post(reception, `/api/lots/${lot.id}/counts`, { countedMl: 1 })).statusCode).toBe(403);
    expect((await reception.inject({ method: 'GET', url: '/api/stock/low-stock' })).statusCode).toBe(403);
    const other = await get().createOtherClinic();
    const { lot: theirLot, product: theirs } = await createTheirProduct(get().repos, other.clinic.id);
    expect((await post(practitioner, `/api/lots/${theirLot.id}/counts`, { countedMl: 1 })).statusCode).toBe(404);
    expect((await practitioner.inject({ method: 'GET', url: `/api/lots/${theirLot.id}/counts` })).statusCode).toBe(404);
    expect(
      (await practitioner.inject({ method: 'PATCH', url: `/api/products/${theirs.id}`, payload: { lowStockMl: 1 } }))
        .statusCode,
    ).toBe(404);
    expect((await post(practitioner, '/api/lots/missing/counts', { countedMl: 1 })).statusCode).toBe(404);
    expect(await count('select count(*) as n from stock_counts')).toBe(countsBefore);
    expect((await get().repos.products.findLot(lot.id))?.remainingMl).toBe(2);
    expect((await get().repos.products.findLot(theirLot.id))?.remainingMl).toBe(theirLot.remainingMl);
    const lowStock = await getJson(practitioner, '/api/stock/low-stock');
    expect(lowStock.products.map((p: { productId: string }) => p.productId)).not.toContain(theirs.id);
  });
});
