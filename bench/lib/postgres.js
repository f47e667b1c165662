// PostgreSQL connections for the benchmarks that make their own databases next to the admin URL's.
import pg from 'pg';
import { withDefaultUser } from '../../dist/storage/create-database.js';

/** Runs `work` with a client connected to `url`, closed again whatever `work` does. */
export async function withPgClient(url, work) {
  const client = new pg.Client({ connectionString: withDefaultUser(url) });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The URL of database `name` on the server (and as the user) of `adminUrl`. */
export const databaseUrl = (adminUrl, name) => {
  const url = new URL(withDefaultUser(adminUrl));
  url.pathname = `/${name}`;
  return url.toString();
};

/**
 * What generated database `name` says of itself in its comment (written last, so a generation cut
 * short has none), if `current(meta)`; a database that is out of date is dropped.
 */
export function cachedDatabaseMeta(adminUrl, name, current) {
  return withPgClient(adminUrl, async (client) => {
    const row = (
      await client.query('select shobj_description(oid, $2) as meta from pg_database where datname = $1', [
        name,
        'pg_database',
      ])
    ).rows[0];
    if (!row) return undefined;
    const meta = row.meta ? JSON.parse(row.meta) : undefined;
    if (meta && current(meta)) return meta;
    await client.query(`drop database "${name}" with (force)`);
    return undefined;
  });
}

/** Writes what `cachedDatabaseMeta` reads back. */
export function saveDatabaseMeta(adminUrl, name, meta) {
  return withPgClient(adminUrl, (c) =>
    c.query(`comment on database "${name}" is ${c.escapeLiteral(JSON.stringify(meta))}`),
  );
}
