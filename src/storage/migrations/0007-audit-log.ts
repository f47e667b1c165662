import { sql } from 'kysely';
import { type Migration } from 'kysely/migration';
import { engineOf } from '../create-database.js';
import { idColumn, indexColumns, oneOf, type MigrationDb } from './schema-helpers.js';

const appendOnly = 'audit_log is append-only';

/**
 * Who read or changed which patient data. The database itself refuses updates and deletes, so
 * a bug or a careless script in the application cannot rewrite the trail.
 */
export const auditLogMigration: Migration = {
  async up(db: MigrationDb) {
    await idColumn(db.schema.createTable('audit_log'))
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('clinic_id', 'text')
      .addColumn('user_id', 'text')
      .addColumn('role', 'text')
      .addColumn('action', 'text', oneOf('action', ['read', 'create', 'update', 'delete']))
      .addColumn('entity', 'text', (c) => c.notNull())
      .addColumn('entity_id', 'text')
      .addColumn('patient_id', 'text')
      .addColumn('route', 'text')
      .execute();
    await indexColumns(db, 'audit_log', ['at', 'clinic_id', 'user_id', 'patient_id']);

    if (engineOf(db) === 'postgres') {
      await sql`create function audit_log_append_only() returns trigger language plpgsql as $$
        begin raise exception '${sql.raw(appendOnly)}'; end $$`.execute(db);
      await sql`create trigger audit_log_no_change before update or delete on audit_log
        for each row execute function audit_log_append_only()`.execute(db);
      await sql`create trigger audit_log_no_truncate before truncate on audit_log
        for each statement execute function audit_log_append_only()`.execute(db);
    } else {
      for (const event of ['update', 'delete'])
        await sql`create trigger ${sql.raw(`audit_log_no_${event}`)} before ${sql.raw(event)} on audit_log
          begin select raise(abort, '${sql.raw(appendOnly)}'); end`.execute(db);
    }
  },

  async down(db: MigrationDb) {
    // Dropping the table drops its triggers on both engines.
    await db.schema.dropTable('audit_log').execute();
    if (engineOf(db) === 'postgres') await sql`drop function audit_log_append_only()`.execute(db);
  },
};
