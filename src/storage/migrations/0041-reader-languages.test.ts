import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Db } from '../create-database.js';
import { testEngines } from '../../test-support/test-databases.js';
import { onDatabaseAt } from './test-support/database-at.js';
import { insertRow, patientRow, rowTime } from './test-support/rows.js';

const name = '0041-reader-languages';
const previous = '0040-clinic-logos';
const at = rowTime;

const columnsOf = async (db: Db, table: string) =>
  (await db.introspection.getTables()).find((t) => t.name === table)?.columns.map((c) => c.name) ?? [];

describe.each(testEngines)('0041-reader-languages [$engine]', (testEngine) => {
  it('gives users and patients a language, keeps each signature’s, and undoes cleanly', async () => {
    await onDatabaseAt(testEngine, previous, async (db, migrator) => {
      for (const id of ['turkish', 'english', 'unset'])
        await insertRow(db, 'clinics', { id, name: id, created_at: at, updated_at: at });
      for (const [clinic, language] of [
        ['turkish', 'tr'],
        ['english', 'en'],
      ])
        await insertRow(db, 'message_settings', {
          clinic_id: clinic,
          language,
          aftercare_hours_after: 0,
          check_in_hours_after: 48,
          updated_at: at,
        });
      for (const clinic of ['turkish', 'english', 'unset'])
        await insertRow(db, 'patients', patientRow(`p-${clinic}`, clinic));
      await insertRow(db, 'users', {
        id: 'u1',
        clinic_id: 'turkish',
        email: 'u1@example.test',
        display_name: 'U',
        password_hash: 'x',
        role: 'admin',
        active: 1,
        created_at: at,
        updated_at: at,
      });
      for (const [id, language, version] of [
        ['t-en', 'en', 1],
        ['t-tr', 'tr', 2],
      ] as const)
        await insertRow(db, 'consent_texts', {
          id,
          clinic_id: 'turkish',
          procedure: 'mesotherapy',
          language,
          version,
          text: id,
          active: 1,
          created_at: at,
        });
      for (const text of ['t-en', 't-tr'])
        await insertRow(db, 'consent_signatures', {
          id: `s-${text}`,
          patient_id: 'p-turkish',
          consent_text_id: text,
          typed_name: 'Leyla Demir',
          signed_at: at,
        });

      expect((await migrator.migrateTo(name)).error).toBeUndefined();
      const languages = await db.selectFrom('patients').select(['id', 'preferred_language']).orderBy('id').execute();
      // A clinic that wrote to its patients in Turkish keeps them reading Turkish; the others read English.
      expect(languages).toEqual([
        { id: 'p-english', preferred_language: 'en' },
        { id: 'p-turkish', preferred_language: 'tr' },
        { id: 'p-unset', preferred_language: 'en' },
      ]);
      expect(await db.selectFrom('users').select('preferred_language').executeTakeFirst()).toEqual({
        preferred_language: 'en',
      });
      const signatures = await db.selectFrom('consent_signatures').select(['id', 'language']).orderBy('id').execute();
      expect(signatures).toEqual([
        { id: 's-t-en', language: 'en' },
        { id: 's-t-tr', language: 'tr' },
      ]);
      // The language signed never changes; a merge still moves the signature.
      await expect(sql`update consent_signatures set language = 'en' where id = 's-t-tr'`.execute(db)).rejects.toThrow(
        /never changed/,
      );
      await sql`update consent_signatures set patient_id = 'p-english' where id = 's-t-tr'`.execute(db);

      expect((await migrator.migrateTo(previous)).error).toBeUndefined();
      expect(await columnsOf(db, 'patients')).not.toContain('preferred_language');
      expect(await columnsOf(db, 'users')).not.toContain('preferred_language');
      expect(await columnsOf(db, 'consent_signatures')).not.toContain('language');
      await expect(
        sql`update consent_signatures set typed_name = 'Someone else' where id = 's-t-en'`.execute(db),
      ).rejects.toThrow(/never changed/);
    });
  });
});
