import { stat } from 'node:fs/promises';
import type { Db } from './create-database.js';
import { imageFile } from './image-files.js';

const imageTables = ['photos', 'side_effect_photos'] as const;

async function sizeOnDisk(dataDir: string, relativePath: string): Promise<number | undefined> {
  try {
    return (await stat(imageFile(dataDir, relativePath))).size;
  } catch {
    // Missing (or a path outside the photos folder): left unknown, to be read again at the next start.
    return undefined;
  }
}

/**
 * Gives images stored before their sizes were kept (migration 0023, or restored from an older
 * backup) the size of their file, so that the photo quotas count them; how many it sized. Run at
 * start-up, after migrating: once every size is known it only asks the database for none.
 */
export async function recordImageSizes(db: Db, dataDir: string): Promise<number> {
  let sized = 0;
  for (const table of imageTables) {
    const rows = await db.selectFrom(table).select(['id', 'file_path']).where('bytes', 'is', null).execute();
    for (const row of rows) {
      const bytes = await sizeOnDisk(dataDir, row.file_path);
      if (bytes === undefined) continue;
      await db.updateTable(table).set({ bytes }).where('id', '=', row.id).where('bytes', 'is', null).execute();
      sized += 1;
    }
  }
  return sized;
}
