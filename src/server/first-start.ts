import type { KnowledgeBase } from '../core/knowledge/knowledge-base.js';
import type { Db } from '../storage/create-database.js';
import { createRepositories } from '../storage/repositories/repositories.js';
import { seedFirstAdmin } from '../storage/seed/seed-first-admin.js';
import type { PasswordHasher } from '../services/accounts/password-hasher.js';
import { createDemoClinic, type DemoLogin } from '../services/demo/create-demo-clinic.js';
import { describeDemoLogins } from '../services/demo/describe-demo-logins.js';
import type { MessagingSettings } from '../services/messaging/messaging-settings.js';
import type { ServerConfig } from './server-config.js';

export type FirstStart =
  { kind: 'existing' } | { kind: 'first-admin'; email: string } | { kind: 'demo'; logins: DemoLogin[] };

export interface FirstStartOptions {
  config: Pick<ServerConfig, 'firstAdmin'>;
  hasher: PasswordHasher;
  knowledgeBase: KnowledgeBase;
  messaging: MessagingSettings;
  /** The data folder: the demo's photos are written there. */
  dataDir: string;
  /** The moment of the start (the demo's history leads up to it); now when absent. */
  now?: Date;
  /** Fixed demo passwords by email (tests); new passphrases when absent. */
  passwordFor?: (email: string) => string;
}

/**
 * On an empty database: the first admin from the environment if given, otherwise the demo clinic
 * with its history and freshly generated passwords (which the caller prints once). Otherwise nothing.
 */
export async function prepareFirstStart(db: Db, options: FirstStartOptions): Promise<FirstStart> {
  const repos = createRepositories(db);
  if ((await repos.users.count()) > 0) return { kind: 'existing' };
  const { firstAdmin } = options.config;
  if (firstAdmin) {
    const { admin } = await seedFirstAdmin(repos, {
      email: firstAdmin.email,
      passwordHash: await options.hasher.hash(firstAdmin.password),
      ...(firstAdmin.clinicName ? { clinicName: firstAdmin.clinicName } : {}),
    });
    return { kind: 'first-admin', email: admin.email };
  }
  const { logins } = await createDemoClinic(db, {
    knowledgeBase: options.knowledgeBase,
    messaging: options.messaging,
    dataDir: options.dataDir,
    hashPassword: (password) => options.hasher.hash(password),
    ...(options.now ? { now: options.now } : {}),
    ...(options.passwordFor ? { passwordFor: options.passwordFor } : {}),
  });
  return { kind: 'demo', logins };
}

export function describeFirstStart(start: FirstStart): string[] {
  switch (start.kind) {
    case 'existing':
      return [];
    case 'first-admin':
      return [`Created the first admin, ${start.email}, with the password from MESODESK_ADMIN_PASSWORD.`];
    case 'demo':
      return [
        'Made the demo clinic: twenty invented patients with three months of history up to today.',
        'Demo logins (shown only now):',
        ...describeDemoLogins(start.logins),
        'To start the demo over (new logins), stop the server and run: npx mesodesk demo',
        'To start without demo data, use a fresh data folder with MESODESK_ADMIN_EMAIL and MESODESK_ADMIN_PASSWORD set.',
      ];
  }
}
