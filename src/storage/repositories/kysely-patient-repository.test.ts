import { beforeAll, expect, it } from 'vitest';
import { forEachEngine } from '../../test-support/test-databases.js';
import { sampleIntake } from '../../test-support/sample-assessment.js';
import type { ClinicRecord } from '../../core/records/index.js';
import { createRepositories, type Repositories } from './repositories.js';
import { createSamplePatient } from '../../test-support/stored-records.js';

forEachEngine('patient repository', (getDb) => {
  let repos: Repositories;
  let clinic: ClinicRecord;
  const page = { limit: 50, offset: 0 };

  beforeAll(async () => {
    repos = createRepositories(getDb());
    clinic = await repos.clinics.create({ name: 'Search' });
    const other = await repos.clinics.create({ name: 'Elsewhere' });
    const add = (clinicId: string, firstName: string, lastName: string, birthDate: string, phone: string | null) =>
      repos.patients.create({ clinicId, firstName, lastName, birthDate, sex: 'female', phone });
    await add(clinic.id, 'Anne-Marie', 'Müller', '1980-02-29', '+49 (0)30 111-222');
    await add(clinic.id, 'Zoë', 'van Dijk', '1992-07-01', '030 333 444');
    await add(clinic.id, 'Mark', 'Mueller', '1980-02-29', null);
    await add(other.id, 'Anne', 'Muller', '1980-02-29', '+49 30 111222');
  });

  const names = async (query: { name?: string; birthDate?: string; phone?: string }) =>
    (await repos.patients.search({ clinicId: clinic.id, ...page, ...query })).map(
      (p) => `${p.firstName} ${p.lastName}`,
    );

  it('searches names by word prefixes, ignoring case and accents, within the clinic', async () => {
    expect(await names({ name: 'mul' })).toEqual(['Anne-Marie Müller']);
    expect(await names({ name: 'MÜLLER anne' })).toEqual(['Anne-Marie Müller']);
    expect(await names({ name: 'marie' })).toEqual(['Anne-Marie Müller']);
    expect(await names({ name: 'zoe dijk' })).toEqual(['Zoë van Dijk']);
    expect(await names({ name: 'ar' })).toEqual([]);
    expect(await names({ name: '%' })).toHaveLength(3);
    expect(await names({ name: "'; drop table patients; --" })).toEqual([]);
  });

  it('searches by birth date and phone digits, and pages', async () => {
    expect(await names({ birthDate: '1980-02-29' })).toEqual(['Mark Mueller', 'Anne-Marie Müller']);
    expect(await names({ phone: '111 222' })).toEqual(['Anne-Marie Müller']);
    expect(await names({ phone: '333-444', name: 'van' })).toEqual(['Zoë van Dijk']);
    const second = await repos.patients.search({ clinicId: clinic.id, limit: 1, offset: 1 });
    expect(second.map((p) => p.lastName)).toEqual(['Müller']);
  });

  it('updates fields and their search keys', async () => {
    const p = await repos.patients.create({
      clinicId: clinic.id,
      firstName: 'Old',
      lastName: 'Name',
      birthDate: '2000-01-01',
      sex: 'other',
    });
    const updated = await repos.patients.update(p.id, { lastName: 'Ångström', phone: '+1 555 0100', email: null });
    expect(updated).toMatchObject({ lastName: 'Ångström', phone: '+1 555 0100', email: null, firstName: 'Old' });
    expect(await names({ name: 'angst' })).toEqual(['Old Ångström']);
    expect(await names({ phone: '5550100' })).toEqual(['Old Ångström']);
    await repos.patients.update(p.id, { phone: null });
    expect(await names({ phone: '5550100' })).toEqual([]);
    expect(await repos.patients.update('missing', { firstName: 'x' })).toBeUndefined();
  });

  it('deletes only patients without dependent records', async () => {
    const bare = await createSamplePatient(repos, clinic.id);
    const kept = await createSamplePatient(repos, clinic.id);
    await repos.intakes.create({ patientId: kept.id, data: sampleIntake(), createdBy: null });
    expect(await repos.patients.hasDependentRecords(bare.id)).toBe(false);
    expect(await repos.patients.hasDependentRecords(kept.id)).toBe(true);
    expect(await repos.patients.delete(bare.id)).toBe(true);
    expect(await repos.patients.findById(bare.id)).toBeUndefined();
    expect(await repos.patients.delete(bare.id)).toBe(false);
    await expect(repos.patients.delete(kept.id)).rejects.toThrow();
  });
});
