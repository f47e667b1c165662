import { sql } from 'kysely';
import type { Migration } from 'kysely/migration';
import { idColumn, indexColumns, type MigrationDb } from './schema-helpers.js';

/**
 * What lots held before stock was kept: 100 ml received and still there, so that charting goes on
 * after the upgrade until the clinic counts its stock (a count sets the real figure).
 */
const formerLotMicrolitres = 100_000;
/** A product is low on stock at 10 ml or less, unless the clinic sets its own threshold. */
const defaultLowStockMicrolitres = 10_000;

const notNegative = (column: string) => sql`${sql.ref(column)} >= 0`;

/**
 * Stock (issue 20): a lot records what was received, what remains, from whom and how it is kept;
 * charting draws the volume injected from what remains, which can never go below zero (the CHECK
 * holds even against a write that skips the service). Quantities are whole microlitres, so that
 * drawing 0.1 ml ten times empties a lot of 1 ml exactly, on both engines. A product has its own
 * low-stock threshold, and a stock count keeps what was counted against what was expected.
 */
export const stockMigration: Migration = {
  async up(db: MigrationDb) {
    await db.schema
      .alterTable('lots')
      .addColumn('received_ul', 'integer', (c) =>
        c.notNull().defaultTo(formerLotMicrolitres).check(notNegative('received_ul')),
      )
      .execute();
    await db.schema
      .alterTable('lots')
      .addColumn('remaining_ul', 'integer', (c) =>
        c.notNull().defaultTo(formerLotMicrolitres).check(notNegative('remaining_ul')),
      )
      .execute();
    await db.schema.alterTable('lots').addColumn('supplier', 'text').execute();
    await db.schema.alterTable('lots').addColumn('storage_note', 'text').execute();
    await db.schema
      .alterTable('products')
      .addColumn('low_stock_ul', 'integer', (c) =>
        c.notNull().defaultTo(defaultLowStockMicrolitres).check(notNegative('low_stock_ul')),
      )
      .execute();

    await idColumn(db.schema.createTable('stock_counts'))
      .addColumn('lot_id', 'text', (c) => c.notNull().references('lots.id'))
      .addColumn('counted_ul', 'integer', (c) => c.notNull().check(notNegative('counted_ul')))
      // What the lot held by the records when it was counted; the difference is counted - expected.
      .addColumn('expected_ul', 'integer', (c) => c.notNull())
      .addColumn('note', 'text')
      .addColumn('counted_by', 'text', (c) => c.references('users.id'))
      .addColumn('counted_at', 'text', (c) => c.notNull())
      .execute();
    await indexColumns(db, 'stock_counts', ['lot_id', 'counted_by']);
  },

  async down(db: MigrationDb) {
    await db.schema.dropTable('stock_counts').execute();
    await db.schema.alterTable('products').dropColumn('low_stock_ul').execute();
    for (const column of ['storage_note', 'supplier', 'remaining_ul', 'received_ul'])
      await db.schema.alterTable('lots').dropColumn(column).execute();
  },
};
