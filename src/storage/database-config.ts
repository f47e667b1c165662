import { isAbsolute, join, resolve } from 'node:path';

/** Where the data lives: one SQLite file by default, or a PostgreSQL server. */
export type DatabaseConfig =
  | { engine: 'sqlite'; file: string }
  /** `preparedStatements: false` runs every query unnamed (for a pooler that cannot keep prepared statements). */
  | { engine: 'postgres'; url: string; preparedStatements?: boolean };

export type Env = Readonly<Record<string, string | undefined>>;

export class DatabaseConfigError extends Error {
  override name = 'DatabaseConfigError';
}

export const sqliteFileName = 'mesodesk.sqlite';

/** `MESODESK_DATA_DIR`, or `./data`, as an absolute path. */
export function resolveDataDir(env: Env, cwd: string = process.cwd()): string {
  const dir = env.MESODESK_DATA_DIR?.trim() || 'data';
  return isAbsolute(dir) ? dir : resolve(cwd, dir);
}

/** PostgreSQL when `DATABASE_URL` is a postgres:// URL, otherwise the embedded SQLite file in the data folder. */
export function databaseConfigFromEnv(env: Env, cwd: string = process.cwd()): DatabaseConfig {
  const url = env.DATABASE_URL?.trim();
  if (url) {
    if (/^postgres(ql)?:\/\//i.test(url)) return { engine: 'postgres', url, ...preparedStatementsFromEnv(env) };
    // Refusing beats silently writing patient data somewhere the operator did not mean.
    throw new DatabaseConfigError(
      'DATABASE_URL must start with postgres:// or postgresql:// (leave it unset for the embedded SQLite database)',
    );
  }
  return { engine: 'sqlite', file: join(resolveDataDir(env, cwd), sqliteFileName) };
}

/** `MESODESK_PG_PREPARED_STATEMENTS`: on unless `off` (or `false`, `0`, `no`). */
function preparedStatementsFromEnv(env: Env): { preparedStatements?: false } {
  const value = env.MESODESK_PG_PREPARED_STATEMENTS?.trim().toLowerCase();
  if (!value || ['on', 'true', '1', 'yes'].includes(value)) return {};
  if (['off', 'false', '0', 'no'].includes(value)) return { preparedStatements: false };
  throw new DatabaseConfigError(
    `MESODESK_PG_PREPARED_STATEMENTS must be on or off (got "${env.MESODESK_PG_PREPARED_STATEMENTS}")`,
  );
}

/** The URL with any password hidden, for logs. */
export function describeDatabase(config: DatabaseConfig): string {
  if (config.engine === 'sqlite') return `SQLite at ${config.file}`;
  try {
    const u = new URL(config.url);
    if (u.password) u.password = '***';
    return `PostgreSQL at ${u.toString()}`;
  } catch {
    return 'PostgreSQL';
  }
}
