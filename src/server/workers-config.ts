import type { DatabaseConfig, Env } from '../storage/database-config.js';
import { ServerConfigError } from './server-config.js';

/** More would exhaust PostgreSQL's default 100 connections long before it helped (10 per process). */
export const maxWorkers = 32;

/**
 * MESODESK_WORKERS: how many server processes share the port (Node's cluster module); 1 (the default)
 * runs the server in this process. Several need PostgreSQL: a SQLite file has one writer at a time,
 * and one server process holds its data folder (data-dir-lock.ts).
 */
export function workersFromEnv(env: Env, database: DatabaseConfig): number {
  const value = env.MESODESK_WORKERS?.trim();
  if (value === undefined || value === '') return 1;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1 || n > maxWorkers)
    throw new ServerConfigError(`MESODESK_WORKERS must be a whole number from 1 to ${maxWorkers}, not "${value}"`);
  if (n > 1 && database.engine === 'sqlite')
    throw new ServerConfigError(
      `MESODESK_WORKERS=${n} needs PostgreSQL (set DATABASE_URL): SQLite writes one transaction at a time and one server process holds its data folder, so more processes would only wait for each other; unset MESODESK_WORKERS or set it to 1`,
    );
  return n;
}
