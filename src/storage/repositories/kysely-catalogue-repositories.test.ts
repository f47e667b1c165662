import { expect, it } from 'vitest';
import { storedFixture } from '../../test-support/stored-fixture.js';
import { forEachEngine } from '../../test-support/test-databases.js';
import { createSampleCourse, createSamplePatient, createStaff } from '../../test-support/stored-records.js';

forEachEngine('consent, product, chart, follow-up and photo repositories', (getDb) => {
  const stored = storedFixture(getDb, async (repos) => {
    const clinic = await repos.clinics.create({ name: 'Catalogue' });
    const user = await createStaff(repos, { clinicId: clinic.id, email: 'pia@catalogue.test', displayName: 'Pia' });
    const patient = await createSamplePatient(repos, clinic.id);
    const course = await createSampleCourse(repos, patient.id, { createdBy: user.id });
    const session = await repos.treatmentSessions.create({
      courseId: course.id,
      scheduledAt: '2026-05-01T09:00:00.000Z',
      practitionerId: user.id,
    });
    return { clinic, patient, user, session };
  });

  it('versions consent texts with one active per procedure, and records signatures', async () => {
    const { repos, clinic, patient, user } = stored();
    const v1 = await repos.transaction((tx) =>
      tx.consent.createText({ clinicId: clinic.id, procedure: 'mesotherapy', text: 'v1', active: true }),
    );
    const v2 = await repos.transaction((tx) =>
      tx.consent.createText({ clinicId: clinic.id, procedure: 'mesotherapy', text: 'v2', active: true }),
    );
    expect([v1.version, v2.version]).toEqual([1, 2]);
    expect((await repos.consent.findActiveText(clinic.id, 'mesotherapy'))?.id).toBe(v2.id);
    await repos.transaction((tx) => tx.consent.activateText(v1.id));
    expect((await repos.consent.findActiveText(clinic.id, 'mesotherapy'))?.id).toBe(v1.id);
    expect((await repos.consent.listTexts(clinic.id)).map((t) => [t.version, t.active])).toEqual([
      [2, false],
      [1, true],
    ]);

    const signature = await repos.consent.sign({
      patientId: patient.id,
      consentTextId: v1.id,
      typedName: 'Cat Alogue',
      signatureImage: 'data:image/png;base64,AA==',
      userAgent: 'ua',
      userId: user.id,
    });
    expect(await repos.consent.listSignatures(patient.id)).toEqual([signature]);
  });

  it('keeps products with lots and recalls', async () => {
    const { repos, clinic, user, session } = stored();
    const product = await repos.products.createProduct({
      clinicId: clinic.id,
      name: 'Hair cocktail',
      ingredients: ['biotin', 'dexpanthenol'],
    });
    expect(await repos.products.findProduct(product.id)).toEqual(product);
    const lot = await repos.products.createLot({ productId: product.id, lotNumber: 'L-1', expiryDate: '2027-01-31' });
    await expect(
      repos.products.createLot({ productId: product.id, lotNumber: 'L-1', expiryDate: '2027-01-31' }),
    ).rejects.toThrow();
    const recalled = await repos.products.setLotRecalled(lot.id, true);
    expect(recalled).toMatchObject({ recalled: true, recalledAt: expect.any(String) });
    expect((await repos.products.listLots(product.id)).map((l) => l.lotNumber)).toEqual(['L-1']);
    expect((await repos.products.listProducts(clinic.id)).map((p) => p.ingredients)).toEqual([
      ['biotin', 'dexpanthenol'],
    ]);

    const chart = await repos.transaction((tx) =>
      tx.charts.create({
        sessionId: session.id,
        anaesthesiaUsed: true,
        anaesthesiaAgent: 'lidocaine cream',
        notes: 'tolerated well',
        createdBy: user.id,
        points: [
          {
            area: 'scalp',
            x: 0.25,
            y: 0.5,
            productId: product.id,
            lotId: lot.id,
            volumeMl: 0.05,
            depthMm: 1.5,
            technique: 'manual',
          },
        ],
      }),
    );
    expect(await repos.charts.findBySession(session.id)).toEqual(chart);
    expect(chart.points[0]).toMatchObject({ x: 0.25, volumeMl: 0.05, depthMm: 1.5 });
    expect(await repos.charts.sessionIdsUsingLot(lot.id)).toEqual([session.id]);
    await expect(
      repos.charts.create({ sessionId: session.id, anaesthesiaUsed: false, createdBy: null, points: [] }),
    ).rejects.toThrow();
  });

  it('records side effects, outcomes and photos', async () => {
    const { repos, patient, user, session } = stored();
    const report = await repos.sideEffects.createReport({
      sessionId: session.id,
      reporterUserId: user.id,
      symptom: 'bruising',
      severity: 'mild',
    });
    expect(report.triage).toBeNull();
    const triaged = await repos.sideEffects.setTriage(report.id, { urgency: 'review' });
    expect(triaged?.triage).toEqual({ urgency: 'review' });
    const photo = await repos.sideEffects.addPhoto({
      reportId: report.id,
      filePath: 'photos/a.jpg',
      mime: 'image/jpeg',
    });
    expect(await repos.sideEffects.listPhotos(report.id)).toEqual([photo]);
    expect((await repos.sideEffects.listBySession(session.id)).map((r) => r.id)).toEqual([report.id]);

    await repos.outcomes.save(session.id, { patientRating: 8 });
    const outcome = await repos.outcomes.save(session.id, { practitionerRating: 7, notes: 'good' });
    expect(outcome).toMatchObject({ patientRating: 8, practitionerRating: 7, notes: 'good' });
    await expect(repos.outcomes.save(session.id, { patientRating: 11 })).rejects.toThrow();

    const before = await repos.photos.create({
      patientId: patient.id,
      sessionId: session.id,
      kind: 'before',
      filePath: 'p/1.jpg',
      mime: 'image/jpeg',
      createdBy: user.id,
    });
    expect(await repos.photos.findById(before.id)).toEqual(before);
    expect(await repos.photos.listByPatient(patient.id)).toEqual([before]);
  });
});
