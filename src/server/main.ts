import { dirname, join } from 'node:path';
import { pino } from 'pino';
import { loadKnowledgeBase } from '../knowledge-files/load-knowledge-base.js';
import { createDatabase } from '../storage/create-database.js';
import { lockDataDir } from '../storage/data-dir-lock.js';
import { describeDatabase } from '../storage/database-config.js';
import { migrateToLatest } from '../storage/migrate.js';
import { defaultAppConfig } from './app-config.js';
import { argon2idHasher } from '../services/accounts/password-hasher.js';
import { buildApp } from './build-app.js';
import { describeFirstStart, prepareFirstStart } from './first-start.js';
import { loggerOptions } from './log-serializers.js';
import { readMessagingConfig } from './messaging-config.js';
import type { OutboxWorker } from '../services/messaging/outbox-worker.js';
import { startMessageWorker } from './start-message-worker.js';
import { startRescreening, type StartupRescreening } from '../services/rescreening/rescreen-at-start.js';
import { readServerConfig } from './server-config.js';
import { readLimitsConfig } from './limits-config.js';
import { readDenialAlertConfig } from './denial-alert-config.js';
import { recordImageSizes } from '../storage/image-sizes.js';
import { tightenDataFolder } from '../storage/private-files.js';
import { startUploadSweeper } from './uploads/stale-uploads.js';

/** `npm start`: read the environment, migrate, seed on first start, listen; stop cleanly on SIGINT/SIGTERM. */
async function main(): Promise<void> {
  const config = readServerConfig(process.env);
  const limits = { ...readLimitsConfig(process.env), ...readDenialAlertConfig(process.env) };
  const messaging = readMessagingConfig(process.env, `http://${config.host}:${config.port}`);
  const logger = pino(loggerOptions(config.logLevel));
  logger.info({ node: process.version }, 'starting');
  // Health data: the data folder and what is in it are the server's account's only (0700 and 0600).
  const { changed, failed } = tightenDataFolder(config.dataDir);
  if (changed.length) logger.info({ paths: changed }, 'made the data folder readable by this account only');
  for (const { path, error } of failed)
    logger.warn({ path, error }, 'could not make this readable by this account only');
  // The parsed knowledge files are kept in the data folder: the next start skips parsing the YAML.
  const knowledgeBase = loadKnowledgeBase(undefined, { cacheDir: join(config.dataDir, 'cache') });
  logger.info({ version: knowledgeBase.version }, 'knowledge base loaded');

  // One server per SQLite file: the lock also keeps `mesodesk restore` from replacing a database in use.
  const unlock = config.database.engine === 'sqlite' ? lockDataDir(dirname(config.database.file)) : () => {};
  process.once('exit', unlock);
  const db = createDatabase(config.database);
  const ran = await migrateToLatest(db);
  logger.info(
    { database: describeDatabase(config.database), migrations: ran },
    ran.length ? 'database migrated' : 'database up to date',
  );

  const appConfig = {
    ...defaultAppConfig(),
    ...config.app,
    ...limits,
    dataDir: config.dataDir,
    messaging: messaging.settings,
  };
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

  // Uploads a crash cut off (kill -9) leave temporary files behind: cleaned now and every quarter hour.
  const uploads = await startUploadSweeper({
    dataDir: config.dataDir,
    exclusive: config.database.engine === 'sqlite',
    logger,
  });

  const app = await buildApp({ db, knowledgeBase, config: appConfig, logger });
  let rescreening: StartupRescreening | undefined;
  let messageWorker: OutboxWorker | undefined;
  const close = async (signal: string) => {
    logger.info({ signal }, 'shutting down');
    await rescreening?.stop();
    await messageWorker?.stop();
    uploads.stop();
    await app.close();
    await db.destroy();
    process.exit(0);
  };
  process.once('SIGINT', () => void close('SIGINT'));
  process.once('SIGTERM', () => void close('SIGTERM'));
  await app.listen({ host: config.host, port: config.port });
  // After listen: a new knowledge base re-screens every upcoming session, which may take a while.
  rescreening = startRescreening(app.repos, knowledgeBase, logger);
  messageWorker = startMessageWorker(app.repos, messaging, logger);
}

/** Configuration mistakes get one clear line; anything else, the whole stack. */
const expected = new Set([
  'ServerConfigError',
  'DatabaseConfigError',
  'KnowledgeBaseError',
  'MigrationError',
  'DataDirLockError',
]);

main().catch((error: unknown) => {
  const message =
    error instanceof Error
      ? expected.has(error.name)
        ? error.message
        : (error.stack ?? error.message)
      : String(error);
  process.stderr.write(`mesodesk: ${message}\n`);
  process.exit(1);
});
