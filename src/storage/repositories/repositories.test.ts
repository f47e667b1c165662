import { expect, it } from 'vitest';
import { forEachEngine } from '../../test-support/test-databases.js';
import { createRepositories } from './repositories.js';

forEachEngine('repositories.transaction', (getDb) => {
  it('undoes every write when the work fails', async () => {
    const repos = createRepositories(getDb());
    const before = await repos.clinics.count();
    await expect(
      repos.transaction(async (tx) => {
        await tx.clinics.create({ name: 'Doomed' });
        await tx.transaction(async (inner) => inner.clinics.create({ name: 'Doomed too' }));
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await repos.clinics.count()).toBe(before);
  });

  it('keeps every write when the work succeeds, nested calls included', async () => {
    const repos = createRepositories(getDb());
    const before = await repos.clinics.count();
    const names = await repos.transaction(async (tx) => {
      const a = await tx.clinics.create({ name: 'Kept A' });
      const b = await tx.transaction((inner) => inner.clinics.create({ name: 'Kept B' }));
      return [a.name, b.name];
    });
    expect(names).toEqual(['Kept A', 'Kept B']);
    expect(await repos.clinics.count()).toBe(before + 2);
  });
});
