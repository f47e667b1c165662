import { beforeAll, expect, it } from 'vitest';
import { samplePlan } from '../../test-support/sample-assessment.js';
import { forEachEngine } from '../../test-support/test-databases.js';
import type { LotRecord, PatientRecord, ProductRecord } from './records.js';
import { createRepositories, type Repositories } from './repositories.js';

forEachEngine('chart repository: lot recipients', (getDb) => {
  let repos: Repositories;
  let product: ProductRecord;
  let lotA: LotRecord;
  let lotB: LotRecord;
  let clinicId: string;

  beforeAll(async () => {
    repos = createRepositories(getDb());
    clinicId = (await repos.clinics.create({ name: 'Recipients' })).id;
    product = await repos.products.createProduct({ clinicId, name: 'Mix', ingredients: ['zinc'] });
    lotA = await repos.products.createLot({ productId: product.id, lotNumber: 'A', expiryDate: '2030-01-01' });
    lotB = await repos.products.createLot({ productId: product.id, lotNumber: 'B', expiryDate: '2030-01-01' });
  });

  const patient = (firstName: string, lastName: string) => repos.patients.create({ clinicId, firstName, lastName, birthDate: '1990-01-01', sex: 'female', phone: '030 1', email: null });
  const chartedSession = async (who: PatientRecord, scheduledAt: string, lots: LotRecord[]) => {
    const course = await repos.courses.create({ patientId: who.id, assessmentId: null, indication: 'hair_loss', area: 'scalp', plan: samplePlan(), createdBy: null });
    const session = await repos.treatmentSessions.create({ courseId: course.id, scheduledAt });
    const points = lots.map((lot) => ({ area: 'scalp', x: 0.5, y: 0.5, productId: product.id, lotId: lot.id, volumeMl: 0.1, depthMm: 1, technique: 'manual' as const }));
    await repos.transaction((tx) => tx.charts.create({ sessionId: session.id, anaesthesiaUsed: false, createdBy: null, points }));
    return session;
  };

  it('lists each session that used the lot once, by patient name and then time', async () => {
    const zoe = await patient('Zoe', 'Adams');
    const ann = await patient('Ann', 'Adams');
    const bob = await patient('Bob', 'Brown');
    const zoeLate = await chartedSession(zoe, '2026-05-01T09:00:00.000Z', [lotA, lotA, lotB, lotA]);
    const zoeEarly = await chartedSession(zoe, '2026-04-01T09:00:00.000Z', [lotA]);
    const annOnly = await chartedSession(ann, '2026-06-01T09:00:00.000Z', [lotB, lotA]);
    await chartedSession(bob, '2026-04-15T09:00:00.000Z', [lotB]);

    const rows = await repos.charts.lotRecipients(lotA.id);
    expect(rows.map((r) => [r.firstName, r.sessionId])).toEqual([
      ['Ann', annOnly.id],
      ['Zoe', zoeEarly.id],
      ['Zoe', zoeLate.id],
    ]);
    expect(rows[0]).toEqual({ patientId: ann.id, firstName: 'Ann', lastName: 'Adams', phone: '030 1', email: null, sessionId: annOnly.id, scheduledAt: '2026-06-01T09:00:00.000Z' });
    expect((await repos.charts.lotRecipients(lotB.id)).map((r) => r.firstName)).toEqual(['Ann', 'Zoe', 'Bob']);
    expect(await repos.charts.lotRecipients('no-such-lot')).toEqual([]);
  });
});
