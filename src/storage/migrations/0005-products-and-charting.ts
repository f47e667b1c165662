import { sql } from 'kysely';
import { type Migration } from 'kysely/migration';
import { flagColumn, idColumn, indexColumns, oneOf, timestampColumns, type MigrationDb } from './schema-helpers.js';

/** The product catalogue with lots (for recalls), and what was injected where in each session. */
export const chartingMigration: Migration = {
  async up(db: MigrationDb) {
    await idColumn(db.schema.createTable('products'))
      .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('manufacturer', 'text')
      .addColumn('ingredients', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await indexColumns(db, 'products', ['clinic_id']);

    await idColumn(db.schema.createTable('lots'))
      .addColumn('product_id', 'text', (c) => c.notNull().references('products.id'))
      .addColumn('lot_number', 'text', (c) => c.notNull())
      .addColumn('expiry_date', 'text', (c) => c.notNull())
      .addColumn('recalled', 'integer', flagColumn('recalled', 0))
      .addColumn('recalled_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('lots_product_lot_number_unique', ['product_id', 'lot_number'])
      .execute();

    await timestampColumns(
      idColumn(db.schema.createTable('chart_entries'))
        // One chart per session.
        .addColumn('session_id', 'text', (c) => c.notNull().unique().references('treatment_sessions.id'))
        .addColumn('anaesthesia_used', 'integer', flagColumn('anaesthesia_used', 0))
        .addColumn('anaesthesia_agent', 'text')
        .addColumn('notes', 'text')
        .addColumn('created_by', 'text', (c) => c.references('users.id')),
    ).execute();
    await indexColumns(db, 'chart_entries', ['created_by']);

    await idColumn(db.schema.createTable('injection_points'))
      .addColumn('chart_entry_id', 'text', (c) => c.notNull().references('chart_entries.id').onDelete('cascade'))
      .addColumn('area', 'text', (c) => c.notNull())
      .addColumn('x', 'double precision', (c) => c.notNull())
      .addColumn('y', 'double precision', (c) => c.notNull())
      .addColumn('product_id', 'text', (c) => c.references('products.id'))
      .addColumn('lot_id', 'text', (c) => c.references('lots.id'))
      .addColumn('volume_ml', 'double precision', (c) => c.check(sql`volume_ml >= 0`))
      .addColumn('depth_mm', 'double precision', (c) => c.check(sql`depth_mm >= 0`))
      .addColumn('technique', 'text', oneOf('technique', ['manual', 'gun', 'needle_free']))
      .execute();
    await indexColumns(db, 'injection_points', ['chart_entry_id', 'product_id', 'lot_id']);
  },

  async down(db: MigrationDb) {
    for (const table of ['injection_points', 'chart_entries', 'lots', 'products'])
      await db.schema.dropTable(table).execute();
  },
};
