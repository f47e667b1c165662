import { expect, it } from 'vitest';
import { forEachEngine } from '../../test-support/test-databases.js';
import { auditEntries } from './audit-entries.js';
import type { NewAuditEntry } from './audit-repository.js';
import { createRepositories } from './repositories.js';

const actor = { clinicId: 'c1', userId: 'u1', role: 'practitioner', route: 'GET /api/patients' };

forEachEngine('audit repository', (getDb) => {
  it('appends entries and filters them per clinic, newest first', async () => {
    let clock = new Date('2026-02-01T08:00:00.000Z');
    const repos = createRepositories(getDb(), { now: () => clock });
    const entry = (patientId: string, action: NewAuditEntry['action']): NewAuditEntry => ({
      ...actor,
      action,
      entity: 'patient',
      records: [{ entityId: patientId, patientId }],
      route: 'GET /api/patients/:id',
    });
    await repos.audit.append([entry('p1', 'read'), entry('p2', 'read')]);
    clock = new Date('2026-02-01T09:00:00.000Z');
    await repos.audit.append([entry('p1', 'update')]);
    await repos.audit.append([{ ...entry('p1', 'read'), clinicId: 'c2' }]);
    await repos.audit.append([]);
    await repos.audit.append([{ ...entry('p1', 'read'), records: [] }]);

    const all = await repos.audit.list({ clinicId: 'c1', limit: 10, offset: 0 });
    expect(all.map((e) => [e.patientId, e.action])).toEqual([
      ['p1', 'update'],
      ...all.slice(1).map((e) => [e.patientId, 'read']),
    ]);
    expect(all).toHaveLength(3);
    expect(all[0]).toMatchObject({ entityId: 'p1', patientId: 'p1', records: [{ entityId: 'p1', patientId: 'p1' }] });
    expect(await repos.audit.list({ clinicId: 'c1', patientId: 'p1', limit: 10, offset: 0 })).toHaveLength(2);
    expect(await repos.audit.list({ clinicId: 'c1', action: 'update', limit: 10, offset: 0 })).toHaveLength(1);
    expect(
      await repos.audit.list({ clinicId: 'c1', from: '2026-02-01T08:30:00.000Z', limit: 10, offset: 0 }),
    ).toHaveLength(1);
    expect(
      await repos.audit.list({ clinicId: 'c1', to: '2026-02-01T08:30:00.000Z', limit: 10, offset: 0 }),
    ).toHaveLength(2);
    expect(await repos.audit.list({ clinicId: 'c1', userId: 'u2', limit: 10, offset: 0 })).toEqual([]);
  });

  it('keeps a page of records as one entry, found through each patient on it and shown to them alone', async () => {
    const repos = createRepositories(getDb());
    const page = ['p-1', 'p-2', 'p-3', 'p-2'].map((patientId, i) => ({
      action: 'read' as const,
      entity: 'treatment_session',
      entityId: `s${i}`,
      patientId,
    }));
    await repos.audit.append(auditEntries(page, actor));
    // Ids that share a prefix, a case-folded spelling or a piece of another id must not match.
    await repos.audit.append(
      auditEntries(
        ['P-1', 'p-10', 'x-p-1'].map((patientId) => ({
          action: 'read' as const,
          entity: 'patient',
          entityId: patientId,
          patientId,
        })),
        actor,
      ),
    );

    const [entry, ...rest] = await repos.audit.list({
      clinicId: 'c1',
      entity: 'treatment_session',
      limit: 10,
      offset: 0,
    });
    expect(rest).toEqual([]);
    expect(entry).toMatchObject({
      entityId: null,
      patientId: null,
      records: page.map(({ entityId, patientId }) => ({ entityId, patientId })),
    });

    const forP2 = await repos.audit.list({ clinicId: 'c1', patientId: 'p-2', limit: 10, offset: 0 });
    expect(forP2).toHaveLength(1);
    expect(forP2[0]).toMatchObject({
      id: entry?.id,
      patientId: 'p-2',
      entityId: null,
      records: [
        { entityId: 's1', patientId: 'p-2' },
        { entityId: 's3', patientId: 'p-2' },
      ],
    });
    const forP1 = await repos.audit.list({ clinicId: 'c1', patientId: 'p-1', limit: 10, offset: 0 });
    expect(forP1.map((e) => [e.entity, e.entityId, e.records])).toEqual([
      ['treatment_session', 's0', [{ entityId: 's0', patientId: 'p-1' }]],
    ]);
    expect(await repos.audit.list({ clinicId: 'c1', patientId: 'p', limit: 10, offset: 0 })).toEqual([]);
    expect(
      (await repos.audit.list({ clinicId: 'c1', patientId: 'P-1', limit: 10, offset: 0 })).map((e) => e.records),
    ).toEqual([[{ entityId: 'P-1', patientId: 'P-1' }]]);
    // An id the word index would split still finds its entries.
    await repos.audit.append(
      auditEntries(
        ['odd id/1', 'p-1'].map((patientId) => ({
          action: 'read' as const,
          entity: 'photo',
          entityId: 'x',
          patientId,
        })),
        actor,
      ),
    );
    expect(
      (await repos.audit.list({ clinicId: 'c1', patientId: 'odd id/1', limit: 10, offset: 0 })).map((e) => e.records),
    ).toEqual([[{ entityId: 'x', patientId: 'odd id/1' }]]);
  });

  it('names one patient on an entry whose records are all theirs', async () => {
    const repos = createRepositories(getDb());
    await repos.audit.append(
      auditEntries(
        ['s1', 's2'].map((entityId) => ({ action: 'read' as const, entity: 'course', entityId, patientId: 'p9' })),
        actor,
      ),
    );
    const [entry] = await repos.audit.list({ clinicId: 'c1', patientId: 'p9', limit: 10, offset: 0 });
    expect(entry).toMatchObject({
      patientId: 'p9',
      entityId: null,
      records: [
        { entityId: 's1', patientId: 'p9' },
        { entityId: 's2', patientId: 'p9' },
      ],
    });
  });

  it('reads the records merged into a patient with theirs, each entry saying which merged record it was about', async () => {
    const repos = createRepositories(getDb());
    const read = (patientIds: string[]) =>
      auditEntries(
        patientIds.map((patientId) => ({
          action: 'read' as const,
          entity: 'merged_read',
          entityId: patientId,
          patientId,
        })),
        actor,
      );
    await repos.audit.append(read(['k-1']));
    await repos.audit.append(read(['m-1']));
    await repos.audit.append(read(['odd m/1']));
    await repos.audit.append(read(['k-1', 'm-1', 'z-1']));
    // Near misses of the merged ids (another case, a longer id) stay out.
    await repos.audit.append(read(['M-1', 'm-10', 'z-2']));
    const query = { clinicId: 'c1', entity: 'merged_read', patientId: 'k-1', mergedPatientIds: ['m-1', 'odd m/1'] };
    const entries = await repos.audit.list({ ...query, limit: 10, offset: 0 });
    expect(entries.map((e) => [e.patientId, e.records.map((r) => r.patientId), e.mergedFrom]).reverse()).toEqual([
      ['k-1', ['k-1'], undefined],
      ['m-1', ['m-1'], ['m-1']],
      ['odd m/1', ['odd m/1'], ['odd m/1']],
      [null, ['k-1', 'm-1'], ['m-1']],
    ]);
    expect(await repos.audit.countUpTo(query, 10)).toBe(4);
    // Without the merged ids given, the patients' merged-into column is read: here none.
    expect(await repos.audit.list({ ...query, mergedPatientIds: undefined, limit: 10, offset: 0 })).toHaveLength(2);
    expect(await repos.audit.mergedInto('c1', 'k-1')).toEqual([]);
  });

  it('writes large batches', async () => {
    const repos = createRepositories(getDb());
    const entries: NewAuditEntry[] = Array.from({ length: 1200 }, (_, i) => ({
      clinicId: 'bulk',
      userId: null,
      role: null,
      action: 'read',
      entity: 'patient',
      records: [{ entityId: `p${i}`, patientId: `p${i}` }],
      route: null,
    }));
    await repos.audit.append(entries);
    expect(await repos.audit.list({ clinicId: 'bulk', limit: 2000, offset: 0 })).toHaveLength(1200);
  });
});
