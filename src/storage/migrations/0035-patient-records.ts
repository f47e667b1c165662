import { sql } from 'kysely';
import type { Migration } from 'kysely/migration';
import { engineOf } from '../create-database.js';
import { addReference, dropReference, flagColumn, idColumn, indexColumns, type MigrationDb } from './schema-helpers.js';

const changesKept = 'a patient record change is never rewritten';
const signaturesNeverChanged = 'consent signatures are never changed or deleted';
const signaturesMoveOnly =
  'consent signatures are never changed; a merge of two records of one patient only moves them to the record kept';

/** Every column of consent_signatures but patient_id: what a merge must leave as it was signed. */
const signedColumns = ['id', 'consent_text_id', 'typed_name', 'signature_image', 'signed_at', 'user_agent', 'user_id'];

/** The last nine digits of `phone_digits` (src/core/patients/duplicate-match.ts), as each engine writes it. */
export function phoneTailExpression(postgres: boolean) {
  return postgres ? sql`right(phone_digits, 9)` : sql`substr(phone_digits, -9)`;
}

/**
 * Patient records kept whole (issue 19): a record can be deactivated (kept, left out of searches)
 * and merged into another record of the same person (kept, pointing at the survivor); every edit
 * of its details is kept field by field (`patient_changes`, never updated), and every merge with the
 * ids of the rows it moved (`patient_merges`), so that it can be reversed. A consent signature may
 * now change its patient, and nothing else: a merge moves it. Duplicate checks look patients up by
 * email and by the phone's last nine digits, through expression indexes.
 */
export const patientRecordsMigration: Migration = {
  async up(db: MigrationDb) {
    const postgres = engineOf(db) === 'postgres';
    await db.schema.alterTable('patients').addColumn('active', 'integer', flagColumn('active', 1)).execute();
    await addReference(db, 'patients', 'merged_into_id', 'patients');
    await sql`create index patients_email_key_idx on patients (clinic_id, lower(trim(email)))`.execute(db);
    await sql`create index patients_phone_tail_idx on patients (clinic_id, ${phoneTailExpression(postgres)})`.execute(
      db,
    );

    await idColumn(db.schema.createTable('patient_changes'))
      .addColumn('patient_id', 'text', (c) => c.notNull().references('patients.id').onDelete('cascade'))
      .addColumn('edit_id', 'text', (c) => c.notNull())
      .addColumn('field', 'text', (c) => c.notNull())
      .addColumn('old_value', 'text')
      .addColumn('new_value', 'text')
      .addColumn('changed_by', 'text', (c) => c.references('users.id'))
      .addColumn('changed_at', 'text', (c) => c.notNull())
      .execute();
    await indexColumns(db, 'patient_changes', ['patient_id', 'changed_by']);

    await idColumn(db.schema.createTable('patient_merges'))
      .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
      .addColumn('survivor_id', 'text', (c) => c.notNull().references('patients.id'))
      .addColumn('merged_id', 'text', (c) => c.notNull().references('patients.id'))
      .addColumn('moved', 'text', (c) => c.notNull())
      .addColumn('merged_by', 'text', (c) => c.references('users.id'))
      .addColumn('merged_at', 'text', (c) => c.notNull())
      .addColumn('reversed_at', 'text')
      .addColumn('reversed_by', 'text', (c) => c.references('users.id'))
      .addCheckConstraint('patient_merges_two_records', sql`survivor_id <> merged_id`)
      .execute();
    await indexColumns(db, 'patient_merges', ['clinic_id', 'survivor_id', 'merged_id', 'merged_by', 'reversed_by']);

    const changed = (columns: readonly string[], differ: string) =>
      sql.join(
        columns.map((c) => sql`old.${sql.ref(c)} ${sql.raw(differ)} new.${sql.ref(c)}`),
        sql` or `,
      );
    if (postgres) {
      await sql`create function patient_change_kept() returns trigger language plpgsql as $$
        begin raise exception '${sql.raw(changesKept)}'; end $$`.execute(db);
      await sql`create trigger patient_changes_no_update before update on patient_changes
        for each row execute function patient_change_kept()`.execute(db);
      await sql`drop trigger consent_signatures_no_change on consent_signatures`.execute(db);
      await sql`create trigger consent_signatures_no_delete before delete on consent_signatures for each row
        execute function consent_record_immutable(${sql.lit(signaturesNeverChanged)})`.execute(db);
      await sql`create trigger consent_signatures_no_edit before update on consent_signatures for each row
        when (${changed(signedColumns, 'is distinct from')})
        execute function consent_record_immutable(${sql.lit(signaturesMoveOnly)})`.execute(db);
    } else {
      await sql`create trigger patient_changes_no_update before update on patient_changes
        begin select raise(abort, ${sql.lit(changesKept)}); end`.execute(db);
      await sql`drop trigger consent_signatures_no_update`.execute(db);
      await sql`create trigger consent_signatures_no_edit before update on consent_signatures
        when ${changed(signedColumns, 'is not')}
        begin select raise(abort, ${sql.lit(signaturesMoveOnly)}); end`.execute(db);
    }
  },

  async down(db: MigrationDb) {
    if (engineOf(db) === 'postgres') {
      await sql`drop trigger consent_signatures_no_edit on consent_signatures`.execute(db);
      await sql`drop trigger consent_signatures_no_delete on consent_signatures`.execute(db);
      await sql`create trigger consent_signatures_no_change before update or delete on consent_signatures for each row
        execute function consent_record_immutable(${sql.lit(signaturesNeverChanged)})`.execute(db);
      await sql`drop trigger patient_changes_no_update on patient_changes`.execute(db);
      await sql`drop function patient_change_kept()`.execute(db);
    } else {
      await sql`drop trigger consent_signatures_no_edit`.execute(db);
      await sql`create trigger consent_signatures_no_update before update on consent_signatures
        begin select raise(abort, ${sql.lit(signaturesNeverChanged)}); end`.execute(db);
    }
    await db.schema.dropTable('patient_merges').execute();
    await db.schema.dropTable('patient_changes').execute();
    await db.schema.dropIndex('patients_phone_tail_idx').execute();
    await db.schema.dropIndex('patients_email_key_idx').execute();
    await dropReference(db, 'patients', 'merged_into_id');
    await db.schema.alterTable('patients').dropColumn('active').execute();
  },
};
