import { rm } from 'node:fs/promises';
import { addDays, dayNumber } from '../../core/dates/iso-date.js';
import type { KnowledgeBase } from '../../core/knowledge/knowledge-base.js';
import type { Role } from '../../core/records/index.js';
import { ZoneCalendar } from '../../core/scheduling/zone-calendar.js';
import type { Db } from '../../storage/create-database.js';
import { createRepositories } from '../../storage/repositories/repositories.js';
import { hashSeed, seededRandom } from '../../storage/seed-large/seeded-random.js';
import { demoClinic, demoStaff } from '../../storage/seed/demo-data.js';
import { seedDemoSetup } from '../../storage/seed/seed-demo.js';
import type { MessagingSettings } from '../messaging/messaging-settings.js';
import { createOutboxWorker } from '../messaging/outbox-worker.js';
import type { DemoContext } from './demo-context.js';
import { scheduleDemoMoney } from './demo-money.js';
import { demoPassphrase } from './demo-passwords.js';
import { demoPatients } from './demo-patients.js';
import { scheduleStory } from './demo-patient-story.js';
import { DemoTimeline } from './demo-timeline.js';

/** The seed of the demo everyone gets: the same seed and day give the same clinic. */
export const defaultDemoSeed = 18;

export interface DemoLogin {
  role: Role;
  email: string;
  password: string;
  name: string;
}

export interface DemoClinicOptions {
  knowledgeBase: KnowledgeBase;
  /** How messages would be sent: the history's messages are written for that channel. */
  messaging: MessagingSettings;
  /** The data folder: the demo's photos are written there. */
  dataDir: string;
  hashPassword(password: string): Promise<string>;
  /** The moment the demo is made: its history leads up to it. Now when absent. */
  now?: Date;
  seed?: number;
  /** Each login's password, by email; new passphrases when absent. */
  passwordFor?: (email: string) => string;
}

export interface DemoClinic {
  clinicId: string;
  /** Staff of every role and one patient portal login, to print once. */
  logins: DemoLogin[];
}

/**
 * Makes the demo clinic in an empty database: its set-up (staff, hours, products, consent), then
 * three months of history replayed in time order through the same services the API uses, so the
 * booking rules, the treatment gate, re-screening and the outbox judge every step as they would
 * have. All in one transaction: a failure leaves the database as it was (and removes the photos
 * written). Dates are relative to `now`, so the demo never goes stale.
 */
export async function createDemoClinic(db: Db, options: DemoClinicOptions): Promise<DemoClinic> {
  const end = (options.now ?? new Date()).getTime();
  const seed = options.seed ?? defaultDemoSeed;
  const calendar = new ZoneCalendar(demoClinic.location.timeZone);
  const today = calendar.local(end).date;
  const passwordFor = options.passwordFor ?? (() => demoPassphrase());

  const portal = demoPatients.filter((p) => p.portal && p.email);
  const logins: DemoLogin[] = [
    ...demoStaff.map((s) => ({ role: s.role, email: s.email, name: s.displayName, password: passwordFor(s.email) })),
    ...portal.map((p) => ({
      role: 'patient' as const,
      email: p.email ?? '',
      name: `${p.firstName} ${p.lastName}`,
      password: passwordFor(p.email ?? ''),
    })),
  ];
  const hashes = new Map<string, string>();
  for (const login of logins) hashes.set(login.email, await options.hashPassword(login.password));

  // The clinic opens a week before its first patient.
  const firstSeen = Math.min(...demoPatients.map((p) => p.seenDay));
  const opened = calendar.wallToMs(dayNumber(addDays(today, firstSeen - 7)), 8 * 60);
  const timeline = new DemoTimeline(opened, end);
  const repos = createRepositories(db, { now: () => timeline.now });
  const written: string[] = [];
  try {
    const clinicId = await repos.transaction(async (tx) => {
      const setup = await seedDemoSetup(tx, { passwordHashes: hashes, today, seed });
      const ctx: DemoContext = {
        tx,
        knowledgeBase: options.knowledgeBase,
        messaging: options.messaging,
        dataDir: options.dataDir,
        setup,
        timeline,
        calendar,
        today,
        random: seededRandom(hashSeed(seed, 'mesodesk demo')),
        written,
        portalPasswordHashes: hashes,
      };
      demoPatients.forEach((story, i) => scheduleStory(ctx, story, i));
      scheduleDemoMoney(ctx, demoPatients, opened);
      // Messages went out as they fell due: what is still due after now waits in the outbox.
      const worker = createOutboxWorker({
        repos: tx,
        channels: [{ name: options.messaging.channel, send: async () => undefined }],
        logger: { info: () => undefined, warn: () => undefined, error: () => undefined },
        now: () => timeline.now,
        workerId: 'demo history',
      });
      await timeline.run(async () => {
        await worker.runUntilIdle();
      });
      return setup.clinic.id;
    });
    return { clinicId, logins };
  } catch (error) {
    await Promise.all(written.map((file) => rm(file, { force: true })));
    throw error;
  }
}
