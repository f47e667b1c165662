import { sql, type CreateTableBuilder } from 'kysely';
import { type Migration } from 'kysely/migration';
import { engineOf } from '../create-database.js';
import { indexColumns, requiredText, type MigrationDb } from './schema-helpers.js';

interface PatientKeys {
  id: string;
  clinic_id: string;
  first_name_key: string;
  last_name_key: string;
}

/** Rows per INSERT: 5 columns each, well under SQLite's bound-parameter limit. */
const insertBatch = 500;

/**
 * A table of patients' name words (`words`: the columns holding one each, 0019 has two) with the keys
 * patients are listed by, keyed in list order. The words compare bytewise on both engines (collation
 * "C" on PostgreSQL), so a prefix is one index range whatever the database's locale.
 */
export async function nameWordTable(db: MigrationDb, table: string, words: readonly string[]): Promise<void> {
  const bytewise = engineOf(db) === 'postgres' ? sql`text collate "C"` : sql`text`;
  let created: CreateTableBuilder<string, string> = db.schema
    .createTable(table)
    .addColumn('patient_id', 'text', (c) => c.notNull().references('patients.id').onDelete('cascade'))
    .addColumn('clinic_id', 'text', (c) => c.notNull());
  for (const word of words) created = created.addColumn(word, bytewise, (c) => c.notNull());
  await requiredText(
    'last_name_key',
    'first_name_key',
  )(created)
    .addPrimaryKeyConstraint(`${table}_pk`, ['clinic_id', ...words, 'last_name_key', 'first_name_key', 'patient_id'])
    .execute();
}

/**
 * The words of patients' names, each with the keys patients are listed by: name search then reads
 * an ordered index range per matching word rather than scanning the clinic (1 s and more with a
 * million patients). Existing patients are filled in here.
 */
export const patientNameWordsMigration: Migration = {
  async up(db: MigrationDb) {
    await nameWordTable(db, 'patient_name_words', ['word']);
    await indexColumns(db, 'patient_name_words', ['patient_id']);

    // Written out here rather than imported: a migration keeps doing what it did when released.
    let after = '';
    for (;;) {
      const { rows } =
        await sql<PatientKeys>`select id, clinic_id, first_name_key, last_name_key from patients where id > ${after} order by id limit 5000`.execute(
          db,
        );
      const last = rows.at(-1);
      if (!last) break;
      const words = rows.flatMap((p) =>
        [...new Set(`${p.first_name_key} ${p.last_name_key}`.split(' ').filter(Boolean))].map(
          (word) => sql`(${p.id}, ${p.clinic_id}, ${word}, ${p.last_name_key}, ${p.first_name_key})`,
        ),
      );
      for (let i = 0; i < words.length; i += insertBatch)
        await sql`insert into patient_name_words (patient_id, clinic_id, word, last_name_key, first_name_key) values ${sql.join(words.slice(i, i + insertBatch))}`.execute(
          db,
        );
      after = last.id;
    }
  },

  async down(db: MigrationDb) {
    await db.schema.dropTable('patient_name_words').execute();
  },
};
