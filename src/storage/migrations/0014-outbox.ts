import type { Migration } from 'kysely/migration';
import { outboxIndexes, outboxTable } from './outbox-table.js';
import type { MigrationDb } from './schema-helpers.js';

const kinds = ['booking_confirmation', 'preparation_reminder', 'day_before_reminder', 'aftercare', 'check_in'];

/**
 * The outbox: messages to patients are written with the booking that needs them (so they commit
 * or roll back with it) and sent later by a worker that claims due rows, retries failures and takes
 * over claims whose lock expired.
 */
export const outboxMigration: Migration = {
  async up(db: MigrationDb) {
    await outboxTable(db.schema.createTable('outbox_messages'), kinds, true).execute();
    await outboxIndexes(db);
  },

  async down(db: MigrationDb) {
    await db.schema.dropTable('outbox_messages').execute();
  },
};
