import type { Migration } from 'kysely/migration';
import type { MigrationDb } from './schema-helpers.js';

/**
 * The knowledge-base version each session was last re-screened with (null: never), so that a new
 * version re-screens exactly the sessions it has not seen yet.
 */
export const screeningVersionMigration: Migration = {
  async up(db: MigrationDb) {
    await db.schema.alterTable('treatment_sessions').addColumn('screened_kb_version', 'text').execute();
  },

  async down(db: MigrationDb) {
    await db.schema.alterTable('treatment_sessions').dropColumn('screened_kb_version').execute();
  },
};
