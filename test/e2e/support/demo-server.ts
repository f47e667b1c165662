import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { buildApp } from '../../../src/server/build-app.js';
import type { App } from '../../../src/server/app-types.js';
import { prepareFirstStart } from '../../../src/server/first-start.js';
import { argon2idHasher } from '../../../src/services/accounts/password-hasher.js';
import type { DemoLogin } from '../../../src/services/demo/create-demo-clinic.js';
import { defaultMessagingSettings } from '../../../src/services/messaging/messaging-settings.js';
import { createDatabase } from '../../../src/storage/create-database.js';
import { migrateToLatest } from '../../../src/storage/migrate.js';
import { createRepositories, type Repositories } from '../../../src/storage/repositories/repositories.js';
import { testAppConfig, testKnowledgeBase, testPasswordHashing } from '../../../src/test-support/test-app.js';

export interface DemoServer {
  baseUrl: string;
  app: App;
  repos: Repositories;
  login(role: DemoLogin['role'], name?: string): DemoLogin;
  close(): Promise<void>;
}

/**
 * The real server on 127.0.0.1 and a free port over a fresh SQLite data folder, started as a
 * newcomer's first `npm start` is: the first start makes the demo clinic, as of now.
 */
export async function startDemoServer(): Promise<DemoServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'mesodesk-e2e-demo-'));
  const db = createDatabase({ engine: 'sqlite', file: join(dataDir, 'mesodesk.sqlite') });
  await migrateToLatest(db);
  const start = await prepareFirstStart(db, {
    config: {},
    hasher: argon2idHasher(testPasswordHashing),
    knowledgeBase: testKnowledgeBase(),
    messaging: defaultMessagingSettings(),
    dataDir,
  });
  if (start.kind !== 'demo') throw new Error(`the first start made no demo (${start.kind})`);
  const app = await buildApp({ db, knowledgeBase: testKnowledgeBase(), config: testAppConfig({ dataDir }) });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    app,
    repos: createRepositories(db),
    login(role, name) {
      const found = start.logins.find((l) => l.role === role && (name === undefined || l.name === name));
      if (!found) throw new Error(`no demo login for ${role} ${name ?? ''}`);
      return found;
    },
    close: async () => {
      await app.close();
      await db.destroy();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
