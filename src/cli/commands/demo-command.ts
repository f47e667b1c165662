import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { KnowledgeBase } from '../../core/knowledge/knowledge-base.js';
import { loadKnowledgeBase } from '../../knowledge-files/load-knowledge-base.js';
import {
  argon2idHasher,
  productionPasswordHashing,
  type Argon2Params,
} from '../../services/accounts/password-hasher.js';
import { createDemoClinic } from '../../services/demo/create-demo-clinic.js';
import { describeDemoLogins } from '../../services/demo/describe-demo-logins.js';
import type { MessagingSettings } from '../../services/messaging/messaging-settings.js';
import { createDatabase } from '../../storage/create-database.js';
import { DataDirLockError, lockDataDir } from '../../storage/data-dir-lock.js';
import { resolveDataDir, sqliteFileName, type Env } from '../../storage/database-config.js';
import { MigrationError, migrateToLatest } from '../../storage/migrate.js';
import { clearDemoFolder, inspectDemoFolder } from '../../storage/seed/demo-folder.js';
import { CliInputError, errorLine, inputErrorLine } from '../cli-errors.js';
import { EXIT, failedWith, type CliIo } from '../cli-io.js';

export interface DemoCommandOptions {
  dataDir?: string;
}

/** What tests replace: the knowledge base, the hashing cost, the clock and the passwords. */
export interface DemoCommandDeps {
  knowledgeBase?: KnowledgeBase;
  passwordHashing?: Argon2Params;
  now?: Date;
  passwordFor?: (email: string) => string;
}

/** The messages' channel, links and language, as the server will read them from the same environment. */
function messagingFrom(env: Env): MessagingSettings {
  const port = env.PORT?.trim() || '3000';
  const host = env.HOST?.trim() || 'localhost';
  return {
    channel: env.MESODESK_SMTP_URL?.trim() ? 'email' : 'log',
    baseUrl: env.MESODESK_PUBLIC_URL?.trim() || `http://${host}:${port}`,
    locale: env.MESODESK_LOCALE?.trim() || 'en-GB',
  };
}

function dataFolder(opts: DemoCommandOptions, env: Env): string {
  if (opts.dataDir === undefined) return resolveDataDir(env);
  if (!opts.dataDir.trim()) throw new CliInputError('--data-dir', 'must name a folder');
  const dir = resolve(opts.dataDir);
  if (existsSync(dir) && !statSync(dir).isDirectory())
    throw new CliInputError('--data-dir', `${dir} is a file, not a folder`);
  return dir;
}

/**
 * `mesodesk demo [--data-dir DIR]`: puts the demo clinic, made afresh as of now, into a SQLite data
 * folder, replacing the demo there (its database and photos; backups stay), and prints new logins.
 * Refuses a folder that holds anything else, and one a server is running on.
 */
export async function demoCommand(
  opts: DemoCommandOptions,
  io: CliIo,
  env: Env = process.env,
  deps: DemoCommandDeps = {},
): Promise<number> {
  if (env.DATABASE_URL?.trim()) {
    io.err(
      errorLine(
        'DATABASE_URL is set, but mesodesk demo resets only a SQLite data folder; unset it, or start the server on an empty PostgreSQL database, which makes the demo on its first start',
      ),
    );
    return EXIT.failed;
  }
  let dataDir: string;
  try {
    dataDir = dataFolder(opts, env);
  } catch (error) {
    if (!(error instanceof CliInputError)) throw error;
    io.err(inputErrorLine(error));
    return EXIT.invalidInput;
  }

  let unlock = () => {};
  try {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    // Like the server: one user of the folder at a time, so a running server's database is never pulled away.
    unlock = lockDataDir(dataDir);
    const folder = inspectDemoFolder(dataDir);
    if (folder.kind === 'other') {
      io.err(
        errorLine(
          `${dataDir} holds ${folder.what}, not the demo: mesodesk demo resets only a folder the demo made. Give it a new or empty folder with --data-dir, or move this one away first`,
        ),
      );
      return EXIT.failed;
    }
    const knowledgeBase = deps.knowledgeBase ?? loadKnowledgeBase();
    clearDemoFolder(dataDir);
    const db = createDatabase({ engine: 'sqlite', file: join(dataDir, sqliteFileName) });
    let logins;
    try {
      await migrateToLatest(db);
      const hasher = argon2idHasher(deps.passwordHashing ?? productionPasswordHashing);
      ({ logins } = await createDemoClinic(db, {
        knowledgeBase,
        messaging: messagingFrom(env),
        dataDir,
        hashPassword: (password) => hasher.hash(password),
        ...(deps.now ? { now: deps.now } : {}),
        ...(deps.passwordFor ? { passwordFor: deps.passwordFor } : {}),
      }));
    } finally {
      await db.destroy();
    }
    io.out(
      [
        `${folder.kind === 'demo' ? 'Reset' : 'Made'} the demo clinic in ${dataDir}: twenty invented patients with three months of history up to today.`,
        'Demo logins (shown only now):',
        ...describeDemoLogins(logins),
        `Start the server on it: MESODESK_DATA_DIR=${dataDir} npm start`,
      ].join('\n'),
    );
    return EXIT.ok;
  } catch (error) {
    return failedWith(io, error, [DataDirLockError, MigrationError]);
  } finally {
    unlock();
  }
}
