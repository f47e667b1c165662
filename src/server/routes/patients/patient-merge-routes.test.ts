import { expect, it } from 'vitest';
import type { AuditRecord } from '../../../core/records/index.js';
import { interopIntake } from '../../../services/documents/test-support/interop-records.js';
import { argon2idHasher } from '../../../services/accounts/password-hasher.js';
import { patientOwnedTables } from '../../../storage/repositories/patient-owned-tables.js';
import { auditedRecords, clinicAudit } from '../../../test-support/audited-records.js';
import { changedTables, snapshotDatabase } from '../../../test-support/database-snapshot.js';
import {
  forEachApp,
  signInClient,
  testPassword,
  testPasswordHashing,
  type TestClient,
} from '../../../test-support/test-app.js';
import { rowsOf, storeEveryRecordKind } from './test-support/every-record-kind.js';

const day = 86_400_000;
/** The app's clock: tests move it on instead of waiting. */
let clock = Date.now();

interface Patient {
  id: string;
  firstName: string;
  lastName: string;
  birthDate: string;
  mergedIntoId: string | null;
  active: boolean;
}

forEachApp(
  'patient merges',
  (get) => {
    const register = async (client: TestClient, firstName: string, lastName: string, birthDate = '1991-05-14') => {
      const response = await client.inject({
        method: 'POST',
        url: '/api/patients',
        payload: { firstName, lastName, birthDate, sex: 'female' },
      });
      expect(response.statusCode, response.body).toBe(201);
      return response.json() as Patient;
    };
    const merge = (client: TestClient, keptId: string, mergedPatientId: unknown) =>
      client.inject({ method: 'POST', url: `/api/patients/${keptId}/merges`, payload: { mergedPatientId } });
    const reverse = (client: TestClient, patientId: string, mergeId: string) =>
      client.inject({ method: 'POST', url: `/api/patients/${patientId}/merges/${mergeId}/reversal` });
    const search = async (client: TestClient, query: string) =>
      ((await client.inject({ method: 'GET', url: `/api/patients?${query}` })).json().patients as Patient[]).map(
        (p) => p.id,
      );
    const intakeNumbers = async (patientId: string) =>
      (await get().repos.intakes.listByPatient(patientId)).map((i) => [i.id, i.version]).sort();
    /** Per record, the audited updates of `entity` naming it, with whose record they say it is. */
    const updatesOf = async (entity: string, since: string): Promise<AuditRecord[]> =>
      auditedRecords(await clinicAudit(get(), { entity, action: 'update', from: since, limit: 200 }));

    it('moves every kind of record to the record kept, audits each, hides the merged one, and reverses within 30 days', async () => {
      clock = Date.now();
      const started = new Date(clock - 1000).toISOString();
      const admin = await get().signIn('admin');
      const kept = await register(admin, 'Leyla', 'Demir');
      const dup = await register(admin, 'LEYLA', 'Demır');
      const [keptRecord, dupRecord] = await Promise.all(
        [kept.id, dup.id].map((id) => get().repos.patients.findById(id)),
      );
      if (!keptRecord || !dupRecord) throw new Error('the patients were not stored');
      await get().repos.intakes.create({ patientId: kept.id, data: interopIntake(keptRecord), createdBy: null });
      await storeEveryRecordKind(get(), admin, dupRecord, keptRecord);
      // The person signed in to the portal through the duplicate record, before the merge.
      const portalEmail = `leyla-${kept.id}@merge.test`;
      await get().repos.users.create({
        clinicId: get().fixture.clinic.id,
        email: portalEmail,
        displayName: 'Leyla Demir',
        passwordHash: await argon2idHasher(testPasswordHashing).hash(testPassword),
        role: 'patient',
        patientId: dup.id,
      });
      const portal = await signInClient(get().app, portalEmail, testPassword);
      expect((await portal.inject({ method: 'GET', url: `/api/patients/${dup.id}` })).statusCode).toBe(200);

      const dupRows = await rowsOf(get(), dup.id);
      const keptRows = await rowsOf(get(), kept.id);
      const dupIntakes = await intakeNumbers(dup.id);
      const keptIntakes = await intakeNumbers(kept.id);
      // The record kept is on one of the signals, and waits for hair loss too.
      const clashSignal = keptRows.safety_signal_patients ?? [];
      expect(clashSignal).toHaveLength(1);
      expect(dupRows.waiting_list_entries).toHaveLength(2);

      const practitioner = await get().signIn('practitioner');
      expect((await merge(practitioner, kept.id, dup.id)).statusCode).toBe(403);

      const response = await merge(admin, kept.id, dup.id);
      expect(response.statusCode, response.body).toBe(201);
      const done = response.json();
      expect(done).toMatchObject({
        survivor: { id: kept.id, firstName: 'Leyla' },
        merged: { id: dup.id, firstName: 'LEYLA' },
        mergedBy: { id: get().fixture.users.admin.id },
        reversedAt: null,
      });
      expect(Date.parse(done.reversibleUntil) - Date.parse(done.mergedAt)).toBe(30 * day);

      // Every row moved, but for the two the record kept already has its like: the signal naming
      // both, and the second wait for hair loss.
      const left = await rowsOf(get(), dup.id);
      const stayed = Object.entries(left).filter(([, keys]) => keys.length > 0);
      expect(stayed.map(([table, keys]) => [table, keys.length])).toEqual([
        ['safety_signal_patients', 1],
        ['waiting_list_entries', 1],
      ]);
      expect(left.safety_signal_patients).toEqual(clashSignal);
      const nowKept = await rowsOf(get(), kept.id);
      for (const { table } of patientOwnedTables) {
        const movedIds = done.moved[table] ?? [];
        const expected = (dupRows[table] ?? []).filter((key) => !(left[table] ?? []).includes(key));
        expect([...movedIds].sort(), table).toEqual(expected);
        expect(nowKept[table], table).toEqual([...(keptRows[table] ?? []), ...movedIds].sort());
      }
      // What hangs on the courses follows them: the sessions are the kept record's now.
      const sessions = await admin.inject({ method: 'GET', url: `/api/patients/${kept.id}/sessions` });
      expect(sessions.json().sessions.length).toBeGreaterThanOrEqual(4);
      // The intakes are numbered in the order they were taken: the latest in time is the one screened.
      expect((await get().repos.intakes.listByPatient(kept.id)).map((i) => i.version).sort()).toEqual([1, 2, 3]);
      expect((await get().repos.intakes.latestForPatient(kept.id))?.id).toBe(
        (await get().repos.intakes.listByPatient(kept.id)).sort((a, b) => a.createdAt.localeCompare(b.createdAt)).at(-1)
          ?.id,
      );

      // The merged record is kept, points at the survivor, and no search finds it.
      const after = (await admin.inject({ method: 'GET', url: `/api/patients/${dup.id}` })).json();
      expect(after).toMatchObject({ mergedIntoId: kept.id, active: true });
      expect(await search(admin, 'name=leyla%20demir')).toEqual([kept.id]);
      expect(await search(admin, 'name=leyla%20demir&includeInactive=true')).toEqual([kept.id]);
      expect(await search(admin, 'birthDate=1991-05-14')).not.toContain(dup.id);
      // The portal account followed its person: it sees the record kept, and the merged one is not theirs.
      expect((await portal.inject({ method: 'GET', url: `/api/patients/${kept.id}` })).statusCode).toBe(200);
      expect((await portal.inject({ method: 'GET', url: `/api/patients/${dup.id}` })).statusCode).toBe(403);
      // A merged record is not changed or merged again.
      const edit = await admin.inject({ method: 'PATCH', url: `/api/patients/${dup.id}`, payload: { phone: '1' } });
      expect([edit.statusCode, edit.json().error]).toEqual([409, 'patient_merged']);
      expect((await merge(admin, kept.id, dup.id)).json().error).toBe('already_merged');

      // Audited: the merge naming both records, and each moved row as an update now of the kept record.
      const merges = auditedRecords(await clinicAudit(get(), { entity: 'patient_merge', from: started, limit: 50 }));
      expect(
        merges
          .filter((e) => e.entityId === done.id && e.action === 'create')
          .map((e) => e.patientId)
          .sort(),
      ).toEqual([kept.id, dup.id].sort());
      for (const { table, entity } of patientOwnedTables) {
        const audited = (await updatesOf(entity, started)).filter((e) => e.patientId === kept.id);
        for (const id of done.moved[table] ?? [])
          expect(
            audited.some((e) => e.entityId === id),
            `${table} ${id}`,
          ).toBe(true);
      }
      const listed = (await admin.inject({ method: 'GET', url: `/api/patients/${dup.id}/merges` })).json();
      expect(listed.merges.map((m: { id: string }) => m.id)).toEqual([done.id]);

      // 29 days on, the admin reverses it: exactly those rows go back.
      clock += 29 * day;
      const later = await get().signIn('admin');
      const reversed = await reverse(later, kept.id, done.id);
      expect(reversed.statusCode, reversed.body).toBe(200);
      expect(reversed.json()).toMatchObject({ id: done.id, reversedBy: { id: get().fixture.users.admin.id } });
      expect(Date.parse(reversed.json().reversedAt)).toBe(clock);
      expect(await rowsOf(get(), dup.id)).toEqual(dupRows);
      expect(await rowsOf(get(), kept.id)).toEqual(keptRows);
      expect(await intakeNumbers(dup.id)).toEqual(dupIntakes);
      expect(await intakeNumbers(kept.id)).toEqual(keptIntakes);
      expect((await later.inject({ method: 'GET', url: `/api/patients/${dup.id}` })).json().mergedIntoId).toBeNull();
      expect((await search(later, 'name=leyla')).sort()).toEqual([kept.id, dup.id].sort());
      const reversedAt = new Date(clock - 1000).toISOString();
      const back = (await updatesOf('course', reversedAt)).filter((e) => e.patientId === dup.id);
      expect(back.map((e) => e.entityId)).toEqual(done.moved.courses);
      expect(
        auditedRecords(
          await clinicAudit(get(), { entity: 'patient_merge', action: 'update', from: reversedAt, limit: 10 }),
        )
          .map((e) => e.patientId)
          .sort(),
      ).toEqual([kept.id, dup.id].sort());
      // Once.
      const twice = await reverse(later, kept.id, done.id);
      expect([twice.statusCode, twice.json().error]).toEqual([409, 'merge_reversed']);
    });

    it('refuses a reversal after 30 days with 409, changing nothing', async () => {
      clock = Date.now();
      const admin = await get().signIn('admin');
      const kept = await register(admin, 'Işık', 'Yılmaz', '1984-02-02');
      const dup = await register(admin, 'Isik', 'Yilmaz', '1984-02-02');
      const done = (await merge(admin, kept.id, dup.id)).json();
      clock += 30 * day + 60_000;
      const later = await get().signIn('admin');
      const before = await snapshotDatabase(get().db);
      const refused = await reverse(later, kept.id, done.id);
      expect(refused.statusCode).toBe(409);
      expect(refused.json()).toMatchObject({
        error: 'merge_reversal_expired',
        mergedAt: done.mergedAt,
        reversibleUntil: done.reversibleUntil,
      });
      expect(refused.json().message).toContain('30 days');
      expect(changedTables(before, await snapshotDatabase(get().db, before))).toEqual([]);
      expect((await later.inject({ method: 'GET', url: `/api/patients/${dup.id}` })).json().mergedIntoId).toBe(kept.id);
    });

    it('lets one of two opposite merges of the same pair through, and answers the other with 409', async () => {
      clock = Date.now();
      const [one, two] = await Promise.all([get().signIn('admin'), get().signIn('admin')]);
      const a = await register(one, 'Ece', 'Aynı', '1995-09-09');
      const b = await register(one, 'Ece', 'Ayni', '1995-09-09');
      const answers = await Promise.all([merge(one, a.id, b.id), merge(two, b.id, a.id)]);
      expect(answers.map((r) => r.statusCode).sort()).toEqual([201, 409]);
      expect(answers.find((r) => r.statusCode === 409)?.json().error).toMatch(/^(patient_merged|already_merged)$/);
      const records = await Promise.all([a.id, b.id].map((id) => get().repos.patients.findById(id)));
      expect(records.filter((p) => p?.mergedIntoId !== null)).toHaveLength(1);
      expect(await get().repos.patientMerges.listForPatient(a.id)).toHaveLength(1);
    });

    it('answers bad merges with 400 naming the field, 404 elsewhere and 409 for inactive records, changing nothing', async () => {
      clock = Date.now();
      const admin = await get().signIn('admin');
      const kept = await register(admin, 'Ada', 'Berk', '1970-07-07');
      const other = await register(admin, 'Ada', 'Berk', '1970-07-08');
      const elsewhere = await get().createOtherClinic();
      const cases: [unknown, number, string][] = [
        ['not an id', 400, 'mergedPatientId'],
        [undefined, 400, 'mergedPatientId'],
        [kept.id, 400, 'mergedPatientId'],
        [elsewhere.patient.id, 404, 'not_found'],
      ];
      for (const [mergedPatientId, status, named] of cases) {
        const before = await snapshotDatabase(get().db);
        const response = await merge(admin, kept.id, mergedPatientId);
        expect(response.statusCode, String(mergedPatientId)).toBe(status);
        const body = response.json();
        expect(status === 400 ? body.problems.map((p: { field: string }) => p.field) : body.error).toEqual(
          status === 400 ? [named] : named,
        );
        // A refusal to see another clinic's record is itself audited (the answer hides it, the log keeps it).
        const changed = changedTables(before, await snapshotDatabase(get().db, before));
        expect(changed.filter((t) => status === 400 || !t.startsWith('audit_log:'))).toEqual([]);
      }
      const badId = await reverse(admin, kept.id, 'not%20an%20id');
      expect(badId.json(), badId.body).toMatchObject({ problems: [{ field: 'mergeId' }] });

      expect((await admin.inject({ method: 'POST', url: `/api/patients/${kept.id}/deactivate` })).statusCode).toBe(200);
      const inactive = await merge(admin, kept.id, other.id);
      expect([inactive.statusCode, inactive.json().error]).toEqual([409, 'patient_inactive']);
      // An inactive duplicate may be merged into an active record.
      expect((await merge(admin, other.id, kept.id)).statusCode).toBe(201);
    });
  },
  { now: () => new Date(clock) },
);
