import { describe, expect, it } from 'vitest';
import { testEngines } from '../../test-support/test-databases.js';
import { onDatabaseAt } from './test-support/database-at.js';
import { clinicRow, insertRow, patientRow } from './test-support/rows.js';

describe.each(testEngines)('0015-patient-name-words [$engine]', (testEngine) => {
  it('fills in the name words of the patients already there', () =>
    onDatabaseAt(testEngine, '0014-outbox', async (db, migrator) => {
      await insertRow(db, 'clinics', clinicRow('c1'));
      const patient = (id: string, first: string, last: string) =>
        insertRow(db, 'patients', patientRow(id, 'c1', { first, last }));
      await patient('p1', 'Anne Marie', 'van Dijk');
      await patient('p2', 'Thomas', 'Thomas');
      expect((await migrator.migrateToLatest()).error).toBeUndefined();
      const words = await db
        .selectFrom('patient_name_words')
        .select(['patient_id', 'word', 'last_name_key', 'first_name_key'])
        .orderBy('patient_id')
        .orderBy('word')
        .execute();
      expect(words).toEqual([
        { patient_id: 'p1', word: 'anne', last_name_key: 'van dijk', first_name_key: 'anne marie' },
        { patient_id: 'p1', word: 'dijk', last_name_key: 'van dijk', first_name_key: 'anne marie' },
        { patient_id: 'p1', word: 'marie', last_name_key: 'van dijk', first_name_key: 'anne marie' },
        { patient_id: 'p1', word: 'van', last_name_key: 'van dijk', first_name_key: 'anne marie' },
        { patient_id: 'p2', word: 'thomas', last_name_key: 'thomas', first_name_key: 'thomas' },
      ]);
    }));
});
