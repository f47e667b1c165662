import { expect, it } from 'vitest';
import type { LotRecord } from '../../../core/records/index.js';
import { forEachApp } from '../../../test-support/test-app.js';
import { nothingStored, useTreatmentGate } from './test-support/treatment-gate-fixture.js';

/** Charting draws the volume injected from each lot: never below zero, and the last of a lot goes to one chart only. */
forEachApp('chart stock', (get) => {
  const { setup, newPatient, sessionOf, point, chartBody, chart, storedFor } = useTreatmentGate(get);

  let lotCount = 0;
  const newLot = (quantityMl: number): Promise<LotRecord> =>
    get().repos.products.createLot({
      productId: setup().booster.id,
      lotNumber: `ST-${++lotCount}`,
      expiryDate: '2099-12-31',
      quantityMl,
    });
  const remaining = async (lot: LotRecord) => (await get().repos.products.findLot(lot.id))?.remainingMl;
  const on = (lot: LotRecord, volumeMl: number) => point({ lotId: lot.id, volumeMl });

  it('draws what each point used from its lot', async () => {
    const { practitioner } = setup();
    const [a, b] = [await newLot(1), await newLot(2)];
    const session = await sessionOf(await newPatient());
    const charted = await chart(practitioner, session.id, chartBody({ points: [on(a, 0.3), on(b, 0.25), on(a, 0.2)] }));
    expect(charted.statusCode, charted.body).toBe(201);
    expect([await remaining(a), await remaining(b)]).toEqual([0.5, 1.75]);
    const lots = (await practitioner.inject({ method: 'GET', url: `/api/products/${setup().booster.id}` })).json().lots;
    expect(lots.find((l: { id: string }) => l.id === a.id)).toMatchObject({ receivedMl: 1, remainingMl: 0.5 });
  });

  it('refuses a chart that would take a lot below zero, naming it, and writes and draws nothing', async () => {
    const { practitioner } = setup();
    const [short, plenty] = [await newLot(0.5), await newLot(5)];
    const session = await sessionOf(await newPatient());
    const refused = await chart(
      practitioner,
      session.id,
      chartBody({ points: [on(plenty, 1), on(short, 0.4), on(short, 0.2)] }),
    );
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.json()).toEqual({
      error: 'lot_out_of_stock',
      message: `lot ${short.lotNumber} of Skin booster holds 0.5 ml, less than the 0.6 ml charted: it cannot be charted (record a stock count if the shelf holds more)`,
      lots: [{ lotId: short.id, lotNumber: short.lotNumber, reason: 'out_of_stock', remainingMl: 0.5, drawnMl: 0.6 }],
    });
    expect(await storedFor(session.id)).toEqual(nothingStored);
    expect([await remaining(short), await remaining(plenty)]).toEqual([0.5, 5]);

    const exact = await chart(practitioner, session.id, chartBody({ points: [on(short, 0.4), on(short, 0.1)] }));
    expect(exact.statusCode, exact.body).toBe(201);
    expect(await remaining(short)).toBe(0);

    const next = await sessionOf(await newPatient());
    const empty = await chart(practitioner, next.id, chartBody({ points: [on(short, 0.1)] }));
    expect(empty.statusCode).toBe(409);
    expect(empty.json()).toMatchObject({
      error: 'lot_out_of_stock',
      message: expect.stringContaining(`lot ${short.lotNumber} of Skin booster has no stock left`),
      lots: [{ lotId: short.id, reason: 'out_of_stock', remainingMl: 0 }],
    });
    expect(await storedFor(next.id)).toEqual(nothingStored);
    expect(await remaining(short)).toBe(0);
  });

  it('lets exactly one of two charts sent at once take the last 0.5 ml', async () => {
    const { practitioner, admin } = setup();
    for (let round = 0; round < 3; round++) {
      const lot = await newLot(0.5);
      const sessions = [await sessionOf(await newPatient()), await sessionOf(await newPatient())];
      const answers = await Promise.all([
        chart(practitioner, sessions[0]?.id ?? '', chartBody({ points: [on(lot, 0.5)] })),
        chart(admin, sessions[1]?.id ?? '', chartBody({ points: [on(lot, 0.25), on(lot, 0.25)] })),
      ]);
      expect(answers.map((a) => a.statusCode).sort(), answers.map((a) => a.body).join('\n')).toEqual([201, 409]);
      const loser = answers.findIndex((a) => a.statusCode === 409);
      expect(answers[loser]?.json()).toMatchObject({
        error: 'lot_out_of_stock',
        lots: [{ lotId: lot.id, reason: 'out_of_stock', remainingMl: 0 }],
      });
      expect(await storedFor(sessions[loser]?.id ?? '')).toEqual(nothingStored);
      expect(await storedFor(sessions[1 - loser]?.id ?? '')).toMatchObject({ charts: 1, status: 'done' });
      expect(await remaining(lot)).toBe(0);
    }
  });
});
