import { expect, it } from 'vitest';
import { auditedRecords, clinicAudit } from '../../../test-support/audited-records.js';
import { changedTables, snapshotDatabase } from '../../../test-support/database-snapshot.js';
import { bookHealthyCourse } from '../../../test-support/stored-records.js';
import { forEachApp, testKnowledgeBase, type TestClient } from '../../../test-support/test-app.js';

interface Patient {
  id: string;
  active: boolean;
}

interface Candidate {
  patient: Patient;
  reasons: string[];
}

forEachApp('patient records: duplicates, history, deactivation', (get) => {
  let unique = 0;
  const register = async (client: TestClient, patient: Record<string, string>) => {
    const response = await client.inject({ method: 'POST', url: '/api/patients', payload: patient });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as Patient;
  };
  const duplicates = async (client: TestClient, query: Record<string, string>) => {
    const response = await client.inject({ method: 'GET', url: '/api/patients/duplicates', query });
    expect(response.statusCode, response.body).toBe(200);
    return (response.json().candidates as Candidate[]).map((c) => [c.patient.id, c.reasons.join('+')]);
  };
  const search = async (client: TestClient, query: string) =>
    ((await client.inject({ method: 'GET', url: `/api/patients?${query}` })).json().patients as Patient[]).map(
      (p) => p.id,
    );

  it('offers the patients a new one may be: same name and birth date (Turkish letters too), phone or email', async () => {
    const reception = await get().signIn('reception');
    const tag = ++unique;
    const leyla = await register(reception, {
      firstName: 'Leyla',
      lastName: 'Demir',
      birthDate: '1991-05-14',
      phone: '+90 532 123 45 67',
      email: `leyla${tag}@example.test`,
    });
    const ilker = await register(reception, { firstName: 'İlker', lastName: 'Işık', birthDate: '1979-11-30' });
    const twin = await register(reception, { firstName: 'Leyla', lastName: 'Demir', birthDate: '1991-05-15' });
    const probe = { firstName: 'LEYLA', lastName: 'DEMİR', birthDate: '1991-05-14' };

    expect(await duplicates(reception, probe)).toEqual([[leyla.id, 'name_and_birth_date']]);
    expect(await duplicates(reception, { firstName: 'ilker', lastName: 'ISIK', birthDate: '1979-11-30' })).toEqual([
      [ilker.id, 'name_and_birth_date'],
    ]);
    expect(
      await duplicates(reception, {
        firstName: 'Ayşe',
        lastName: 'Kaya',
        birthDate: '1960-01-01',
        phone: '0532 123 4567',
      }),
    ).toEqual([[leyla.id, 'phone']]);
    expect(
      await duplicates(reception, {
        firstName: 'Ayşe',
        lastName: 'Kaya',
        birthDate: '1960-01-01',
        email: ` LEYLA${tag}@Example.test`,
      }),
    ).toEqual([[leyla.id, 'email']]);
    // Any of the ways alone: a phone, or nothing at all (no one).
    expect(await duplicates(reception, { phone: '+90 (532) 123-45-67' })).toEqual([[leyla.id, 'phone']]);
    expect(await duplicates(reception, { firstName: 'Leyla', lastName: 'Demir' })).toEqual([]);
    expect(await duplicates(reception, {})).toEqual([]);
    // All three at once put that patient first; the one being edited is never offered.
    const all = await duplicates(reception, { ...probe, phone: '05321234567', email: `leyla${tag}@example.test` });
    expect(all).toEqual([[leyla.id, 'name_and_birth_date+phone+email']]);
    expect(await duplicates(reception, { ...probe, excludeId: leyla.id })).toEqual([]);
    expect((await duplicates(reception, { ...probe, birthDate: '1991-05-15' })).map(([id]) => id)).toEqual([twin.id]);
    // Another clinic's patients are not its business.
    const outsider = await get().signInElsewhere('reception');
    expect(await duplicates(outsider, probe)).toEqual([]);
    // Each candidate shown is audited as read.
    const reads = auditedRecords(await clinicAudit(get(), { entity: 'patient', action: 'read', limit: 200 }));
    expect(reads.some((e) => e.entityId === leyla.id && e.route === 'GET /api/patients/duplicates')).toBe(true);

    // A deactivated patient is still offered, flagged; a merged record never.
    const admin = await get().signIn('admin');
    expect((await admin.inject({ method: 'POST', url: `/api/patients/${twin.id}/deactivate` })).statusCode).toBe(200);
    const flagged = (
      await reception.inject({
        method: 'GET',
        url: '/api/patients/duplicates',
        query: { ...probe, birthDate: '1991-05-15' },
      })
    ).json().candidates as Candidate[];
    expect(flagged.map((c) => [c.patient.id, c.patient.active])).toEqual([[twin.id, false]]);
    const again = await register(reception, { firstName: 'Leyla', lastName: 'Demir', birthDate: '1991-05-14' });
    expect((await duplicates(reception, probe)).map(([id]) => id).sort()).toEqual([leyla.id, again.id].sort());
    const merged = await admin.inject({
      method: 'POST',
      url: `/api/patients/${leyla.id}/merges`,
      payload: { mergedPatientId: again.id },
    });
    expect(merged.statusCode, merged.body).toBe(201);
    expect(await duplicates(reception, probe)).toEqual([[leyla.id, 'name_and_birth_date']]);
  });

  it('names the bad field of a duplicate check with 400', async () => {
    const reception = await get().signIn('reception');
    const base = { firstName: 'A', lastName: 'B', birthDate: '1990-01-01' };
    const tomorrow = new Date(get().app.now().getTime() + 86_400_000).toISOString().slice(0, 10);
    for (const [query, field] of [
      [{ ...base, lastName: ' ' }, 'lastName'],
      [{ ...base, birthDate: '1990-02-30' }, 'birthDate'],
      [{ ...base, birthDate: tomorrow }, 'birthDate'],
      [{ ...base, excludeId: 'not an id' }, 'excludeId'],
      [{ ...base, phone: '1'.repeat(41) }, 'phone'],
    ] as const) {
      const response = await reception.inject({ method: 'GET', url: '/api/patients/duplicates', query });
      expect(response.statusCode, JSON.stringify(query)).toBe(400);
      expect(response.json().problems.map((p: { field: string }) => p.field)).toEqual([field]);
    }
  });

  it("keeps every change of a patient's details: field, old and new value, who and when, audited", async () => {
    const reception = await get().signIn('reception');
    const practitioner = await get().signIn('practitioner');
    const patient = await register(reception, {
      firstName: 'Selin',
      lastName: 'Aydın',
      birthDate: '1988-03-03',
      phone: '0212 555 00 11',
    });
    const patch = (client: TestClient, payload: object) =>
      client.inject({ method: 'PATCH', url: `/api/patients/${patient.id}`, payload });
    expect(
      (await patch(reception, { lastName: 'Aydın Kaya', phone: '', email: 'selin@example.test' })).statusCode,
    ).toBe(200);
    expect((await patch(practitioner, { birthDate: '1988-03-04', firstName: 'Selin' })).json()).toMatchObject({
      birthDate: '1988-03-04',
      lastName: 'Aydın Kaya',
      phone: null,
    });
    // Sending what is already there changes nothing, and leaves no history.
    expect((await patch(practitioner, { firstName: 'Selin', sex: 'unknown' })).statusCode).toBe(200);

    const history = await reception.inject({ method: 'GET', url: `/api/patients/${patient.id}/history` });
    expect(history.statusCode).toBe(200);
    const changes = history.json().changes as {
      editId: string;
      field: string;
      oldValue: string | null;
      newValue: string | null;
      changedBy: { id: string; displayName: string } | null;
      changedAt: string;
    }[];
    expect(changes.map((c) => [c.field, c.oldValue, c.newValue, c.changedBy?.id])).toEqual([
      ['birthDate', '1988-03-03', '1988-03-04', get().fixture.users.practitioner.id],
      ['lastName', 'Aydın', 'Aydın Kaya', get().fixture.users.reception.id],
      ['phone', '0212 555 00 11', null, get().fixture.users.reception.id],
      ['email', null, 'selin@example.test', get().fixture.users.reception.id],
    ]);
    expect(changes[0]?.changedBy?.displayName).toBe(get().fixture.users.practitioner.displayName);
    expect(new Set(changes.slice(1).map((c) => c.editId)).size).toBe(1);
    expect(changes[0]?.editId).not.toBe(changes[1]?.editId);

    // Each edit is audited (the one that changed nothing too), and so is reading the history.
    const updates = auditedRecords(await clinicAudit(get(), { entity: 'patient', action: 'update', limit: 50 }));
    expect(updates.filter((e) => e.entityId === patient.id && e.route === 'PATCH /api/patients/:id')).toHaveLength(3);
    const read = auditedRecords(await clinicAudit(get(), { entity: 'patient_change', action: 'read', limit: 50 }));
    expect(read.filter((e) => e.patientId === patient.id)).toHaveLength(4);

    // Bad input: 400 naming the field, and nothing changes, history included.
    for (const [payload, field] of [
      [{ email: 'nope' }, 'email'],
      [{ birthDate: '2999-01-01' }, 'birthDate'],
      [{ firstName: ' ' }, 'firstName'],
      [{ sex: 'x' }, 'sex'],
      [{ phone: '1'.repeat(41) }, 'phone'],
    ] as const) {
      const before = await snapshotDatabase(get().db);
      const response = await patch(reception, payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.json().problems.map((p: { field: string }) => p.field)).toEqual([field]);
      expect(changedTables(before, await snapshotDatabase(get().db, before))).toEqual([]);
    }
    const outsider = await get().signInElsewhere('reception');
    expect((await outsider.inject({ method: 'GET', url: `/api/patients/${patient.id}/history` })).statusCode).toBe(404);
  });

  it('deactivates a patient (kept, out of searches, never while sessions are booked) and reactivates', async () => {
    const reception = await get().signIn('reception');
    const tag = ++unique;
    const patient = await register(reception, {
      firstName: 'Derin',
      lastName: `Sessiz${tag}`,
      birthDate: '1977-07-07',
    });
    const deactivate = (id: string) => reception.inject({ method: 'POST', url: `/api/patients/${id}/deactivate` });
    const reactivate = (id: string) => reception.inject({ method: 'POST', url: `/api/patients/${id}/reactivate` });

    expect(await search(reception, `name=sessiz${tag}`)).toEqual([patient.id]);
    const off = await deactivate(patient.id);
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json()).toMatchObject({ id: patient.id, active: false });
    expect(await search(reception, `name=sessiz${tag}`)).toEqual([]);
    expect(await search(reception, 'birthDate=1977-07-07')).not.toContain(patient.id);
    expect(await search(reception, `name=derin%20sessiz${tag}&includeInactive=true`)).toEqual([patient.id]);
    expect(await search(reception, 'birthDate=1977-07-07&includeInactive=true')).toContain(patient.id);
    // Kept: its page and records still open.
    expect((await reception.inject({ method: 'GET', url: `/api/patients/${patient.id}` })).json().active).toBe(false);
    const twice = await deactivate(patient.id);
    expect([twice.statusCode, twice.json().error]).toEqual([409, 'patient_inactive']);

    expect((await reactivate(patient.id)).json().active).toBe(true);
    expect(await search(reception, `name=sessiz${tag}`)).toEqual([patient.id]);
    const history = (await reception.inject({ method: 'GET', url: `/api/patients/${patient.id}/history` })).json();
    expect(history.changes.map((c: { field: string; newValue: string }) => [c.field, c.newValue])).toEqual([
      ['active', 'true'],
      ['active', 'false'],
    ]);
    const audited = auditedRecords(await clinicAudit(get(), { entity: 'patient', action: 'update', limit: 50 }));
    expect(audited.filter((e) => e.entityId === patient.id && e.route?.includes('activate'))).toHaveLength(2);

    // Sessions booked ahead must be cancelled or moved first: 409 naming them, nothing changed.
    const record = await get().repos.patients.findById(patient.id);
    if (!record) throw new Error('not stored');
    const booked = await bookHealthyCourse(get().repos, record, testKnowledgeBase(), [
      new Date(get().app.now().getTime() + 7 * 86_400_000).toISOString(),
    ]);
    const before = await snapshotDatabase(get().db);
    const refused = await deactivate(patient.id);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ error: 'has_booked_sessions', sessionIds: booked });
    expect(changedTables(before, await snapshotDatabase(get().db, before))).toEqual([]);
    // And with records it is never deleted.
    const admin = await get().signIn('admin');
    const deleted = await admin.inject({ method: 'DELETE', url: `/api/patients/${patient.id}` });
    expect([deleted.statusCode, deleted.json().error]).toEqual([409, 'has_records']);
  });

  it('names a bad search filter, and keeps other clinics out', async () => {
    const reception = await get().signIn('reception');
    const bad = await reception.inject({ method: 'GET', url: '/api/patients?includeInactive=maybe' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().problems.map((p: { field: string }) => p.field)).toEqual(['includeInactive']);
    const outsider = await get().signInElsewhere('admin');
    for (const verb of ['deactivate', 'reactivate'])
      expect(
        (await outsider.inject({ method: 'POST', url: `/api/patients/${get().fixture.patient.id}/${verb}` }))
          .statusCode,
      ).toBe(404);
    expect((await reception.inject({ method: 'POST', url: '/api/patients/not%20an%20id/deactivate' })).statusCode).toBe(
      400,
    );
  });
});
