import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { testEngines } from '../../test-support/test-databases.js';
import { onDatabaseAt } from './test-support/database-at.js';
import { clinicRow, insertRow, patientRow } from './test-support/rows.js';

describe.each(testEngines)('0019-patient-name-pairs [$engine]', (testEngine) => {
  it('fills in the pairs of words of the patients already there, from their words', () =>
    onDatabaseAt(testEngine, '0018-audit-entries-naming-many-records', async (db, migrator) => {
      await insertRow(db, 'clinics', clinicRow('c1'));
      const patient = async (id: string, first: string, last: string) => {
        await insertRow(db, 'patients', patientRow(id, 'c1', { first, last }));
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
