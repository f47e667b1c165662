import { beforeAll, expect, it } from 'vitest';
import { parseCsvRecords } from '../../../interop/test-support/parse-csv.js';
import { forEachApp, signInRoles, type TestClient } from '../../../test-support/test-app.js';

interface Entry {
  id: string;
  action: string;
  entity: string;
  entityId: string | null;
  patientId: string | null;
  records: { entityId: string | null; patientId: string | null }[];
  mergedFrom?: string[];
}

/**
 * The audit log is never rewritten, so a merge cannot move a record's entries: the kept record's
 * trail reads them through the merges in force (transitively), each still naming the record it was
 * written about, and no longer once the merge is reversed.
 */
forEachApp('audit trail of merged patient records', (get) => {
  let clients: Record<'admin' | 'practitioner', TestClient>;
  const patients = { kept: '', dup: '', older: '', other: '' };

  const trail = async (patientId: string, more = '') => {
    const response = await clients.admin.inject({
      method: 'GET',
      url: `/api/audit?patientId=${patientId}&limit=200${more}`,
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as { entries: Entry[]; names: { patients: Record<string, string> } };
  };
  /** The reads of one patient's record (GET /api/patients/:id) in a trail. */
  const recordReads = (entries: readonly Entry[], patientId: string) =>
    entries.filter((e) => e.action === 'read' && e.entity === 'patient' && e.entityId === patientId);
  const merge = async (keptId: string, mergedPatientId: string) => {
    const response = await clients.admin.inject({
      method: 'POST',
      url: `/api/patients/${keptId}/merges`,
      payload: { mergedPatientId },
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as { id: string };
  };
  const exportRows = async (patientId: string) => {
    const response = await clients.admin.inject({ method: 'GET', url: `/api/audit/export.csv?patientId=${patientId}` });
    expect(response.statusCode, response.body).toBe(200);
    return parseCsvRecords(response.body);
  };

  beforeAll(async () => {
    clients = await signInRoles(get(), ['admin', 'practitioner']);
    const register = async (firstName: string, lastName: string) => {
      const response = await clients.admin.inject({
        method: 'POST',
        url: '/api/patients',
        payload: { firstName, lastName, birthDate: '1991-05-14', sex: 'female' },
      });
      expect(response.statusCode, response.body).toBe(201);
      return response.json().id as string;
    };
    patients.kept = await register('Leyla', 'Merkez');
    patients.dup = await register('Leila', 'Merkez');
    patients.older = await register('Leyla', 'Merkezi');
    patients.other = await register('Zeynep', 'Merkez');
    // Entries written before any merge: each record read on its own, and a search naming them all.
    for (const id of Object.values(patients))
      expect((await clients.practitioner.inject({ method: 'GET', url: `/api/patients/${id}` })).statusCode).toBe(200);
    const search = await clients.practitioner.inject({ method: 'GET', url: '/api/patients?name=merkez' });
    expect(search.statusCode, search.body).toBe(200);
  });

  it("shows the merged records' earlier entries in the kept record's trail, transitively, until reversed", async () => {
    const before = await trail(patients.kept);
    expect(recordReads(before.entries, patients.dup)).toEqual([]);
    expect(before.entries.every((e) => e.mergedFrom === undefined)).toBe(true);

    // `older` into `dup`, then `dup` into the kept record: the kept record's trail reads both.
    await merge(patients.dup, patients.older);
    const first = await merge(patients.kept, patients.dup);
    const after = await trail(patients.kept);
    const [dupRead] = recordReads(after.entries, patients.dup);
    // Nothing rewritten: the entry still names the record it was written about, and says it was merged.
    expect(dupRead).toMatchObject({ patientId: patients.dup, mergedFrom: [patients.dup] });
    expect(dupRead?.records).toEqual([{ entityId: patients.dup, patientId: patients.dup }]);
    expect(recordReads(after.entries, patients.older)).toMatchObject([
      { patientId: patients.older, mergedFrom: [patients.older] },
    ]);
    // The kept record's own entries are as they were, with no `mergedFrom`.
    const [ownRead] = recordReads(after.entries, patients.kept);
    expect(ownRead?.patientId).toBe(patients.kept);
    expect(ownRead).not.toHaveProperty('mergedFrom');
    // The search naming four patients shows the three records of this person, not the other patient.
    const searchEntry = after.entries.find(
      (e) => e.action === 'read' && e.entity === 'patient' && e.records.length > 1,
    );
    expect(searchEntry?.records.map((r) => r.patientId).sort()).toEqual(
      [patients.kept, patients.dup, patients.older].sort(),
    );
    expect(searchEntry?.patientId).toBeNull();
    expect(searchEntry?.mergedFrom?.slice().sort()).toEqual([patients.dup, patients.older].sort());
    expect(after.names.patients[patients.dup]).toBe('Leila Merkez');
    // Each entry once, though it names several of the records.
    expect(new Set(after.entries.map((e) => e.id)).size).toBe(after.entries.length);
    // Another patient's trail is untouched, and filters still apply to the merged records' entries.
    expect(recordReads((await trail(patients.other)).entries, patients.dup)).toEqual([]);
    expect(recordReads((await trail(patients.kept, '&action=create')).entries, patients.dup)).toEqual([]);

    // The CSV export filtered by the kept record holds them too, saying which record they were about.
    const rows = await exportRows(patients.kept);
    const dupRows = rows.filter((r) => r.action === 'read' && r['record ids'] === patients.dup);
    expect(dupRows).toHaveLength(1);
    expect(dupRows[0]).toMatchObject({ 'patient ids': patients.dup, 'merged record': patients.dup });
    expect(rows.filter((r) => r['record ids'] === patients.kept && r.action === 'read')[0]?.['merged record']).toBe('');

    // Reversed, the duplicate stands on its own again: its entries (and those merged into it) leave the trail.
    const reversal = await clients.admin.inject({
      method: 'POST',
      url: `/api/patients/${patients.kept}/merges/${first.id}/reversal`,
    });
    expect(reversal.statusCode, reversal.body).toBe(200);
    const reversed = await trail(patients.kept);
    expect(recordReads(reversed.entries, patients.dup)).toEqual([]);
    expect(recordReads(reversed.entries, patients.older)).toEqual([]);
    expect(reversed.entries.some((e) => e.mergedFrom !== undefined)).toBe(false);
    expect((await exportRows(patients.kept)).some((r) => r['record ids'] === patients.dup)).toBe(false);
    // The merge still in force (`older` into `dup`) is read through by the duplicate's trail.
    expect(recordReads((await trail(patients.dup)).entries, patients.older)).toMatchObject([
      { mergedFrom: [patients.older] },
    ]);
  });
});
