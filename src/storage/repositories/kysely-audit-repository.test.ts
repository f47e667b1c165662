import { expect, it } from 'vitest';
import { forEachEngine } from '../../test-support/test-databases.js';
import type { NewAuditEntry } from './audit-repository.js';
import { createRepositories } from './repositories.js';

forEachEngine('audit repository', (getDb) => {
  it('appends entries and filters them per clinic, newest first', async () => {
    let clock = new Date('2026-02-01T08:00:00.000Z');
    const repos = createRepositories(getDb(), { now: () => clock });
    const entry = (patientId: string, action: NewAuditEntry['action']): NewAuditEntry => ({
      clinicId: 'c1', userId: 'u1', role: 'practitioner', action, entity: 'patient', entityId: patientId, patientId, route: 'GET /api/patients/:id',
    });
    await repos.audit.append([entry('p1', 'read'), entry('p2', 'read')]);
    clock = new Date('2026-02-01T09:00:00.000Z');
    await repos.audit.append([entry('p1', 'update')]);
    await repos.audit.append([{ ...entry('p1', 'read'), clinicId: 'c2' }]);
    await repos.audit.append([]);

    const all = await repos.audit.list({ clinicId: 'c1', limit: 10, offset: 0 });
    expect(all.map((e) => [e.patientId, e.action])).toEqual([['p1', 'update'], ...all.slice(1).map((e) => [e.patientId, 'read'])]);
    expect(all).toHaveLength(3);
    expect(await repos.audit.list({ clinicId: 'c1', patientId: 'p1', limit: 10, offset: 0 })).toHaveLength(2);
    expect(await repos.audit.list({ clinicId: 'c1', action: 'update', limit: 10, offset: 0 })).toHaveLength(1);
    expect(await repos.audit.list({ clinicId: 'c1', from: '2026-02-01T08:30:00.000Z', limit: 10, offset: 0 })).toHaveLength(1);
    expect(await repos.audit.list({ clinicId: 'c1', to: '2026-02-01T08:30:00.000Z', limit: 10, offset: 0 })).toHaveLength(2);
    expect(await repos.audit.list({ clinicId: 'c1', userId: 'u2', limit: 10, offset: 0 })).toEqual([]);
  });

  it('writes large batches', async () => {
    const repos = createRepositories(getDb());
    const entries: NewAuditEntry[] = Array.from({ length: 1200 }, (_, i) => ({
      clinicId: 'bulk', userId: null, role: null, action: 'read', entity: 'patient', entityId: `p${i}`, patientId: `p${i}`, route: null,
    }));
    await repos.audit.append(entries);
    expect(await repos.audit.list({ clinicId: 'bulk', limit: 2000, offset: 0 })).toHaveLength(1200);
  });
});
