import { randomBytes } from 'node:crypto';
import type { Db } from './create-database.js';

/**
 * The secret kept under `name` in the database, made (256 random bits, hex) by the first process
 * that asks. Processes asking at once all end with the one that was stored first: the insert of
 * every later one does nothing, and each reads back what is there.
 */
export async function sharedSecret(db: Db, name: string, now: () => Date = () => new Date()): Promise<string> {
  await db
    .insertInto('server_secrets')
    .values({ name, value: randomBytes(32).toString('hex'), created_at: now().toISOString() })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const row = await db.selectFrom('server_secrets').select('value').where('name', '=', name).executeTakeFirstOrThrow();
  return row.value;
}
