import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ZoneCalendar } from '../../core/scheduling/zone-calendar.js';
import type { Db } from '../../storage/create-database.js';
import { imageFile } from '../../storage/image-files.js';
import { testKnowledgeBase } from '../../test-support/intake-builder.js';
import { testEngines } from '../../test-support/test-databases.js';
import { passwordWeakness } from '../accounts/password-strength.js';
import { defaultMessagingSettings } from '../messaging/messaging-settings.js';
import { createDemoClinic } from './create-demo-clinic.js';
import { demoPassphrase } from './demo-passwords.js';
import { demoTestOptions } from './test-support/demo-test-options.js';

const sqlite = testEngines.find((e) => e.engine === 'sqlite');
const folders: string[] = [];
afterAll(() => {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

/** A demo made in a fresh SQLite database as of `now`; what `read` finds in it. */
async function demoAt<T>(now: Date, read: (db: Db, dataDir: string) => Promise<T>, seed?: number): Promise<T> {
  if (!sqlite) throw new Error('no SQLite test engine');
  const { db, destroy } = await sqlite.create();
  const dataDir = mkdtempSync(join(tmpdir(), 'mesodesk-demo-'));
  folders.push(dataDir);
  try {
    await createDemoClinic(db, { ...demoTestOptions(dataDir, now), ...(seed === undefined ? {} : { seed }) });
    return await read(db, dataDir);
  } finally {
    await destroy();
  }
}

/** What the demo holds, without ids and row times: what must come out the same from the same seed and day. */
async function contents(db: Db, dataDir: string) {
  const sessions = await db
    .selectFrom('treatment_sessions as s')
    .innerJoin('courses as c', 'c.id', 's.course_id')
    .innerJoin('patients as p', 'p.id', 'c.patient_id')
    .select(['p.last_name', 's.scheduled_at', 's.status', 's.flag_verdict'])
    .orderBy('s.scheduled_at')
    .orderBy('p.last_name')
    .execute();
  const points = await db
    .selectFrom('injection_points as i')
    .innerJoin('lots as l', 'l.id', 'i.lot_id')
    .select(['i.x', 'i.y', 'i.depth_mm', 'i.volume_ml', 'l.lot_number'])
    .orderBy('i.x')
    .orderBy('i.y')
    .execute();
  const outcomes = await db
    .selectFrom('outcomes')
    .select(['patient_rating', 'practitioner_rating', 'notes'])
    .orderBy('patient_rating')
    .orderBy('practitioner_rating')
    .execute();
  const photos = (await db.selectFrom('photos').select(['kind', 'file_path']).execute())
    .map(
      (p) =>
        `${p.kind} ${createHash('sha256')
          .update(readFileSync(imageFile(dataDir, p.file_path)))
          .digest('hex')}`,
    )
    .sort();
  const messages = await db
    .selectFrom('outbox_messages')
    .select(['kind', 'status', 'due_at'])
    .orderBy('due_at')
    .execute();
  return { sessions, points, outcomes, photos, messages };
}

describe('the demo clinic', () => {
  it('comes out the same from the same seed and day, and differs with another seed', async () => {
    const now = new Date('2026-12-09T10:15:00.000Z');
    const first = await demoAt(now, contents);
    const second = await demoAt(now, contents);
    expect(second).toEqual(first);
    expect(first.points.length).toBeGreaterThan(400);
    const reseeded = await demoAt(now, contents, 99);
    expect(reseeded.sessions).toEqual(first.sessions);
    expect(reseeded.points).not.toEqual(first.points);
  }, 120_000);

  it.each([
    ['a Saturday morning', '2026-12-12T07:30:00.000Z'],
    ['a Sunday at noon', '2026-12-13T11:00:00.000Z'],
    ['a Monday evening', '2026-12-14T19:00:00.000Z'],
  ])(
    'is made on %s, with a full day and every earlier session charted or missed',
    async (_day, at) => {
      const now = new Date(at);
      const calendar = new ZoneCalendar('Europe/Berlin');
      const today = calendar.local(now.getTime()).day;
      const sessions = await demoAt(now, (db) =>
        db.selectFrom('treatment_sessions').select(['scheduled_at', 'duration_minutes', 'status']).execute(),
      );
      // The clinic opens every day: today is full whatever day it is.
      expect(
        sessions.filter((s) => calendar.local(Date.parse(s.scheduled_at)).day === today).length,
      ).toBeGreaterThanOrEqual(6);
      const ended = sessions.filter(
        (s) => Date.parse(s.scheduled_at) + (s.duration_minutes ?? 0) * 60_000 <= now.getTime(),
      );
      expect(ended.length).toBeGreaterThan(30);
      expect(new Set(ended.map((s) => s.status))).toEqual(new Set(['done', 'no_show']));
    },
    60_000,
  );

  it('writes nothing when a step fails', async () => {
    if (!sqlite) throw new Error('no SQLite test engine');
    const { db, destroy } = await sqlite.create();
    const notAFolder = join(mkdtempSync(join(tmpdir(), 'mesodesk-demo-')), 'file');
    writeFileSync(notAFolder, 'x');
    try {
      await expect(
        createDemoClinic(db, {
          knowledgeBase: testKnowledgeBase(),
          messaging: defaultMessagingSettings(),
          // Photos cannot be written under a file: the first photo fails, half-way through the history.
          dataDir: notAFolder,
          hashPassword: async () => 'hash',
          now: new Date('2026-12-09T10:15:00.000Z'),
        }),
      ).rejects.toThrow();
      expect(await db.selectFrom('clinics').select('id').execute()).toEqual([]);
      expect(await db.selectFrom('audit_log').select('id').execute()).toEqual([]);
    } finally {
      await destroy();
    }
  }, 60_000);

  it('gives every login a fresh passphrase of five words and a number, strong by the estimator', () => {
    const passwords = Array.from({ length: 50 }, demoPassphrase);
    for (const password of passwords) {
      expect(password).toMatch(/^([a-z]+-){5}[1-9]\d$/);
      expect(passwordWeakness(password, ['admin@demo-clinic.example', 'Alex Admin']), password).toBeUndefined();
    }
    expect(new Set(passwords).size).toBe(50);
  });
});
