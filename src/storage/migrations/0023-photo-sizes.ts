import { sql } from 'kysely';
import type { Migration } from 'kysely/migration';
import { indexColumns, type MigrationDb } from './schema-helpers.js';

/**
 * Photo quotas (issue 23): every stored image keeps its size in bytes, so that what a patient and a
 * clinic store can be summed in the transaction that adds more; and a side-effect photo keeps who
 * uploaded it, who alone may delete it. Sizes of images stored before are read from disk when the
 * server starts (storage/image-sizes.ts): a migration does not see the data folder.
 */
export const photoSizesMigration: Migration = {
  async up(db: MigrationDb) {
    for (const table of ['photos', 'side_effect_photos'])
      await db.schema
        .alterTable(table)
        .addColumn('bytes', 'integer', (c) => c.check(sql`bytes >= 0`))
        .execute();
    // Nullable: photos from before this migration do not say who uploaded them.
    await db.schema
      .alterTable('side_effect_photos')
      .addColumn('created_by', 'text', (c) => c.references('users.id'))
      .execute();
    await indexColumns(db, 'side_effect_photos', ['created_by']);
  },

  async down(db: MigrationDb) {
    await db.schema.dropIndex('side_effect_photos_created_by_idx').execute();
    await db.schema.alterTable('side_effect_photos').dropColumn('created_by').execute();
    for (const table of ['side_effect_photos', 'photos'])
      await db.schema.alterTable(table).dropColumn('bytes').execute();
  },
};
