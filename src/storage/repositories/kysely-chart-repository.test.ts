import { expect, it } from 'vitest';
import { storedFixture } from '../../test-support/stored-fixture.js';
import { forEachEngine } from '../../test-support/test-databases.js';
import type { LotRecord, PatientRecord } from '../../core/records/index.js';
import { createRepositories, type Repositories } from './repositories.js';
import { createSampleCourse, createSamplePatient, createStaff } from '../../test-support/stored-records.js';

forEachEngine('chart repository: lot recipients', (getDb) => {
  const stored = storedFixture(getDb, async (repos) => {
    const clinicId = (await repos.clinics.create({ name: 'Recipients' })).id;
    const product = await repos.products.createProduct({ clinicId, name: 'Mix', ingredients: ['zinc'] });
    const lotA = await repos.products.createLot({ productId: product.id, lotNumber: 'A', expiryDate: '2030-01-01' });
    const lotB = await repos.products.createLot({ productId: product.id, lotNumber: 'B', expiryDate: '2030-01-01' });
    return { clinicId, product, lotA, lotB };
  });

  const patient = (firstName: string, lastName: string) =>
    stored().repos.patients.create({
      clinicId: stored().clinicId,
      firstName,
      lastName,
      birthDate: '1990-01-01',
      sex: 'female',
      phone: '030 1',
      email: null,
    });
  const chartedSession = async (who: PatientRecord, scheduledAt: string, lots: LotRecord[]) => {
    const { repos, product } = stored();
    const course = await createSampleCourse(repos, who.id);
    const session = await repos.treatmentSessions.create({ courseId: course.id, scheduledAt });
    const points = lots.map((lot) => ({
      area: 'scalp',
      x: 0.5,
      y: 0.5,
      productId: product.id,
      lotId: lot.id,
      volumeMl: 0.1,
      depthMm: 1,
      technique: 'manual' as const,
    }));
    await repos.transaction((tx) =>
      tx.charts.create({ sessionId: session.id, anaesthesiaUsed: false, createdBy: null, points }),
    );
    return session;
  };

  it('lists each session that used the lot once, by patient name and then time', async () => {
    const { repos, lotA, lotB } = stored();
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
    expect(rows[0]).toEqual({
      patientId: ann.id,
      firstName: 'Ann',
      lastName: 'Adams',
      phone: '030 1',
      email: null,
      sessionId: annOnly.id,
      scheduledAt: '2026-06-01T09:00:00.000Z',
    });
    expect((await repos.charts.lotRecipients(lotB.id)).map((r) => r.firstName)).toEqual(['Ann', 'Zoe', 'Bob']);
    expect(await repos.charts.lotRecipients('no-such-lot')).toEqual([]);
  });
});

forEachEngine('chart repository: overrides, screening and addenda', (getDb) => {
  it('keeps each chart’s override (its own, else the one given when the session was marked done) and addenda, also in batches', async () => {
    const repos = createRepositories(getDb());
    const clinicId = (await repos.clinics.create({ name: 'Gate' })).id;
    const author = await createStaff(repos, { clinicId, email: 'pia@gate.test', displayName: 'Dr Pia' });
    const patient = await createSamplePatient(repos, clinicId);
    const course = await createSampleCourse(repos, patient.id);
    const session = (date: string) =>
      repos.treatmentSessions.create({ courseId: course.id, scheduledAt: `${date}T09:00:00.000Z` });
    const first = await session('2026-04-01');
    const second = await session('2026-04-08');
    const third = await session('2026-04-15');
    const screening = { verdict: 'defer', knowledgeBaseVersion: 'kb-1', sessionDate: '2026-04-01' };
    const override = (sessionId: string, chartEntryId: string | null, reason: string, on: Repositories = repos) =>
      on.charts.createOverride({
        sessionId,
        chartEntryId,
        reason,
        verdict: 'defer',
        reasons: ['NSAID_WITHIN_7_DAYS'],
        createdBy: author.id,
      });

    // Charted with an override of its own, and an addendum later.
    const own = await repos.transaction(async (tx) => {
      const chart = await tx.charts.create({
        sessionId: first.id,
        anaesthesiaUsed: false,
        createdBy: author.id,
        points: [],
        outsidePlanConfirmed: true,
        screening,
      });
      await override(first.id, chart.id, 'Prescriber agreed', tx);
      return chart;
    });
    const addendum = await repos.charts.addAddendum({
      chartEntryId: own.id,
      text: 'Bruise next day',
      createdBy: author.id,
    });
    expect(addendum).toMatchObject({
      chartEntryId: own.id,
      text: 'Bruise next day',
      createdBy: author.id,
      createdByName: 'Dr Pia',
    });
    // Marked done with an override, charted afterwards.
    const early = await override(second.id, null, 'Marked done');
    expect(early).toMatchObject({
      chartEntryId: null,
      reasons: ['NSAID_WITHIN_7_DAYS'],
      by: author.id,
      byName: 'Dr Pia',
    });
    const late = await repos.transaction((tx) =>
      tx.charts.create({ sessionId: second.id, anaesthesiaUsed: false, createdBy: author.id, points: [] }),
    );
    expect(late.override?.id).toBe(early.id);
    // Neither.
    await repos.transaction((tx) =>
      tx.charts.create({ sessionId: third.id, anaesthesiaUsed: false, createdBy: author.id, points: [] }),
    );

    const found = await repos.charts.findBySession(first.id);
    expect(found).toMatchObject({
      outsidePlanConfirmed: true,
      screening,
      override: { reason: 'Prescriber agreed', chartEntryId: own.id },
      addenda: [addendum],
    });
    const batch = await repos.charts.listByPatients([patient.id]);
    expect(
      batch.map((c) => [
        c.sessionId,
        c.override?.reason ?? null,
        c.addenda.length,
        c.outsidePlanConfirmed,
        c.screening?.verdict ?? null,
      ]),
    ).toEqual([
      [first.id, 'Prescriber agreed', 1, true, 'defer'],
      [second.id, 'Marked done', 0, false, null],
      [third.id, null, 0, false, null],
    ]);
    expect(batch[0]).toEqual(found);
  });
});
