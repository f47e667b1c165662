import { beforeAll, expect, it } from 'vitest';
import type { NewAuditEntry } from '../../../storage/repositories/audit-repository.js';
import { forEachApp, signInRoles, type TestClient } from '../../../test-support/test-app.js';
import { maxExportEntries } from '../../../services/audit-log/audit-export.js';
import { parseCsvRecords } from '../../../interop/test-support/parse-csv.js';

interface Entry {
  id: string;
  at: string;
  userId: string;
  action: string;
  entity: string;
  patientId: string | null;
}

const rowsOf = parseCsvRecords;

/**
 * The audit page's data: entries name their users and patients, filter by patient, user, action and
 * period, and export as CSV (streamed in pages, within a limit it says plainly when exceeded).
 */
forEachApp('audit names, filters and export', (get) => {
  let clients: Record<'admin' | 'practitioner' | 'reception', TestClient>;
  const patients = { zelda: '', omer: '' };
  let between = '';

  beforeAll(async () => {
    clients = await signInRoles(get(), ['admin', 'practitioner', 'reception']);
    const create = async (firstName: string, lastName: string) =>
      (
        await clients.reception.inject({
          method: 'POST',
          url: '/api/patients',
          payload: { firstName, lastName, birthDate: '1980-02-02' },
        })
      ).json().id as string;
    patients.zelda = await create('Zelda', 'Zuerst');
    patients.omer = await create('Ömer', 'Öztürk');
    await new Promise((resolve) => setTimeout(resolve, 20));
    between = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 20));
    for (const id of [patients.zelda, patients.omer])
      await clients.practitioner.inject({ method: 'GET', url: `/api/patients/${id}` });
    await clients.practitioner.inject({
      method: 'PATCH',
      url: `/api/patients/${patients.zelda}`,
      payload: { phone: '+49 30 555' },
    });
  });

  const list = async (query: string) => {
    const response = await clients.admin.inject({ method: 'GET', url: `/api/audit?${query}` });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as {
      entries: Entry[];
      names: { users: Record<string, string>; patients: Record<string, string> };
    };
  };

  it('names the users and patients of the entries shown', async () => {
    const { fixture } = get();
    const { entries, names } = await list(`patientId=${patients.zelda}&entity=patient`);
    expect(entries.map((e) => `${e.action} ${e.entity}`)).toEqual(['update patient', 'read patient', 'create patient']);
    expect(names.patients).toEqual({ [patients.zelda]: 'Zelda Zuerst' });
    expect(names.users).toEqual({
      [fixture.users.practitioner.id]: fixture.users.practitioner.displayName,
      [fixture.users.reception.id]: fixture.users.reception.displayName,
    });
  });

  it('filters by user, action and period together', async () => {
    const { fixture } = get();
    const reads = await list(`userId=${fixture.users.practitioner.id}&action=read&from=${between}`);
    expect(reads.entries.map((e) => e.patientId).sort()).toEqual([patients.zelda, patients.omer].sort());
    expect(reads.entries.every((e) => e.at >= between && e.action === 'read')).toBe(true);
    const before = await list(`patientId=${patients.omer}&to=${between}&entity=patient`);
    expect(before.entries.map((e) => `${e.action} ${e.entity}`)).toEqual(['create patient']);
    expect(before.names.patients[patients.omer]).toBe('Ömer Öztürk');
  });

  it('exports the filtered entries as CSV with names beside ids, newest first, and audits the export', async () => {
    const { fixture } = get();
    const query = `patientId=${patients.zelda}&userId=${fixture.users.practitioner.id}&entity=patient`;
    const response = await clients.admin.inject({ method: 'GET', url: `/api/audit/export.csv?${query}` });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="audit-log-.*\.csv"$/);
    const rows = rowsOf(response.body);
    const shown = (await list(query)).entries;
    expect(rows.map((r) => r['time (UTC)'])).toEqual(shown.map((e) => e.at));
    expect(rows.map((r) => [r.action, r['record type'], r.user, r.patients, r['patient ids']])).toEqual([
      ['update', 'patient', fixture.users.practitioner.displayName, 'Zelda Zuerst', patients.zelda],
      ['read', 'patient', fixture.users.practitioner.displayName, 'Zelda Zuerst', patients.zelda],
    ]);
    expect(rows[0]?.request).toBe('PATCH /api/patients/:id');

    const [audited] = (await list('entity=audit_log&limit=1')).entries;
    expect(audited).toMatchObject({ userId: fixture.users.admin.id, action: 'read', entity: 'audit_log' });
    expect((await clients.practitioner.inject({ method: 'GET', url: '/api/audit/export.csv' })).statusCode).toBe(403);
    const bad = await clients.admin.inject({ method: 'GET', url: '/api/audit/export.csv?action=peek' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().problems[0].field).toBe('action');
  });

  it('pages through a long export, and refuses one beyond its limit before sending anything', async () => {
    const admin = await get().signInElsewhere('admin');
    const { clinicId } = admin.user;
    const entry: NewAuditEntry = {
      clinicId,
      userId: admin.user.id,
      role: 'admin',
      action: 'read',
      entity: 'patient',
      route: 'GET /api/patients/:id',
      records: [{ entityId: 'x', patientId: null }],
    };
    // Written in one go, these entries share their time: only the id orders them.
    await get().repos.audit.append(Array.from({ length: 2_500 }, () => entry));
    const all = await admin.inject({ method: 'GET', url: '/api/audit/export.csv?entity=patient' });
    expect(all.statusCode).toBe(200);
    const ids = (await get().repos.audit.list({ clinicId, entity: 'patient', limit: 3_000, offset: 0 })).map(
      (e) => e.at,
    );
    expect(rowsOf(all.body).map((r) => r['time (UTC)'])).toEqual(ids);
    expect(ids).toHaveLength(2_500);

    await get().repos.audit.append(Array.from({ length: maxExportEntries + 1 - 2_500 }, () => entry));
    const tooMany = await admin.inject({ method: 'GET', url: '/api/audit/export.csv?entity=patient' });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().problems).toEqual([
      {
        field: 'from',
        message: `more than ${maxExportEntries} entries match, the most one export holds: choose a shorter period, or filter by user, patient or action`,
      },
    ]);
    // A narrower filter exports again.
    const narrow = await admin.inject({ method: 'GET', url: '/api/audit/export.csv?entity=patient&action=update' });
    expect(narrow.statusCode).toBe(200);
    expect(rowsOf(narrow.body)).toEqual([]);
  }, 120_000);
});
