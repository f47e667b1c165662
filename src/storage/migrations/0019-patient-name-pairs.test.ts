import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { testEngines } from '../../test-support/test-databases.js';
import { onDatabaseAt } from './test-support/database-at.js';

describe.each(testEngines)('0019-patient-name-pairs [$engine]', (testEngine) => {
  it('fills in the pairs of words of the patients already there, from their words', () =>
    onDatabaseAt(testEngine, '0018-audit-entries-naming-many-records', async (db, migrator) => {
      const at = '2026-01-01T00:00:00.000Z';
      await sql`insert into clinics (id, name, created_at, updated_at) values ('c1', 'C', ${at}, ${at})`.execute(db);
      const patient = async (id: string, first: string, last: string) => {
        await sql`insert into patients (id, clinic_id, first_name, last_name, first_name_key, last_name_key, birth_date, sex, created_at, updated_at)
            values (${id}, 'c1', ${first}, ${last}, ${first.toLowerCase()}, ${last.toLowerCase()}, '1990-01-01', 'female', ${at}, ${at})`.execute(
          db,
        );
        for (const word of new Set(`${first} ${last}`.toLowerCase().split(' ')))
          await sql`insert into patient_name_words (patient_id, clinic_id, word, last_name_key, first_name_key) values (${id}, 'c1', ${word}, ${last.toLowerCase()}, ${first.toLowerCase()})`.execute(
            db,
          );
      };
      await patient('p1', 'Anne', 'van Dijk');
      await patient('p2', 'Thomas', 'Thomas');
      expect((await migrator.migrateToLatest()).error).toBeUndefined();
      const pairs = await db
        .selectFrom('patient_name_pairs')
        .select(['patient_id', 'word', 'other', 'last_name_key', 'first_name_key'])
        .orderBy('patient_id')
        .orderBy('word')
        .orderBy('other')
        .execute();
      const keys = { last_name_key: 'van dijk', first_name_key: 'anne' };
      expect(pairs).toEqual([
        { patient_id: 'p1', word: 'anne', other: 'dijk', ...keys },
        { patient_id: 'p1', word: 'anne', other: 'van', ...keys },
        { patient_id: 'p1', word: 'dijk', other: 'anne', ...keys },
        { patient_id: 'p1', word: 'dijk', other: 'van', ...keys },
        { patient_id: 'p1', word: 'van', other: 'anne', ...keys },
        { patient_id: 'p1', word: 'van', other: 'dijk', ...keys },
      ]);
    }));
});
