import type { Migration } from 'kysely/migration';
import { idColumn, type MigrationDb } from './schema-helpers.js';

/**
 * Calendar subscriptions: calendar apps poll a feed address and cannot sign in, so the address
 * carries a secret token. Only its SHA-256 is stored; one feed per user (a new one replaces it).
 */
export const calendarFeedsMigration: Migration = {
  async up(db: MigrationDb) {
    await idColumn(db.schema.createTable('calendar_feeds'))
      .addColumn('user_id', 'text', (c) => c.notNull().unique().references('users.id').onDelete('cascade'))
      .addColumn('token_hash', 'text', (c) => c.notNull().unique())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
  },
  async down(db: MigrationDb) {
    await db.schema.dropTable('calendar_feeds').execute();
  },
};
