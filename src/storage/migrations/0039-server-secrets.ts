import type { Migration } from 'kysely/migration';
import type { MigrationDb } from './schema-helpers.js';

/**
 * Secrets every server process on one database must share (the key that signs CSRF tokens): made
 * once by whichever process starts first, so that a token one process issued is accepted by the
 * others without a setting of its own.
 */
export const serverSecretsMigration: Migration = {
  async up(db: MigrationDb) {
    await db.schema
      .createTable('server_secrets')
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('value', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
  },
  async down(db: MigrationDb) {
    await db.schema.dropTable('server_secrets').execute();
  },
};
