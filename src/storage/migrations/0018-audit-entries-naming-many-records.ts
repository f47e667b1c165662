import { sql } from 'kysely';
import { type Migration } from 'kysely/migration';
import { engineOf } from '../create-database.js';
import type { MigrationDb } from './schema-helpers.js';

/**
 * An audit entry may name many records: a page of search results or a day's schedule is one read
 * (`records`), where it used to be one row per line shown. Finding a patient's entries then needs
 * the patients of those entries indexed (`patient_ids`). A B-tree entry per patient would bring
 * back the cost this saves (a random page written per patient shown), so each engine uses an
 * index built for lists of words: SQLite a full-text table filled by a trigger (its segments are
 * written in order and merged later), PostgreSQL a GIN index (new keys go to a pending list).
 * Entries naming one patient keep using `patient_id` and its index.
 */
export const auditEntriesNamingManyRecordsMigration: Migration = {
  async up(db: MigrationDb) {
    await db.schema.alterTable('audit_log').addColumn('records', 'text').execute();
    await db.schema.alterTable('audit_log').addColumn('patient_ids', 'text').execute();
    if (engineOf(db) === 'postgres') {
      await sql`create index audit_log_patient_ids_idx on audit_log using gin ((patient_ids::jsonb)) where patient_ids is not null`.execute(
        db,
      );
      return;
    }
    // Ids are letters, digits, '-' and '_': each one word (the JSON around them separates words). Only whole ids are looked up, so no word
    // positions or lengths are kept (a third less work per entry). `audit_id` rather than the rowid,
    // which VACUUM may renumber.
    await sql`create virtual table audit_log_patients using fts5(
      patient_ids, audit_id unindexed, tokenize = "unicode61 tokenchars '-_'", detail = none, columnsize = 0)`.execute(
      db,
    );
    await sql`create trigger audit_log_index_patients after insert on audit_log when new.patient_ids is not null
      begin insert into audit_log_patients (patient_ids, audit_id) values (new.patient_ids, new.id); end`.execute(db);
  },
  async down(db: MigrationDb) {
    if (engineOf(db) === 'postgres') await sql`drop index audit_log_patient_ids_idx`.execute(db);
    else {
      await sql`drop trigger audit_log_index_patients`.execute(db);
      await sql`drop table audit_log_patients`.execute(db);
    }
    await db.schema.alterTable('audit_log').dropColumn('patient_ids').execute();
    await db.schema.alterTable('audit_log').dropColumn('records').execute();
  },
};
