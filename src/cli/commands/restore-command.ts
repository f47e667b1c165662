import { resolve } from 'node:path';
import { databaseConfigFromEnv, DatabaseConfigError, describeDatabase, type Env } from '../../storage/database-config.js';
import { restoreDatabase, RestoreError } from '../../storage/restore-database.js';
import { EXIT, type CliIo } from '../cli-io.js';

/** `mesodesk restore FILE`: replaces the SQLite clinic database with a backup (server stopped). */
export async function restoreCommand(file: string, io: CliIo, env: Env = process.env): Promise<number> {
  try {
    const config = databaseConfigFromEnv(env);
    const { keptPrevious } = restoreDatabase(config, resolve(file));
    io.out(`Restored ${describeDatabase(config)} from ${resolve(file)}${keptPrevious ? `; the previous database is kept at ${keptPrevious}` : ''}`);
    return EXIT.ok;
  } catch (error) {
    if (error instanceof RestoreError || error instanceof DatabaseConfigError) {
      io.err(`mesodesk restore: ${error.message}`);
      return EXIT.failed;
    }
    throw error;
  }
}
