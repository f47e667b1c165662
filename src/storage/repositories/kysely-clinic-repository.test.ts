import { expect, it } from 'vitest';
import { forEachEngine } from '../../test-support/test-databases.js';
import { createRepositories } from './repositories.js';

forEachEngine('clinic repository', (getDb) => {
  it('creates, finds, lists and renames clinics', async () => {
    const repos = createRepositories(getDb());
    const clinic = await repos.clinics.create({ name: 'Alpha' });
    expect(await repos.clinics.findById(clinic.id)).toEqual(clinic);
    expect((await repos.clinics.list()).map((c) => c.name)).toContain('Alpha');
    const renamed = await repos.clinics.update(clinic.id, { name: 'Alpha Clinic' });
    expect(renamed?.name).toBe('Alpha Clinic');
    expect(await repos.clinics.update('missing', { name: 'x' })).toBeUndefined();
    expect(await repos.clinics.count()).toBeGreaterThanOrEqual(1);
  });

  it('keeps locations per clinic', async () => {
    const repos = createRepositories(getDb());
    const clinic = await repos.clinics.create({ name: 'Beta' });
    const room = await repos.clinics.createLocation({ clinicId: clinic.id, name: 'Room 2' });
    await repos.clinics.createLocation({ clinicId: clinic.id, name: 'Room 1', address: 'Main St 1' });
    expect(room.address).toBeNull();
    expect((await repos.clinics.listLocations(clinic.id)).map((l) => l.name)).toEqual(['Room 1', 'Room 2']);
    expect((await repos.clinics.updateLocation(room.id, { address: 'Side St 2' }))?.address).toBe('Side St 2');
    expect(await repos.clinics.findLocation(room.id)).toMatchObject({ name: 'Room 2', address: 'Side St 2' });
    await expect(repos.clinics.createLocation({ clinicId: 'missing', name: 'x' })).rejects.toThrow();
  });

  it('tells the clinics the demo made from the others', async () => {
    const repos = createRepositories(getDb());
    const demo = await repos.clinics.create({ name: 'Demo' });
    const real = await repos.clinics.create({ name: 'Real' });
    await repos.clinics.markDemo(demo.id, 7);
    const ids = await repos.clinics.demoClinicIds();
    expect(ids).toContain(demo.id);
    expect(ids).not.toContain(real.id);
    await expect(repos.clinics.markDemo('missing', 1)).rejects.toThrow();
  });
});
