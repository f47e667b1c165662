import { join } from 'node:path';
import type { Logger } from 'pino';
import type { KnowledgeBase } from '../core/knowledge/knowledge-base.js';
import type { KnowledgeLibrary } from '../core/knowledge/knowledge-library.js';
import { formatKnowledgeProblem } from '../core/knowledge/knowledge-base.js';
import { loadKnowledgeLibrary } from '../knowledge-files/load-knowledge-library.js';
import { argon2idHasher } from '../services/accounts/password-hasher.js';
import { exclusively } from '../storage/advisory-lock.js';
import type { Db } from '../storage/create-database.js';
import { describeDatabase } from '../storage/database-config.js';
import { recordImageSizes } from '../storage/image-sizes.js';
import { migrateToLatest } from '../storage/migrate.js';
import { tightenDataFolder } from '../storage/private-files.js';
import type { AppConfig } from './app-config.js';
import { describeFirstStart, prepareFirstStart } from './first-start.js';
import type { ServerConfig } from './server-config.js';

/**
 * Makes the data folder private and loads the knowledge base in every language it has (parsed once,
 * then read from the folder's cache). A translation's faults never stop the start: they are logged,
 * and readers of that language see the English there.
 */
export function prepareFolderAndKnowledge(config: ServerConfig, logger: Logger): KnowledgeLibrary {
  // Health data: the data folder and what is in it are the server's account's only (0700 and 0600).
  const { changed, failed } = tightenDataFolder(config.dataDir);
  if (changed.length) logger.info({ paths: changed }, 'made the data folder readable by this account only');
  for (const { path, error } of failed)
    logger.warn({ path, error }, 'could not make this readable by this account only');
  // The parsed knowledge files are kept in the data folder: the next start skips parsing the YAML.
  const library = loadKnowledgeLibrary(undefined, { cacheDir: join(config.dataDir, 'cache') });
  logger.info({ version: library.base.version, languages: library.languages }, 'knowledge base loaded');
  if (library.problems.length)
    logger.warn(
      { problems: library.problems.slice(0, 20).map(formatKnowledgeProblem), count: library.problems.length },
      'some translated knowledge-base texts are shown in English until fixed (mesodesk kb lint)',
    );
  return library;
}

/**
 * Migrates, makes the first admin or the demo clinic on an empty database, and records the sizes of
 * stored images. Server processes starting at once on one PostgreSQL database take turns (an
 * advisory lock), so an empty database gets one demo clinic, not one per process.
 */
export async function prepareDatabase(
  db: Db,
  options: { config: ServerConfig; appConfig: AppConfig; knowledgeBase: KnowledgeBase; logger: Logger },
): Promise<void> {
  const { config, appConfig, knowledgeBase, logger } = options;
  await exclusively(db, 'server start', async () => {
    const ran = await migrateToLatest(db);
    logger.info(
      { database: describeDatabase(config.database), migrations: ran },
      ran.length ? 'database migrated' : 'database up to date',
    );
    const start = await prepareFirstStart(db, {
      config,
      hasher: argon2idHasher(appConfig.passwordHashing),
      knowledgeBase,
      messaging: appConfig.messaging,
      dataDir: appConfig.dataDir,
    });
    const lines = describeFirstStart(start);
    // Printed, not logged: the demo passwords should not end up in log files.
    if (lines.length) process.stdout.write(`\n${lines.join('\n')}\n\n`);
    // After the first start's demo photos too: images stored without a size count toward no quota.
    const sized = await recordImageSizes(db, config.dataDir);
    if (sized > 0) logger.info({ images: sized }, 'sizes of stored images recorded for the photo quotas');
  });
}
