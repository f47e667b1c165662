import cluster from 'node:cluster';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { createDatabase } from '../storage/create-database.js';
import { lockDataDir } from '../storage/data-dir-lock.js';
import { tryExclusively } from '../storage/advisory-lock.js';
import { sharedSecret } from '../storage/server-secrets.js';
import { defaultAppConfig, type AppConfig } from './app-config.js';
import { buildApp } from './build-app.js';
import { runCluster } from './cluster-primary.js';
import { loggerOptions } from './log-serializers.js';
import { readMessagingConfig } from './messaging-config.js';
import type { OutboxWorker } from '../services/messaging/outbox-worker.js';
import { startMessageWorker } from './start-message-worker.js';
import { startRescreening, type StartupRescreening } from '../services/rescreening/rescreen-at-start.js';
import { readServerConfig, type ServerConfig } from './server-config.js';
import { readLimitsConfig } from './limits-config.js';
import { readDenialAlertConfig } from './denial-alert-config.js';
import { prepareDatabase, prepareFolderAndKnowledge } from './start-steps.js';
import { startUploadSweeper } from './uploads/stale-uploads.js';
import { workersFromEnv } from './workers-config.js';

/** The HTTP application's settings from the environment (the CSRF key comes later: it may live in the database). */
function appConfigOf(config: ServerConfig, messaging: ReturnType<typeof readMessagingConfig>): AppConfig {
  const limits = { ...readLimitsConfig(process.env), ...readDenialAlertConfig(process.env) };
  return {
    ...defaultAppConfig(),
    ...config.app,
    ...limits,
    dataDir: config.dataDir,
    messaging: messaging.settings,
  };
}

/**
 * `npm start`: read the environment, migrate, seed on first start, listen; stop cleanly on SIGINT/SIGTERM.
 * With MESODESK_WORKERS above 1 this process is the cluster's primary: it prepares the database
 * once, then forks that many server processes, which run this module again as cluster workers.
 */
async function main(): Promise<void> {
  const config = readServerConfig(process.env);
  const workers = workersFromEnv(process.env, config.database);
  const messaging = readMessagingConfig(process.env, `http://${config.host}:${config.port}`);
  const appConfig = appConfigOf(config, messaging);
  const logger = pino(loggerOptions(config.logLevel));
  const primary = workers > 1 && cluster.isPrimary;
  logger.info({ node: process.version, ...(primary ? { workers } : {}) }, 'starting');
  const knowledgeLibrary = prepareFolderAndKnowledge(config, logger);
  const knowledgeBase = knowledgeLibrary.base;

  // One server per SQLite file: the lock also keeps `mesodesk restore` from replacing a database in use.
  const unlock = config.database.engine === 'sqlite' ? lockDataDir(dirname(config.database.file)) : () => {};
  process.once('exit', unlock);
  const db = createDatabase(config.database);
  // A cluster worker finds the database prepared: its primary forks it only afterwards.
  if (!cluster.isWorker) await prepareDatabase(db, { config, appConfig, knowledgeBase, logger });
  if (primary) {
    await db.destroy();
    runCluster({ workers, exec: fileURLToPath(import.meta.url), logger });
    return;
  }
  // A key of the environment, or the one in the database: a CSRF token issued by one server
  // process is then accepted by every other on the database, and after a restart.
  appConfig.csrfKey = config.app.csrfKey ?? (await sharedSecret(db, 'csrf'));

  // Uploads a crash cut off (kill -9) leave temporary files behind: cleaned now and every quarter hour.
  const uploads = await startUploadSweeper({
    dataDir: config.dataDir,
    exclusive: config.database.engine === 'sqlite',
    logger,
  });

  const app = await buildApp({ db, knowledgeBase, knowledgeLibrary, config: appConfig, logger });
  let rescreening: StartupRescreening | undefined;
  let messageWorker: OutboxWorker | undefined;
  let closing = false;
  const close = async (signal: string) => {
    // Ctrl+C reaches a cluster's workers twice: from the terminal, and from their primary.
    if (closing) return;
    closing = true;
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
  // One server process on the database does it; the others skip it.
  rescreening = startRescreening(app.repos, knowledgeBase, logger, {
    runAlone: (work) => tryExclusively(db, 're-screening at start', work),
  });
  // Every process runs one: their claims (row locks skipped, not waited for) send each message once.
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
