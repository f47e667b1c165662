import { sql } from 'kysely';
import { type Migration } from 'kysely/migration';
import { nameWordTable } from './0015-patient-name-words.js';
import { indexColumns, type MigrationDb } from './schema-helpers.js';

/**
 * Pairs of words of patients' names (see PatientNamePairsTable): a search for a first name and a
 * surname then reads only the patients holding both, in list order. At 1,000,000 patients such a
 * search read one word's thousands of patients to keep the few holding the other (median 2 ms,
 * up to 40 ms). Existing patients' pairs come from their words, in one statement.
 */
export const patientNamePairsMigration: Migration = {
  async up(db: MigrationDb) {
    await nameWordTable(db, 'patient_name_pairs', ['word', 'other']);
    await sql`
      insert into patient_name_pairs (patient_id, clinic_id, word, other, last_name_key, first_name_key)
      select a.patient_id, a.clinic_id, a.word, b.word, a.last_name_key, a.first_name_key
      from patient_name_words a join patient_name_words b on b.patient_id = a.patient_id and b.word <> a.word`.execute(
      db,
    );
    // After the fill: one sorted build of the index rather than a million random inserts into it.
    await indexColumns(db, 'patient_name_pairs', ['patient_id']);
  },

  async down(db: MigrationDb) {
    await db.schema.dropTable('patient_name_pairs').execute();
  },
};
