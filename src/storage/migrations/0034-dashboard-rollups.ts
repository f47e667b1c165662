import { sql, type RawBuilder } from 'kysely';
import type { Migration } from 'kysely/migration';
import { engineOf } from '../create-database.js';
import {
  createDashboardRollupTriggers,
  dashboardRollupTables,
  dropDashboardRollupTriggers,
  recountDashboardRollups,
} from '../dashboard-rollups.js';
import type { MigrationDb } from './schema-helpers.js';

/**
 * The dashboard's counters (src/storage/dashboard-rollups.ts): the tables, counted from what is stored,
 * then kept by triggers. Keys are text and never null ('' stands for "none"), so that one primary key
 * serves both engines' upserts. SQLite keeps each table in its key's order (WITHOUT ROWID), so that a
 * window is one range of the table itself.
 */
async function createTables(db: MigrationDb, postgres: boolean): Promise<void> {
  const counter = (name: string, big = false) =>
    sql`${sql.ref(name)} ${sql.raw(big && postgres ? 'bigint' : 'integer')} not null default 0`;
  const key = (names: readonly string[]) => sql.join(names.map((n) => sql`${sql.ref(n)} text not null`));
  const table = (name: string, keys: readonly string[], counters: RawBuilder<unknown>[]) =>
    sql`create table ${sql.table(name)} (${key(keys)}, ${sql.join(counters)}, primary key (${sql.join(
      keys.map((k) => sql.ref(k)),
    )}))${sql.raw(postgres ? '' : ' without rowid')}`.execute(db);
  await table('dashboard_session_quarters', ['clinic_id', 'quarter', 'status'], [counter('sessions')]);
  await table(
    'dashboard_booked_days',
    ['clinic_id', 'day', 'practitioner_id', 'room_id'],
    [counter('sessions'), counter('minutes', true), counter('untimed')],
  );
  await table(
    'dashboard_booked_months',
    ['clinic_id', 'month', 'practitioner_id', 'room_id'],
    [counter('sessions'), counter('minutes', true), counter('untimed')],
  );
  await table('dashboard_course_quarters', ['clinic_id', 'quarter'], [counter('completed')]);
  await table('dashboard_report_days', ['clinic_id', 'day', 'level'], [counter('reports'), counter('open')]);
  await table(
    'dashboard_payment_quarters',
    ['clinic_id', 'quarter', 'currency', 'method'],
    [counter('payments'), counter('amount_minor', true)],
  );
}

export const dashboardRollupsMigration: Migration = {
  async up(db: MigrationDb) {
    await createTables(db, engineOf(db) === 'postgres');
    await recountDashboardRollups(db);
    await createDashboardRollupTriggers(db);
  },
  async down(db: MigrationDb) {
    await dropDashboardRollupTriggers(db);
    for (const table of [...dashboardRollupTables].reverse()) await db.schema.dropTable(table).execute();
  },
};
