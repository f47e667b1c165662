import { sql } from 'kysely';
import { type Migration } from 'kysely/migration';
import { engineOf } from '../create-database.js';
import type { MigrationDb } from './schema-helpers.js';

const textsNeverEdited = 'consent texts are never edited or deleted: publish a new version';
const signaturesNeverChanged = 'consent signatures are never changed or deleted';

/**
 * The triggers that keep a published consent text as it is: only its `active` flag may change, and
 * it is never deleted. 0028 replaces them, and puts these back on its way down. The SQL keeps the
 * indentation 0010 first wrote it with: SQLite stores a trigger's text as written.
 */
export async function publishedTextTriggers(db: MigrationDb): Promise<void> {
  if (engineOf(db) === 'postgres') {
    await sql`create trigger consent_texts_no_edit before update on consent_texts for each row
        when (old.clinic_id is distinct from new.clinic_id or old.procedure is distinct from new.procedure
          or old.version is distinct from new.version or old.text is distinct from new.text
          or old.created_at is distinct from new.created_at)
        execute function consent_record_immutable(${sql.lit(textsNeverEdited)})`.execute(db);
    await sql`create trigger consent_texts_no_delete before delete on consent_texts for each row
        execute function consent_record_immutable(${sql.lit(textsNeverEdited)})`.execute(db);
  } else {
    await sql`create trigger consent_texts_no_edit before update on consent_texts
        when old.clinic_id is not new.clinic_id or old.procedure is not new.procedure
          or old.version is not new.version or old.text is not new.text or old.created_at is not new.created_at
        begin select raise(abort, ${sql.lit(textsNeverEdited)}); end`.execute(db);
    await sql`create trigger consent_texts_no_delete before delete on consent_texts
        begin select raise(abort, ${sql.lit(textsNeverEdited)}); end`.execute(db);
  }
}

/**
 * Charting relies on "the patient signed exactly this text": so a published consent text may only
 * be switched on or off (its `active` flag), never reworded or removed, and a signature never
 * changes. The database refuses it, as it does for the audit log, so no bug or script can
 * rewrite what a patient agreed to.
 */
export const chartingRulesMigration: Migration = {
  async up(db: MigrationDb) {
    const postgres = engineOf(db) === 'postgres';
    if (postgres) {
      await sql`create function consent_record_immutable() returns trigger language plpgsql as $$
        begin raise exception '%', tg_argv[0]; end $$`.execute(db);
    }
    await publishedTextTriggers(db);
    if (postgres) {
      await sql`create trigger consent_signatures_no_change before update or delete on consent_signatures for each row
        execute function consent_record_immutable(${sql.lit(signaturesNeverChanged)})`.execute(db);
    } else {
      for (const event of ['update', 'delete'])
        await sql`create trigger ${sql.raw(`consent_signatures_no_${event}`)} before ${sql.raw(event)} on consent_signatures
          begin select raise(abort, ${sql.lit(signaturesNeverChanged)}); end`.execute(db);
    }
  },

  async down(db: MigrationDb) {
    if (engineOf(db) === 'postgres') {
      await sql`drop trigger consent_signatures_no_change on consent_signatures`.execute(db);
      await sql`drop trigger consent_texts_no_delete on consent_texts`.execute(db);
      await sql`drop trigger consent_texts_no_edit on consent_texts`.execute(db);
      await sql`drop function consent_record_immutable()`.execute(db);
    } else {
      for (const trigger of [
        'consent_signatures_no_delete',
        'consent_signatures_no_update',
        'consent_texts_no_delete',
        'consent_texts_no_edit',
      ])
        await sql`drop trigger ${sql.raw(trigger)}`.execute(db);
    }
  },
};
