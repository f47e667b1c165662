import { resolve } from 'node:path';
import {
  databaseConfigFromEnv,
  DatabaseConfigError,
  describeDatabase,
  resolveDataDir,
  type Env,
} from '../../storage/database-config.js';
import { restoreDatabase, restoreImageArchive, RestoreError } from '../../storage/restore-database.js';
import { errorLine } from '../cli-errors.js';
import { EXIT, failedWith, type CliIo } from '../cli-io.js';

const photos = (n: number) => `${n} photo${n === 1 ? '' : 's'}`;

/**
 * `mesodesk restore FILE`: replaces the SQLite clinic database with a backup (server stopped), and
 * puts back the photos it carries. `--images-only`: only the photos, e.g. from the `.images.sqlite`
 * file beside a PostgreSQL dump (whose database pg_restore brings back). Either checks the backup
 * against its manifest first and refuses a damaged one; one without a manifest (older) gets a warning.
 */
export async function restoreCommand(
  file: string,
  io: CliIo,
  env: Env = process.env,
  opts: { imagesOnly?: boolean } = {},
): Promise<number> {
  try {
    const dataDir = resolveDataDir(env);
    const warn = (warnings: readonly string[]) => {
      for (const warning of warnings) io.err(errorLine(`warning: ${warning}`));
    };
    if (opts.imagesOnly) {
      const { images, warnings } = restoreImageArchive(resolve(file), dataDir);
      warn(warnings);
      io.out(`Restored ${photos(images)} from ${resolve(file)} into ${dataDir}`);
      return EXIT.ok;
    }
    const config = databaseConfigFromEnv(env);
    const { keptPrevious, images, warnings } = restoreDatabase(config, resolve(file), { dataDir });
    warn(warnings);
    io.out(
      `Restored ${describeDatabase(config)} and ${photos(images)} from ${resolve(file)}${keptPrevious ? `; the previous database is kept at ${keptPrevious}` : ''}`,
    );
    return EXIT.ok;
  } catch (error) {
    return failedWith(io, error, [RestoreError, DatabaseConfigError]);
  }
}
