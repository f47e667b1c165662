import type { KnowledgeBase } from '../../core/knowledge/knowledge-base.js';
import { knowledgeLibrary, type KnowledgeLibrary } from '../../core/knowledge/knowledge-library.js';
import { dayNumber, type IsoDate } from '../../core/dates/iso-date.js';
import type { UserRecord } from '../../core/records/index.js';
import { ZoneCalendar } from '../../core/scheduling/zone-calendar.js';
import { auditEntries, type AuditEvent } from '../../storage/repositories/audit-entries.js';
import type { Repositories } from '../../storage/repositories/repositories.js';
import type { SeededRandom } from '../../storage/seed-large/seeded-random.js';
import type { DemoSetup } from '../../storage/seed/seed-demo.js';
import type { MessagingSettings } from '../messaging/messaging-settings.js';
import type { DemoTimeline } from './demo-timeline.js';

/** The demo's patients read English: its messages are written from the English knowledge base alone. */
export function demoKnowledge(ctx: Pick<DemoContext, 'knowledgeBase'>): KnowledgeLibrary {
  return knowledgeLibrary(ctx.knowledgeBase, new Map());
}

/** Names the demo in the audit log where a route would be: no request made these records. */
export const demoAuditRoute = 'demo clinic history';

/** What every step of the demo's history works with, inside the one transaction that writes it. */
export interface DemoContext {
  tx: Repositories;
  knowledgeBase: KnowledgeBase;
  messaging: MessagingSettings;
  /** The data folder, where photos are written. */
  dataDir: string;
  setup: DemoSetup;
  timeline: DemoTimeline;
  calendar: ZoneCalendar;
  /** The day the demo is made, where the clinic is. */
  today: IsoDate;
  random: SeededRandom;
  /** Image files written so far, removed again if the history fails. */
  written: string[];
  /** The password hashes of the portal logins to make, by email. */
  portalPasswordHashes: ReadonlyMap<string, string>;
}

/** The instant of a local wall-clock time, `days` from today. */
export function localInstant(ctx: Pick<DemoContext, 'calendar' | 'today'>, days: number, time: string): number {
  const [hours = 0, minutes = 0] = time.split(':').map(Number);
  return ctx.calendar.wallToMs(dayNumber(ctx.today) + days, hours * 60 + minutes);
}

/** Records what `user` did as audit entries, at the clock's time, as a request would. */
export async function audit(ctx: DemoContext, user: UserRecord | null, events: readonly AuditEvent[]): Promise<void> {
  if (events.length === 0) return;
  await ctx.tx.audit.append(
    auditEntries(events, {
      clinicId: ctx.setup.clinic.id,
      userId: user?.id ?? null,
      role: user?.role ?? null,
      route: demoAuditRoute,
    }),
  );
}

export const minutes = (n: number) => n * 60_000;
