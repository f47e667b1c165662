import { sql } from 'kysely';
import type { Migration } from 'kysely/migration';
import { engineOf } from '../create-database.js';
import type { MigrationDb } from './schema-helpers.js';

const signaturesMoveOnly =
  'consent signatures are never changed; a merge of two records of one patient only moves them to the record kept';

/** 0035's signed columns (every column but patient_id), and this migration's `language` with them. */
const signedBefore = ['id', 'consent_text_id', 'typed_name', 'signature_image', 'signed_at', 'user_agent', 'user_id'];
const signedNow = [...signedBefore, 'language'];

/** 0035's "only the patient may change" trigger on consent signatures, over `columns`. */
async function signatureEditTrigger(db: MigrationDb, columns: readonly string[]): Promise<void> {
  const postgres = engineOf(db) === 'postgres';
  const changed = sql.join(
    columns.map((c) => sql`old.${sql.ref(c)} ${sql.raw(postgres ? 'is distinct from' : 'is not')} new.${sql.ref(c)}`),
    sql` or `,
  );
  if (postgres) {
    await sql`drop trigger consent_signatures_no_edit on consent_signatures`.execute(db);
    await sql`create trigger consent_signatures_no_edit before update on consent_signatures for each row
      when (${changed})
      execute function consent_record_immutable(${sql.lit(signaturesMoveOnly)})`.execute(db);
  } else {
    await sql`drop trigger consent_signatures_no_edit`.execute(db);
    await sql`create trigger consent_signatures_no_edit before update on consent_signatures
      when ${changed}
      begin select raise(abort, ${sql.lit(signaturesMoveOnly)}); end`.execute(db);
  }
}

/**
 * Every reader in their own language (issue: "every word a patient or clinician reads"):
 *
 * - users and patients have a preferred language (`en` unless set): staff read the workspace in
 *   theirs, a patient's portal, sheets and messages are in the patient record's. The values allowed
 *   are the languages the knowledge library has, which the server checks (a new translation needs
 *   no migration); the column only keeps it set;
 * - each patient of a clinic that already wrote to its patients in another language than English
 *   takes that language, so the clinic's letters go on reaching them as before;
 * - a consent signature keeps the language of the text signed beside the text's id (whose version
 *   it pins): the signature says by itself what the patient read, and it is never changed after.
 */
export const readerLanguagesMigration: Migration = {
  async up(db: MigrationDb) {
    for (const table of ['users', 'patients'])
      await db.schema
        .alterTable(table)
        .addColumn('preferred_language', 'text', (c) => c.notNull().defaultTo('en'))
        .execute();
    await sql`update patients set preferred_language = (
        select s.language from message_settings s where s.clinic_id = patients.clinic_id)
      where exists (select 1 from message_settings s where s.clinic_id = patients.clinic_id and s.language <> 'en')`.execute(
      db,
    );

    await db.schema
      .alterTable('consent_signatures')
      .addColumn('language', 'text', (c) => c.notNull().defaultTo('en'))
      .execute();
    // The edit trigger does not watch `language` yet: the signatures take their text's language first.
    await sql`update consent_signatures set language = (
        select t.language from consent_texts t where t.id = consent_signatures.consent_text_id)`.execute(db);
    await signatureEditTrigger(db, signedNow);
  },

  async down(db: MigrationDb) {
    await signatureEditTrigger(db, signedBefore);
    await db.schema.alterTable('consent_signatures').dropColumn('language').execute();
    await db.schema.alterTable('patients').dropColumn('preferred_language').execute();
    await db.schema.alterTable('users').dropColumn('preferred_language').execute();
  },
};
