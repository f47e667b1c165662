import { sql } from 'kysely';
import type { Migration } from 'kysely/migration';
import { addReference, dropReference, type MigrationDb } from './schema-helpers.js';

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
    await addReference(db, 'side_effect_photos', 'created_by', 'users');
  },

  async down(db: MigrationDb) {
    await dropReference(db, 'side_effect_photos', 'created_by');
    for (const table of ['side_effect_photos', 'photos'])
      await db.schema.alterTable(table).dropColumn('bytes').execute();
  },
};
