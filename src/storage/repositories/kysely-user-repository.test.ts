import { expect, it } from 'vitest';
import { createClinicWithStaff, createStaff } from '../../test-support/stored-records.js';
import { forEachEngine } from '../../test-support/test-databases.js';
import { createRepositories } from './repositories.js';

forEachEngine('user repository', (getDb) => {
  it('stores emails lower-cased and unique, and hides the hash except for login', async () => {
    const repos = createRepositories(getDb());
    const clinic = await repos.clinics.create({ name: 'Users' });
    const user = await repos.users.create({
      clinicId: clinic.id,
      email: ' Ada@Example.TEST ',
      displayName: 'Ada',
      passwordHash: 'hash-1',
      role: 'admin',
    });
    expect(user).toMatchObject({ email: 'ada@example.test', role: 'admin', active: true, patientId: null });
    expect(user).not.toHaveProperty('passwordHash');
    expect((await repos.users.findByEmail('ADA@example.test'))?.id).toBe(user.id);
    expect(await repos.users.findCredentials('ada@example.test')).toEqual({ user, passwordHash: 'hash-1' });
    await expect(
      repos.users.create({
        clinicId: clinic.id,
        email: 'ada@EXAMPLE.test',
        displayName: 'Twin',
        passwordHash: 'x',
        role: 'reception',
      }),
    ).rejects.toThrow();
  });

  it('lists by role and updates', async () => {
    const repos = createRepositories(getDb());
    const { clinic, user: pia } = await createClinicWithStaff(repos, 'Staff', {
      email: 'pia@staff.test',
      displayName: 'Pia',
    });
    await createStaff(repos, { clinicId: clinic.id, email: 'rita@staff.test', displayName: 'Rita', role: 'reception' });
    expect((await repos.users.list(clinic.id, { role: 'practitioner' })).map((u) => u.displayName)).toEqual(['Pia']);
    expect((await repos.users.list(clinic.id)).map((u) => u.displayName)).toEqual(['Pia', 'Rita']);
    const updated = await repos.users.update(pia.id, { active: false, displayName: 'Dr Pia', passwordHash: 'h2' });
    expect(updated).toMatchObject({ active: false, displayName: 'Dr Pia' });
    expect((await repos.users.findCredentials('pia@staff.test'))?.passwordHash).toBe('h2');
    await expect(repos.users.update(pia.id, { role: 'nobody' as never })).rejects.toThrow();
  });
});
