import { resolve } from 'node:path';
import { backupDatabase, BackupError, defaultBackupPath } from '../../storage/backup-database.js';
import { databaseConfigFromEnv, DatabaseConfigError, describeDatabase, resolveDataDir, type Env } from '../../storage/database-config.js';
import { EXIT, type CliIo } from '../cli-io.js';

/**
 * `mesodesk backup [--out FILE]`: a consistent copy of the clinic database (the server may keep
 * running). Reads DATABASE_URL and MESODESK_DATA_DIR like the server; SQLite backups are database
 * files, PostgreSQL ones pg_dump archives (restore with pg_restore).
 */
export async function backupCommand(opts: { out?: string }, io: CliIo, env: Env = process.env): Promise<number> {
  try {
    const config = databaseConfigFromEnv(env);
    const destination = opts.out ? resolve(opts.out) : defaultBackupPath(config, resolveDataDir(env));
    await backupDatabase(config, destination);
    io.out(`Backed up ${describeDatabase(config)} to ${destination}`);
    return EXIT.ok;
  } catch (error) {
    if (error instanceof BackupError || error instanceof DatabaseConfigError) {
      io.err(`mesodesk backup: ${error.message}`);
      return EXIT.failed;
    }
    throw error;
  }
}
