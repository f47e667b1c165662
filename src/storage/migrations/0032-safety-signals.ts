import { sql } from 'kysely';
import type { Migration } from 'kysely/migration';
import { addOutboxKinds, removeOutboxKinds } from './outbox-kinds.js';
import { idColumn, index, indexColumns, oneOf, type MigrationDb } from './schema-helpers.js';

// Listed here, not imported: a migration describes the schema as it was made, whatever the code becomes.
const kinds = ['rate', 'infection_cluster'];
const unitTypes = ['lot', 'product', 'practitioner', 'clinic', 'session_day'];
const statuses = ['open', 'acknowledged', 'closed'];

/**
 * Safety signals (issue 21, docs/safety-signals.md): a rise in side-effect reports on a lot,
 * product, practitioner or week beyond chance, or two late lumps on one lot or session day.
 *
 * - `safety_signals`: one row per signal, as detection found it when it was raised. `signal_key`
 *   is detection's key (kind, unit and window): unique per clinic, so a signal found again by a
 *   later run, or by two runs at once, is stored - and e-mailed - once. Its status goes from open
 *   to acknowledged (someone is on it) to closed, each step with who, when and their note;
 * - `safety_signal_patients`: the patients to contact, every one treated with the unit in the
 *   signal's scope (not only those who reported);
 * - `safety_signal_lots`: the lots to quarantine;
 * - the outbox carries `safety_signal` messages to the clinic's admins.
 */
export const safetySignalsMigration: Migration = {
  async up(db: MigrationDb) {
    await idColumn(db.schema.createTable('safety_signals'))
      .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id').onDelete('cascade'))
      .addColumn('signal_key', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', oneOf('kind', kinds))
      .addColumn('unit_type', 'text', oneOf('unit_type', unitTypes))
      // A lot, product or user id (no foreign key: which table depends on unit_type); null for the clinic or a day.
      .addColumn('unit_id', 'text')
      .addColumn('unit_label', 'text', (c) => c.notNull())
      .addColumn('window_from', 'text', (c) => c.notNull())
      .addColumn('window_to', 'text', (c) => c.notNull())
      .addColumn('window_week', 'text')
      .addColumn('exposure', 'integer', (c) => c.notNull().check(sql`exposure >= 0`))
      .addColumn('observed', 'integer', (c) => c.notNull().check(sql`observed >= 0`))
      .addColumn('expected', 'double precision', (c) => c.check(sql`expected >= 0`))
      .addColumn('p_value', 'double precision', (c) => c.check(sql`p_value >= 0 and p_value <= 1`))
      .addColumn('threshold', 'double precision')
      .addColumn('report_ids', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => oneOf('status', statuses)(c).defaultTo('open'))
      .addColumn('raised_at', 'text', (c) => c.notNull())
      .addColumn('acknowledged_at', 'text')
      .addColumn('acknowledged_by', 'text', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('closed_at', 'text')
      .addColumn('closed_by', 'text', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('acknowledged_note', 'text')
      .addColumn('closed_note', 'text')
      .addUniqueConstraint('safety_signals_clinic_key_unique', ['clinic_id', 'signal_key'])
      .execute();
    await indexColumns(db, 'safety_signals', ['acknowledged_by', 'closed_by']);
    // The open-signals count and list, per clinic, newest first.
    await index(db, 'safety_signals_clinic_status_idx', 'safety_signals', [
      'clinic_id',
      'status',
      'raised_at',
    ]).execute();

    // The patients and lots a signal names, gone with either side.
    for (const [table, column, target] of [
      ['safety_signal_patients', 'patient_id', 'patients'],
      ['safety_signal_lots', 'lot_id', 'lots'],
    ] as const) {
      await db.schema
        .createTable(table)
        .addColumn('signal_id', 'text', (c) => c.notNull().references('safety_signals.id').onDelete('cascade'))
        .addColumn(column, 'text', (c) => c.notNull().references(`${target}.id`).onDelete('cascade'))
        .addPrimaryKeyConstraint(`${table}_pk`, ['signal_id', column])
        .execute();
      await indexColumns(db, table, [column]);
    }

    await addOutboxKinds(db, ['safety_signal']);
  },

  async down(db: MigrationDb) {
    await removeOutboxKinds(db, ['safety_signal']);
    for (const table of ['safety_signal_lots', 'safety_signal_patients', 'safety_signals'])
      await db.schema.dropTable(table).execute();
  },
};
