import { join } from 'node:path';
import { createDatabase, type Db } from '../../../src/storage/create-database.js';
import { sqliteFileName } from '../../../src/storage/database-config.js';
import type { ServerStore } from './server-process.js';

/** Opens the server's database directly (beside a running server too: SQLite is in WAL mode), runs `fn`, closes it. */
export async function withStoreDb<T>(store: ServerStore, fn: (db: Db) => Promise<T>): Promise<T> {
  const db = createDatabase(
    store.databaseUrl
      ? { engine: 'postgres', url: store.databaseUrl }
      : { engine: 'sqlite', file: join(store.dataDir, sqliteFileName) },
  );
  try {
    return await fn(db);
  } finally {
    await db.destroy();
  }
}
