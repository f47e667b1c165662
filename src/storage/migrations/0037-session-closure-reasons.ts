import type { Migration } from 'kysely/migration';
import { indexColumns, oneOf, ownedTable, type MigrationDb } from './schema-helpers.js';

/**
 * Why a session was cancelled or marked a no-show, who said so and when (issue 19's calendar): one
 * row per session, since a session closes once. The status is repeated so the reason reads on its own.
 */
export const sessionClosureReasonsMigration: Migration = {
  async up(db: MigrationDb) {
    await ownedTable(db, 'session_closure_reasons', 'session_id', 'treatment_sessions')
      .addColumn('status', 'text', oneOf('status', ['cancelled', 'no_show']))
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('recorded_by', 'text', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('recorded_at', 'text', (c) => c.notNull())
      .execute();
    await indexColumns(db, 'session_closure_reasons', ['recorded_by']);
  },
  async down(db: MigrationDb) {
    await db.schema.dropTable('session_closure_reasons').execute();
  },
};
