import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createSamplePatient } from '../../test-support/stored-records.js';
import { testEngines } from '../../test-support/test-databases.js';
import { createRepositories } from '../repositories/repositories.js';
import { onDatabaseAt } from './test-support/database-at.js';
import { migrationBefore } from './test-support/rows.js';

const name = '0035-patient-records';
const before = migrationBefore(name);

describe.each(testEngines)('0035-patient-records [$engine]', (testEngine) => {
  it('keeps patients active, lets a signature move and nothing else change, keeps edits, and undoes cleanly', () =>
    onDatabaseAt(testEngine, before, async (db, migrator) => {
      const at = '2026-01-05T09:00:00.000Z';
      const clinic = 'c1';
      await sql`insert into clinics (id, name, created_at, updated_at) values (${clinic}, 'Clinic', ${at}, ${at})`.execute(
        db,
      );
      for (const id of ['p1', 'p2'])
        await sql`insert into patients (id, clinic_id, first_name, last_name, first_name_key, last_name_key, birth_date, sex, created_at, updated_at)
          values (${id}, ${clinic}, 'Leyla', 'Demir', 'leyla', 'demir', '1991-05-14', 'female', ${at}, ${at})`.execute(
          db,
        );
      await sql`insert into consent_texts (id, clinic_id, procedure, language, version, text, active, created_at)
        values ('t1', ${clinic}, 'mesotherapy', 'en', 1, 'Consent', 1, ${at})`.execute(db);
      await sql`insert into consent_signatures (id, patient_id, consent_text_id, typed_name, signed_at)
        values ('s1', 'p2', 't1', 'Leyla Demir', ${at})`.execute(db);

      expect((await migrator.migrateTo(name)).error).toBeUndefined();
      const repos = createRepositories(db);
      // Patients registered before are active and stand on their own.
      expect(await repos.patients.findById('p1')).toMatchObject({ active: true, mergedIntoId: null });

      // A merge may move a signature to the record kept; nothing else of it changes, and it is never deleted.
      await sql`update consent_signatures set patient_id = 'p1' where id = 's1'`.execute(db);
      expect((await repos.consent.listSignatures('p1')).map((s) => s.id)).toEqual(['s1']);
      await expect(sql`update consent_signatures set typed_name = 'X' where id = 's1'`.execute(db)).rejects.toThrow(
        /never changed/,
      );
      await expect(
        sql`update consent_signatures set signed_at = ${at}, user_id = null, id = 's2'`.execute(db),
      ).rejects.toThrow(/never changed/);
      await expect(sql`delete from consent_signatures`.execute(db)).rejects.toThrow(/never changed/);

      // An edit's history is never rewritten, and goes only with the patient (registered by mistake).
      const [change] = await repos.patientChanges.record({
        patientId: 'p2',
        changedBy: null,
        changes: [{ field: 'phone', oldValue: null, newValue: '0532 123 45 67' }],
      });
      await expect(sql`update patient_changes set new_value = 'x'`.execute(db)).rejects.toThrow(/never rewritten/);
      expect(await repos.patientChanges.listForPatient('p2')).toEqual([change]);
      await sql`delete from patients where id = 'p2'`.execute(db);
      expect(await repos.patientChanges.listForPatient('p2')).toEqual([]);

      // A merge joins two different records; a record points only at a patient that exists.
      await expect(
        sql`insert into patient_merges (id, clinic_id, survivor_id, merged_id, moved, merged_at)
          values ('m1', ${clinic}, 'p1', 'p1', '{}', ${at})`.execute(db),
      ).rejects.toThrow();
      await expect(sql`update patients set merged_into_id = 'nobody' where id = 'p1'`.execute(db)).rejects.toThrow();
      await expect(sql`update patients set active = 2 where id = 'p1'`.execute(db)).rejects.toThrow();

      expect((await migrator.migrateTo(before)).error).toBeUndefined();
      // Back before 0035: a signature never changes again, not even its patient.
      await expect(sql`update consent_signatures set patient_id = 'p1' where id = 's1'`.execute(db)).rejects.toThrow(
        /never changed/,
      );
      expect((await migrator.migrateTo(name)).error).toBeUndefined();
    }));

  it('finds duplicate candidates through the new indexes (SQLite plans)', async () => {
    if (testEngine.engine !== 'sqlite') return;
    const { db, destroy } = await testEngine.create();
    try {
      const repos = createRepositories(db);
      const clinic = await repos.clinics.create({ name: 'Plans' });
      await createSamplePatient(repos, clinic.id, { phone: '0532 123 45 67', email: 'a@example.test' });
      const plan = await sql<{ detail: string }>`explain query plan
        select id from patients where clinic_id = ${clinic.id} and substr(phone_digits, -9) = '532123456'
        union select id from patients where clinic_id = ${clinic.id} and lower(trim(email)) = 'a@example.test'`.execute(
        db,
      );
      const details = plan.rows.map((r) => r.detail).join('\n');
      expect(details).toContain('patients_phone_tail_idx');
      expect(details).toContain('patients_email_key_idx');
    } finally {
      await destroy();
    }
  });
});
