import { sql } from 'kysely';
import type { Migration } from 'kysely/migration';
import { engineOf } from '../create-database.js';
import { publishedTextTriggers } from './0010-charting-rules.js';
import { addOutboxKinds, removeOutboxKinds } from './outbox-kinds.js';
import { idColumn, indexColumns, oneOf, type MigrationDb } from './schema-helpers.js';

const roles = ['admin', 'practitioner', 'reception', 'patient'];
const textsNeverEdited = 'consent texts are never edited or deleted: publish a new version';
const signedTextKept = 'a consent text that a patient signed is never deleted';

/** The language joins what never changes; a text may go only while no signature points at it. */
async function languageAwareTextTriggers(db: MigrationDb): Promise<void> {
  if (engineOf(db) === 'postgres') {
    await sql`create trigger consent_texts_no_edit before update on consent_texts for each row
      when (old.clinic_id is distinct from new.clinic_id or old.procedure is distinct from new.procedure
        or old.language is distinct from new.language
        or old.version is distinct from new.version or old.text is distinct from new.text
        or old.created_at is distinct from new.created_at)
      execute function consent_record_immutable(${sql.lit(textsNeverEdited)})`.execute(db);
    // A trigger's WHEN cannot hold a subquery in PostgreSQL: the function looks.
    await sql`create function consent_text_unsigned() returns trigger language plpgsql as $$
      begin
        if exists (select 1 from consent_signatures where consent_text_id = old.id) then
          raise exception '%', tg_argv[0];
        end if;
        return old;
      end $$`.execute(db);
    await sql`create trigger consent_texts_no_delete before delete on consent_texts for each row
      execute function consent_text_unsigned(${sql.lit(signedTextKept)})`.execute(db);
  } else {
    await sql`create trigger consent_texts_no_edit before update on consent_texts
      when old.clinic_id is not new.clinic_id or old.procedure is not new.procedure
        or old.language is not new.language
        or old.version is not new.version or old.text is not new.text or old.created_at is not new.created_at
      begin select raise(abort, ${sql.lit(textsNeverEdited)}); end`.execute(db);
    await sql`create trigger consent_texts_no_delete before delete on consent_texts
      when exists (select 1 from consent_signatures where consent_text_id = old.id)
      begin select raise(abort, ${sql.lit(signedTextKept)}); end`.execute(db);
  }
}

async function dropTextTriggers(db: MigrationDb): Promise<void> {
  const on = engineOf(db) === 'postgres' ? sql` on consent_texts` : sql``;
  await sql`drop trigger consent_texts_no_edit${on}`.execute(db);
  await sql`drop trigger consent_texts_no_delete${on}`.execute(db);
}

/**
 * Issue 20, users and consent texts:
 *
 * - `user_invitations`: an admin invites someone by email; the link carries a one-time token of
 *   which only the SHA-256 is stored, and it expires. Accepting makes the user (`user_id`); an open
 *   invitation per email at a time. `outbox_message_id` is the emailed link, withdrawn from the
 *   outbox once the invitation is closed (not a foreign key: the outbox is rebuilt when its kinds
 *   change);
 * - the outbox carries `user_invitation` messages;
 * - consent texts have a language (`en` for those before): each procedure has a current version per
 *   language, version numbers still count per procedure. A version nobody signed may be deleted (a
 *   mistaken publication); one a patient signed, never.
 */
export const invitationsAndConsentLanguagesMigration: Migration = {
  async up(db: MigrationDb) {
    await db.schema
      .alterTable('consent_texts')
      .addColumn('language', 'text', (c) => c.notNull().defaultTo('en'))
      .execute();
    await dropTextTriggers(db);
    await languageAwareTextTriggers(db);

    await addOutboxKinds(db, ['user_invitation']);

    await idColumn(db.schema.createTable('user_invitations'))
      .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
      .addColumn('email', 'text', (c) => c.notNull())
      .addColumn('display_name', 'text', (c) => c.notNull())
      .addColumn('role', 'text', oneOf('role', roles))
      .addColumn('patient_id', 'text', (c) => c.references('patients.id').onDelete('cascade'))
      .addColumn('token_hash', 'text', (c) => c.notNull().unique())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('accepted_at', 'text')
      .addColumn('user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('revoked_at', 'text')
      .addColumn('outbox_message_id', 'text')
      .execute();
    await indexColumns(db, 'user_invitations', ['clinic_id', 'patient_id', 'created_by', 'user_id']);
    await db.schema
      .createIndex('user_invitations_open_email_unique')
      .on('user_invitations')
      .column('email')
      .unique()
      .where(sql.ref('accepted_at'), 'is', null)
      .where(sql.ref('revoked_at'), 'is', null)
      .execute();
  },

  async down(db: MigrationDb) {
    await db.schema.dropTable('user_invitations').execute();
    await removeOutboxKinds(db, ['user_invitation']);
    await dropTextTriggers(db);
    if (engineOf(db) === 'postgres') await sql`drop function consent_text_unsigned()`.execute(db);
    await publishedTextTriggers(db);
    await db.schema.alterTable('consent_texts').dropColumn('language').execute();
  },
};
