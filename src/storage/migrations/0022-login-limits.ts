import { sql } from 'kysely';
import type { Migration } from 'kysely/migration';
import { oneOf, type MigrationDb } from './schema-helpers.js';

/**
 * Sign-in limits that hold across server processes: one row per account (email) and per client
 * address counting recent failed tries, with the time of the last one (later tries wait longer)
 * and, for accounts, a lockout. The audit log learns why a request was refused and where it came
 * from, so failed sign-ins and lockouts can be told apart and traced.
 */
export const loginLimitsMigration: Migration = {
  async up(db: MigrationDb) {
    await db.schema
      .createTable('login_throttles')
      .addColumn('scope', 'text', oneOf('scope', ['account', 'address']))
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('failures', 'integer', (c) => c.notNull().check(sql`failures >= 0`))
      .addColumn('last_try_at', 'text', (c) => c.notNull())
      .addColumn('previous_try_at', 'text')
      .addColumn('locked_until', 'text')
      .addPrimaryKeyConstraint('login_throttles_pk', ['scope', 'key'])
      .execute();
    // Old rows are pruned by the time of their last try.
    await db.schema
      .createIndex('login_throttles_last_try_at_idx')
      .on('login_throttles')
      .column('last_try_at')
      .execute();

    await db.schema.alterTable('audit_log').addColumn('reason', 'text').execute();
    await db.schema.alterTable('audit_log').addColumn('client_address', 'text').execute();
  },
  async down(db: MigrationDb) {
    await db.schema.alterTable('audit_log').dropColumn('client_address').execute();
    await db.schema.alterTable('audit_log').dropColumn('reason').execute();
    await db.schema.dropTable('login_throttles').execute();
  },
};
