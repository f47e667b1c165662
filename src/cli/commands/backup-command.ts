import { resolve } from 'node:path';
import { backupDatabase, BackupError, defaultBackupPath } from '../../storage/backup-database.js';
import {
  databaseConfigFromEnv,
  DatabaseConfigError,
  describeDatabase,
  resolveDataDir,
  type Env,
} from '../../storage/database-config.js';
import { describeError, errorLine } from '../cli-errors.js';
import { EXIT, type CliIo } from '../cli-io.js';

/**
 * `mesodesk backup [--out FILE]`: a consistent copy of the clinic database (the server may keep
 * running). Reads DATABASE_URL and MESODESK_DATA_DIR like the server; SQLite backups are database
 * files, PostgreSQL ones pg_dump archives (restore with pg_restore). The photos the records refer
 * to go inside a SQLite backup, or into `<file>.images.sqlite` beside a PostgreSQL one, with a
 * manifest of what the backup holds (storage/backup-manifest.ts) that `mesodesk restore` checks.
 */
export async function backupCommand(opts: { out?: string }, io: CliIo, env: Env = process.env): Promise<number> {
  let destination: string | undefined;
  try {
    const config = databaseConfigFromEnv(env);
    const dataDir = resolveDataDir(env);
    destination = opts.out ? resolve(opts.out) : defaultBackupPath(config, dataDir);
    const { images } = await backupDatabase(config, destination, { dataDir });
    io.out(`Backed up ${describeDatabase(config)} to ${destination}`);
    if (images) {
      const where =
        images.archive === destination
          ? 'in the backup'
          : `to ${images.archive} (restore them with mesodesk restore --images-only)`;
      if (images.copied > 0) io.out(`Copied ${images.copied} photo${images.copied === 1 ? '' : 's'} ${where}`);
      else
        io.out(
          images.archive === destination
            ? 'No photos to copy'
            : `No photos to copy; the backup's manifest is in ${images.archive}`,
        );
      // Named, not hidden: a record whose photo file was already gone cannot get it back from this backup.
      for (const path of images.missing)
        io.err(errorLine(`warning: ${path} is named by a record but its file is missing`));
    }
    return EXIT.ok;
  } catch (error) {
    if (error instanceof BackupError || error instanceof DatabaseConfigError) {
      io.err(errorLine(describeError(error)));
      return EXIT.failed;
    }
    // What the database library or the file system said, of the backup the user asked for.
    io.err(
      errorLine(`${destination ? `cannot back up to ${destination}` : 'cannot back up'}: ${describeError(error)}`),
    );
    return EXIT.failed;
  }
}
