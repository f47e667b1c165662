import { beforeAll, expect, it } from 'vitest';
import { forEachEngine } from '../../test-support/test-databases.js';
import { sampleIntake, sampleResult } from '../../test-support/sample-assessment.js';
import type { PatientRecord } from '../../core/records/index.js';
import { createRepositories, type Repositories } from './repositories.js';
import { createSamplePatient } from '../../test-support/stored-records.js';

forEachEngine('intake and assessment repositories', (getDb) => {
  let repos: Repositories;
  let patient: PatientRecord;

  beforeAll(async () => {
    repos = createRepositories(getDb());
    const clinic = await repos.clinics.create({ name: 'Intakes' });
    patient = await repos.patients.create({
      clinicId: clinic.id,
      firstName: 'Ina',
      lastName: 'Take',
      birthDate: '1990-04-12',
      sex: 'female',
    });
  });

  it('numbers intake versions per patient and lists newest first', async () => {
    const v1 = await repos.intakes.create({ patientId: patient.id, data: sampleIntake(), createdBy: null });
    const v2 = await repos.intakes.create({
      patientId: patient.id,
      data: sampleIntake({ area: 'face', indication: 'skin_rejuvenation' }),
      createdBy: null,
    });
    expect([v1.version, v2.version]).toEqual([1, 2]);
    expect((await repos.intakes.listByPatient(patient.id)).map((i) => i.version)).toEqual([2, 1]);
    expect((await repos.intakes.latestForPatient(patient.id))?.data.request.area).toBe('face');
    expect(await repos.intakes.findById(v1.id)).toEqual(v1);
    expect(await repos.intakes.latestForPatient('nobody')).toBeUndefined();
  });

  it("finds each patient's latest intake in one call, leaving out patients without one", async () => {
    const clinic = await repos.clinics.create({ name: 'Latest' });
    const add = (firstName: string) =>
      repos.patients.create({
        clinicId: clinic.id,
        firstName,
        lastName: 'Batch',
        birthDate: '1985-02-03',
        sex: 'female',
      });
    const [one, three, none] = [await add('One'), await add('Three'), await add('None')];
    await repos.intakes.create({ patientId: one.id, data: sampleIntake(), createdBy: null });
    for (const area of ['scalp', 'face', 'neck'] as const)
      await repos.intakes.create({ patientId: three.id, data: sampleIntake({ area }), createdBy: null });
    const latest = await repos.intakes.latestForPatients([one.id, three.id, none.id, 'nobody']);
    const byPatient = new Map(latest.map((i) => [i.patientId, i]));
    expect(latest).toHaveLength(2);
    expect(byPatient.get(one.id)?.version).toBe(1);
    expect(byPatient.get(three.id)).toEqual(await repos.intakes.latestForPatient(three.id));
    expect(byPatient.get(three.id)?.data.request.area).toBe('neck');
    expect(await repos.intakes.latestForPatients([])).toEqual([]);
  });

  it('refuses a second row with the same version', async () => {
    const clinic = await repos.clinics.create({ name: 'Race' });
    const racer = await createSamplePatient(repos, clinic.id);
    await repos.intakes.create({ patientId: racer.id, data: sampleIntake(), createdBy: null });
    const now = new Date().toISOString();
    await expect(
      getDb()
        .insertInto('intakes')
        .values({ id: 'dup', patient_id: racer.id, version: 1, data: '{}', created_by: null, created_at: now })
        .execute(),
    ).rejects.toThrow();
  });

  it('stores assessments with their verdict and knowledge-base version', async () => {
    const intake = await repos.intakes.create({ patientId: patient.id, data: sampleIntake(), createdBy: null });
    const stored = await repos.assessments.create({
      intakeId: intake.id,
      patientId: patient.id,
      result: sampleResult('defer', '2.0.0+abc'),
      createdBy: null,
    });
    expect(stored).toMatchObject({ verdict: 'defer', knowledgeBaseVersion: '2.0.0+abc', intakeId: intake.id });
    expect(await repos.assessments.findById(stored.id)).toEqual(stored);
    expect((await repos.assessments.listByIntake(intake.id)).map((a) => a.id)).toEqual([stored.id]);
    expect((await repos.assessments.listByPatient(patient.id)).map((a) => a.id)).toContain(stored.id);
    const adHoc = await repos.assessments.create({
      intakeId: null,
      patientId: null,
      result: sampleResult(),
      createdBy: null,
    });
    expect(adHoc.result.plan?.sessions).toEqual({ min: 4, max: 10 });
  });
});
