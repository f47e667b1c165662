import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import type { ClinicRecord, ProductRecord, UserRecord } from '../../core/records/index.js';
import { createStaff } from '../../test-support/stored-records.js';
import { forEachEngine } from '../../test-support/test-databases.js';
import { defaultLotQuantityMl, defaultLowStockMl } from './product-repository.js';
import { createRepositories, type Repositories } from './repositories.js';

forEachEngine('product repository: stock', (getDb) => {
  let repos: Repositories;
  let clinic: ClinicRecord;
  let user: UserRecord;
  let product: ProductRecord;
  let lotCount = 0;
  const newLot = (quantityMl: number, extra: { expiryDate?: string } = {}) =>
    repos.products.createLot({
      productId: product.id,
      lotNumber: `S-${++lotCount}`,
      expiryDate: extra.expiryDate ?? '2030-01-31',
      quantityMl,
    });

  beforeAll(async () => {
    repos = createRepositories(getDb());
    clinic = await repos.clinics.create({ name: 'Stock' });
    user = await createStaff(repos, { clinicId: clinic.id, email: 'sam@stock.test', displayName: 'Sam' });
    product = await repos.products.createProduct({ clinicId: clinic.id, name: 'Booster', ingredients: ['zinc'] });
  });

  it('keeps quantities, supplier and storage note, with defaults for what is not given', async () => {
    expect(product.lowStockMl).toBe(defaultLowStockMl);
    const lot = await repos.products.createLot({
      productId: product.id,
      lotNumber: 'Q-1',
      expiryDate: '2030-01-31',
      quantityMl: 12.5,
      supplier: 'Meso Supply',
      storageNote: 'Fridge 2',
    });
    expect(await repos.products.findLot(lot.id)).toEqual({
      ...lot,
      receivedMl: 12.5,
      remainingMl: 12.5,
      supplier: 'Meso Supply',
      storageNote: 'Fridge 2',
    });
    const plain = await repos.products.createLot({ productId: product.id, lotNumber: 'Q-2', expiryDate: '2030-01-31' });
    expect(plain).toMatchObject({
      receivedMl: defaultLotQuantityMl,
      remainingMl: defaultLotQuantityMl,
      supplier: null,
    });
    expect((await repos.products.setLowStockThreshold(product.id, 2.5))?.lowStockMl).toBe(2.5);
    expect((await repos.products.findProduct(product.id))?.lowStockMl).toBe(2.5);
  });

  it('draws only what the lot holds, to the microlitre, and never below zero', async () => {
    const lot = await newLot(1);
    for (let i = 0; i < 10; i++) expect(await repos.products.drawFromLot(lot.id, 0.1)).toBe(true);
    expect((await repos.products.findLot(lot.id))?.remainingMl).toBe(0);
    expect(await repos.products.drawFromLot(lot.id, 0.001)).toBe(false);

    const half = await newLot(0.5);
    expect(await repos.products.drawFromLot(half.id, 0.6)).toBe(false);
    expect((await repos.products.findLot(half.id))?.remainingMl).toBe(0.5);
    // The database itself refuses a negative stock, whatever writes it.
    await expect(sql`update lots set remaining_ul = -1 where id = ${half.id}`.execute(getDb())).rejects.toThrow();
    expect((await repos.products.findLot(half.id))?.remainingMl).toBe(0.5);
  });

  it('lets exactly one of two concurrent transactions draw the last 0.5 ml', async () => {
    const lot = await newLot(0.5);
    const draw = () =>
      repos.transaction(async (tx) => {
        if (!(await tx.products.drawFromLot(lot.id, 0.5))) throw new Error('out of stock');
        return 'drawn';
      });
    const results = await Promise.allSettled([draw(), draw()]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect((await repos.products.findLot(lot.id))?.remainingMl).toBe(0);
  });

  it('records a count against what was expected and sets the lot to it', async () => {
    const lot = await newLot(10);
    await repos.products.drawFromLot(lot.id, 2.25);
    const first = await repos.transaction((tx) =>
      tx.products.recordStockCount({ lotId: lot.id, countedMl: 7, note: 'one vial broken', countedBy: user.id }),
    );
    expect(first?.count).toMatchObject({
      lotId: lot.id,
      countedMl: 7,
      expectedMl: 7.75,
      differenceMl: -0.75,
      note: 'one vial broken',
      countedBy: user.id,
    });
    expect(first?.lot.remainingMl).toBe(7);
    const second = await repos.transaction((tx) =>
      tx.products.recordStockCount({ lotId: lot.id, countedMl: 8, note: null, countedBy: user.id }),
    );
    expect(second?.count).toMatchObject({ expectedMl: 7, differenceMl: 1 });
    expect((await repos.products.listStockCounts(lot.id)).map((c) => c.countedMl)).toEqual([8, 7]);
    expect(
      await repos.transaction((tx) =>
        tx.products.recordStockCount({ lotId: 'missing', countedMl: 1, note: null, countedBy: user.id }),
      ),
    ).toBeUndefined();
  });

  it("lists the clinic's lots, soonest expiry first, and no other clinic's", async () => {
    const other = await repos.clinics.create({ name: 'Elsewhere' });
    const theirs = await repos.products.createProduct({ clinicId: other.id, name: 'Theirs', ingredients: ['zinc'] });
    await repos.products.createLot({ productId: theirs.id, lotNumber: 'T-1', expiryDate: '2020-01-01' });
    const soon = await newLot(1, { expiryDate: '2026-01-01' });
    const lots = await repos.products.listClinicLots(clinic.id);
    expect(lots[0]?.id).toBe(soon.id);
    expect(lots.every((l) => l.productId === product.id)).toBe(true);
    expect(lots.map((l) => l.expiryDate)).toEqual([...lots.map((l) => l.expiryDate)].sort());
  });
});
