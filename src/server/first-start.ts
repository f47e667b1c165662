import { randomBytes } from 'node:crypto';
import { assess } from '../core/assessment/assess.js';
import type { KnowledgeBase } from '../core/knowledge/knowledge-base.js';
import type { Repositories } from '../storage/repositories/repositories.js';
import { seedDemo, type DemoLogin } from '../storage/seed/seed-demo.js';
import { seedFirstAdmin } from '../storage/seed/seed-first-admin.js';
import type { PasswordHasher } from '../services/accounts/password-hasher.js';
import type { ServerConfig } from './server-config.js';

export type FirstStart =
  { kind: 'existing' } | { kind: 'first-admin'; email: string } | { kind: 'demo'; logins: DemoLogin[] };

/** Twelve random bytes, base64url: 16 characters that survive copying from a terminal. */
function randomPassword(): string {
  return randomBytes(12).toString('base64url');
}

/**
 * On an empty database: the first admin from the environment if given, otherwise the demo clinic
 * with freshly generated passwords (which the caller prints once). Otherwise nothing.
 */
export async function prepareFirstStart(
  repos: Repositories,
  options: {
    config: Pick<ServerConfig, 'firstAdmin'>;
    hasher: PasswordHasher;
    knowledgeBase: KnowledgeBase;
    today?: string;
  },
): Promise<FirstStart> {
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
  const logins = await seedDemo(repos, {
    passwordFor: randomPassword,
    hashPassword: (password) => options.hasher.hash(password),
    assess: (intake) => assess(intake, options.knowledgeBase),
    today: options.today ?? new Date().toISOString().slice(0, 10),
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
        'Seeded the demo clinic. Demo logins (shown only now; to start over, empty the data folder):',
        ...start.logins.map((l) => `  ${l.role.padEnd(13)} ${l.email.padEnd(36)} ${l.password}`),
        'Set MESODESK_ADMIN_EMAIL and MESODESK_ADMIN_PASSWORD on a fresh data folder to start without demo data.',
      ];
  }
}
