import { sql } from 'kysely';
import type { Migration } from 'kysely/migration';
import { engineOf } from '../create-database.js';
import { authorColumns, flagColumn, idColumn, indexColumns, requiredText, type MigrationDb } from './schema-helpers.js';

const chartsNeverEdited = 'a chart is never changed: add an addendum';
const addendaNeverChanged = 'chart addenda are never changed or deleted';
const overridesNeverChanged = 'treatment overrides are never changed or deleted';

/** Triggers by table: the events they refuse and the message. */
const guards = [
  { table: 'chart_entries', events: ['update'], message: chartsNeverEdited },
  { table: 'injection_points', events: ['update'], message: chartsNeverEdited },
  { table: 'chart_addenda', events: ['update', 'delete'], message: addendaNeverChanged },
  { table: 'treatment_overrides', events: ['update', 'delete'], message: overridesNeverChanged },
] as const;

/**
 * The treatment gate at the point of care (issue 15): a chart records the screening it was given
 * under (verdict, knowledge-base version, session date) and whether the clinician confirmed values
 * outside the plan; a clinician who treats despite a temporary reason leaves an override with their
 * reason (one row per override, whether given while charting or when marking a session done); and a
 * chart, once written, is corrected only by addenda. Charts, addenda and overrides are refused
 * changes by the database itself, as consent records are (0010).
 */
export const treatmentGateMigration: Migration = {
  async up(db: MigrationDb) {
    await db.schema
      .alterTable('chart_entries')
      .addColumn('outside_plan_confirmed', 'integer', flagColumn('outside_plan_confirmed', 0))
      .execute();
    // Nullable: charts from before the gate were not screened when written.
    for (const column of ['screening_verdict', 'screening_kb_version', 'screening_date'])
      await db.schema.alterTable('chart_entries').addColumn(column, 'text').execute();

    await idColumn(db.schema.createTable('treatment_overrides'))
      .addColumn('session_id', 'text', (c) => c.notNull().references('treatment_sessions.id'))
      // Null when the session was marked done without a chart.
      .addColumn('chart_entry_id', 'text', (c) => c.references('chart_entries.id'))
      // reason_codes: a JSON list of the reason codes overridden.
      .$call(requiredText('reason', 'verdict', 'reason_codes'))
      .$call(authorColumns)
      .execute();
    await indexColumns(db, 'treatment_overrides', ['session_id', 'chart_entry_id', 'created_by']);

    await idColumn(db.schema.createTable('chart_addenda'))
      .addColumn('chart_entry_id', 'text', (c) => c.notNull().references('chart_entries.id'))
      .addColumn('text', 'text', (c) => c.notNull())
      .$call(authorColumns)
      .execute();
    await indexColumns(db, 'chart_addenda', ['chart_entry_id', 'created_by']);

    if (engineOf(db) === 'postgres') {
      await sql`create function chart_record_immutable() returns trigger language plpgsql as $$
        begin raise exception '%', tg_argv[0]; end $$`.execute(db);
      for (const { table, events, message } of guards)
        await sql`create trigger ${sql.raw(`${table}_no_change`)} before ${sql.raw(events.join(' or '))} on ${sql.table(table)} for each row
          execute function chart_record_immutable(${sql.lit(message)})`.execute(db);
    } else {
      for (const { table, events, message } of guards)
        for (const event of events)
          await sql`create trigger ${sql.raw(`${table}_no_${event}`)} before ${sql.raw(event)} on ${sql.table(table)}
            begin select raise(abort, ${sql.lit(message)}); end`.execute(db);
    }
  },

  async down(db: MigrationDb) {
    if (engineOf(db) === 'postgres') {
      for (const { table } of guards)
        await sql`drop trigger ${sql.raw(`${table}_no_change`)} on ${sql.table(table)}`.execute(db);
      await sql`drop function chart_record_immutable()`.execute(db);
    } else {
      for (const { table, events } of guards)
        for (const event of events) await sql`drop trigger ${sql.raw(`${table}_no_${event}`)}`.execute(db);
    }
    await db.schema.dropTable('chart_addenda').execute();
    await db.schema.dropTable('treatment_overrides').execute();
    for (const column of ['screening_date', 'screening_kb_version', 'screening_verdict', 'outside_plan_confirmed'])
      await db.schema.alterTable('chart_entries').dropColumn(column).execute();
  },
};
