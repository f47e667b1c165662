import { sql } from 'kysely';
import { createDatabase, engineOf, withDefaultUser, type Db } from '../../../storage/create-database.js';
import { defaultTestPostgresUrl } from '../../../test-support/test-databases.js';

/**
 * Another connection (pool) to the same database, as a second server would open: its worker
 * competes for rows through the database itself, not through this process.
 */
export async function secondConnection(db: Db): Promise<Db> {
  if (engineOf(db) === 'postgres') {
    const { rows } = await sql<{ name: string }>`select current_database() as name`.execute(db);
    const url = new URL(withDefaultUser(process.env.TEST_POSTGRES_URL || defaultTestPostgresUrl));
    url.pathname = `/${rows[0]?.name ?? ''}`;
    return createDatabase({ engine: 'postgres', url: url.toString() });
  }
  const { rows } = await sql<{ file: string }>`select file from pragma_database_list where name = 'main'`.execute(db);
  return createDatabase({ engine: 'sqlite', file: rows[0]?.file ?? ':memory:' });
}
