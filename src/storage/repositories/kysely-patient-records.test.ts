import { expect, it } from 'vitest';
import { createSamplePatient } from '../../test-support/stored-records.js';
import { storedFixture } from '../../test-support/stored-fixture.js';
import { forEachEngine } from '../../test-support/test-databases.js';

/**
 * A record's standing in the patient repository: only an active record that stands on its own is in
 * the name index; duplicates are looked up by birth date, the phone's last nine digits and the email.
 */
forEachEngine('patient repository: standing and duplicates', (getDb) => {
  const get = storedFixture(getDb, async (repos) => {
    const clinic = await repos.clinics.create({ name: 'Standing' });
    const other = await repos.clinics.create({ name: 'Elsewhere' });
    return { clinic, other };
  });
  const names = async (clinicId: string, name: string, includeInactive = false) =>
    (await get().repos.patients.search({ clinicId, name, includeInactive, limit: 50, offset: 0 })).map(
      (p) => p.firstName,
    );

  it('takes deactivated and merged records out of the name search, and puts them back', async () => {
    const { repos, clinic } = get();
    const kept = await createSamplePatient(repos, clinic.id, { firstName: 'Kerem', lastName: 'Tan' });
    const away = await createSamplePatient(repos, clinic.id, { firstName: 'Kemal', lastName: 'Tan' });
    expect((await names(clinic.id, 'tan')).sort()).toEqual(['Kemal', 'Kerem']);
    expect(await repos.patients.setActive(away.id, false)).toMatchObject({ active: false });
    expect(await names(clinic.id, 'tan')).toEqual(['Kerem']);
    expect((await names(clinic.id, 'tan', true)).sort()).toEqual(['Kemal', 'Kerem']);
    // Renamed while inactive: still out of the index, and found under the new name when asked.
    await repos.patients.update(away.id, { lastName: 'Tanrıverdi' });
    expect(await names(clinic.id, 'tanrıverdi')).toEqual([]);
    expect(await names(clinic.id, 'tanrıverdi', true)).toEqual(['Kemal']);
    await repos.patients.setActive(away.id, true);
    expect(await names(clinic.id, 'tanrıverdi')).toEqual(['Kemal']);

    await repos.patients.setMergedInto(away.id, kept.id);
    expect(await names(clinic.id, 'kemal')).toEqual([]);
    expect(await names(clinic.id, 'kemal', true)).toEqual([]);
    await repos.patients.setMergedInto(away.id, null);
    expect(await names(clinic.id, 'kemal')).toEqual(['Kemal']);
  });

  it('finds duplicate candidates by birth date, phone tail and email, within the clinic, merged records left out', async () => {
    const { repos, clinic, other } = get();
    const born = await createSamplePatient(repos, clinic.id, { firstName: 'Born', birthDate: '1966-06-06' });
    const phoned = await createSamplePatient(repos, clinic.id, { firstName: 'Phoned', phone: '+90 (532) 765 43 21' });
    const mailed = await createSamplePatient(repos, clinic.id, { firstName: 'Mailed', email: ' Mailed@Example.TEST ' });
    const merged = await createSamplePatient(repos, clinic.id, { firstName: 'Merged', birthDate: '1966-06-06' });
    await repos.patients.setMergedInto(merged.id, born.id);
    await createSamplePatient(repos, other.id, { firstName: 'Elsewhere', birthDate: '1966-06-06' });
    const lookup = (change: { birthDate?: string | null; phoneTail?: string | null; email?: string | null }) =>
      repos.patients
        .findDuplicateCandidates({
          clinicId: clinic.id,
          birthDate: null,
          phoneTail: null,
          email: null,
          limit: 10,
          ...change,
        })
        .then((found) => found.map((p) => p.id).sort());
    expect(await lookup({ birthDate: '1966-06-06' })).toEqual([born.id]);
    expect(await lookup({ phoneTail: '532765432' })).toEqual([]);
    expect(await lookup({ phoneTail: '327654321' })).toEqual([phoned.id]);
    expect(await lookup({ email: 'mailed@example.test' })).toEqual([mailed.id]);
    expect(await lookup({ birthDate: '1966-06-06', email: 'mailed@example.test' })).toEqual(
      [born.id, mailed.id].sort(),
    );
    expect(await lookup({})).toEqual([]);
  });
});
