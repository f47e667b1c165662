import { beforeAll, expect, it } from 'vitest';
import type { Db } from '../../storage/create-database.js';
import { createRepositories, type Repositories } from '../../storage/repositories/repositories.js';
import { forEachEngine } from '../../test-support/test-databases.js';
import {
  createOutboxWorker,
  exponentialBackoff,
  messageWorkerRoute,
  type OutboxWorkerOptions,
} from './outbox-worker.js';
import { createOutboxFixture } from './test-support/outbox-fixture.js';
import { recordingChannel, silentLogger } from './test-support/recording-channel.js';
import { secondConnection } from './test-support/second-connection.js';

/** Sessions are in 2030 and drafts due in January 2026: at this clock everything is due and nothing has begun. */
const juneFirst = new Date('2026-06-01T00:00:00.000Z');

forEachEngine('outbox worker', (getDb, engine) => {
  let repos: Repositories;
  const worker = (options: Partial<OutboxWorkerOptions> & Pick<OutboxWorkerOptions, 'channels'>) =>
    createOutboxWorker({ repos, logger: silentLogger, now: () => juneFirst, ...options });
  const statuses = async (sessionIds: readonly string[]) =>
    (await Promise.all(sessionIds.map((id) => repos.outbox.listBySession(id)))).flat().map((m) => m.status);

  beforeAll(() => {
    repos = createRepositories(getDb());
  });

  it('sends due messages, marks them sent, and audits each as the worker', async () => {
    const f = await createOutboxFixture(repos, { sessions: 1 });
    for (const draft of f.allDrafts())
      await repos.outbox.upsert(draft.kind === 'check_in' ? { ...draft, dueAt: '2026-06-01T00:00:00.001Z' } : draft);
    const channel = recordingChannel();
    const run = await worker({ channels: [channel], batchSize: 2 }).runUntilIdle();
    expect(run).toEqual({ claimed: 4, sent: 4, retried: 0, failed: 0, cancelled: 0 });
    expect(channel.sent.map((m) => m.kind).sort()).toEqual([
      'aftercare',
      'booking_confirmation',
      'day_before_reminder',
      'preparation_reminder',
    ]);
    expect(channel.sent[0]).toMatchObject({
      to: f.fixture.patient.email,
      subject: expect.stringMatching(/of session 0$/),
    });
    const messages = await repos.outbox.listBySession(f.sessions[0]?.id ?? '');
    expect(messages.filter((m) => m.status === 'sent')).toHaveLength(4);
    expect(messages.find((m) => m.kind === 'check_in')).toMatchObject({ status: 'pending', attempts: 0 });

    const audit = await repos.audit.list({
      clinicId: f.fixture.clinic.id,
      entity: 'outbox_message',
      limit: 50,
      offset: 0,
    });
    expect(audit).toHaveLength(4);
    expect(audit[0]).toMatchObject({
      action: 'update',
      route: messageWorkerRoute,
      userId: null,
      patientId: f.fixture.patient.id,
    });
    await repos.outbox.cancelPending(f.sessions[0]?.id ?? '');
  });

  it('retries a failed send after a growing wait, and gives up after the last attempt', async () => {
    const f = await createOutboxFixture(repos, { sessions: 2 });
    await repos.outbox.upsert(f.draft(0, 'aftercare'));
    let clock = juneFirst.getTime();
    const channel = recordingChannel();
    const w = worker({ channels: [channel], now: () => new Date(clock), maxAttempts: 3 });

    channel.failNext(1);
    expect(await w.runUntilIdle()).toMatchObject({ retried: 1, sent: 0 });
    const [waiting] = await repos.outbox.listBySession(f.sessions[0]?.id ?? '');
    expect(waiting).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastError: 'channel unavailable',
      nextAttemptAt: new Date(clock + 60_000).toISOString(),
    });
    clock += 59_999;
    expect((await w.runUntilIdle()).claimed).toBe(0);
    clock += 1;
    expect(await w.runUntilIdle()).toMatchObject({ sent: 1 });
    expect(channel.sent.map((m) => m.id)).toEqual([waiting?.id]);
    expect(await repos.outbox.listBySession(f.sessions[0]?.id ?? '')).toMatchObject([
      { status: 'sent', attempts: 2, lastError: null },
    ]);

    await repos.outbox.upsert(f.draft(1, 'aftercare'));
    channel.failNext(10);
    let failedAfter = 0;
    for (let tries = 1; tries <= 3; tries++) {
      const run = await w.runUntilIdle();
      if (run.failed) failedAfter = tries;
      clock += 3_600_000;
    }
    expect(failedAfter).toBe(3);
    expect(await repos.outbox.listBySession(f.sessions[1]?.id ?? '')).toMatchObject([
      { status: 'failed', attempts: 3, lastError: 'channel unavailable' },
    ]);
    expect([1, 2, 3, 7, 8].map(exponentialBackoff)).toEqual([60_000, 120_000, 240_000, 3_600_000, 3_600_000]);
  });

  it('cancels, instead of sending, messages a later change made pointless', async () => {
    const f = await createOutboxFixture(repos, { sessions: 3 });
    const [cancelledSession, startedSession, otherCourse] = f.sessions;
    await repos.treatmentSessions.update(cancelledSession?.id ?? '', { status: 'cancelled' });
    await repos.outbox.upsert(f.draft(0, 'check_in'));
    // A reminder held up until after the session began; its aftercare still goes.
    await repos.treatmentSessions.update(startedSession?.id ?? '', { scheduledAt: '2026-05-31T09:00:00.000Z' });
    await repos.outbox.upsert(f.draft(1, 'day_before_reminder'));
    await repos.outbox.upsert(f.draft(1, 'aftercare'));
    await repos.courses.setStatus(otherCourse?.courseId ?? '', 'completed');
    await repos.outbox.upsert(f.draft(2, 'preparation_reminder'));
    const channel = recordingChannel();
    expect(await worker({ channels: [channel] }).runUntilIdle()).toMatchObject({ sent: 1, cancelled: 3 });
    expect(channel.sent.map((m) => m.kind)).toEqual(['aftercare']);
    const [cancelled] = await repos.outbox.listBySession(cancelledSession?.id ?? '');
    expect(cancelled).toMatchObject({ status: 'cancelled', lastError: 'the session is cancelled' });
  });

  it("takes over a crashed worker's claim once its lock lapses", async () => {
    const f = await createOutboxFixture(repos, { sessions: 1 });
    await repos.outbox.upsert(f.draft(0, 'aftercare'));
    const [claimed] = await repos.outbox.claimDue({
      workerId: 'crashed',
      now: juneFirst.toISOString(),
      lockedUntil: '2026-06-01T00:15:00.000Z',
      limit: 10,
      channels: ['log'],
      maxAttempts: 8,
    });
    expect(claimed).toBeDefined();
    const channel = recordingChannel();
    expect((await worker({ channels: [channel] }).runUntilIdle()).claimed).toBe(0);
    expect(
      await worker({ channels: [channel], now: () => new Date('2026-06-01T00:15:00.001Z') }).runUntilIdle(),
    ).toMatchObject({ claimed: 1, sent: 1 });
    expect(channel.sent.map((m) => m.id)).toEqual([claimed?.id]);
  });

  it('two servers racing over 50 due messages send each exactly once', async () => {
    const f = await createOutboxFixture(repos, { sessions: 10 });
    for (const draft of f.allDrafts()) await repos.outbox.upsert(draft);
    const other: Db = await secondConnection(getDb());
    try {
      const a = recordingChannel({ delayMs: 3 });
      const b = recordingChannel({ delayMs: 3 });
      const workerA = createOutboxWorker({
        repos,
        channels: [a],
        logger: silentLogger,
        now: () => juneFirst,
        batchSize: 3,
        workerId: 'server-a',
      });
      const workerB = createOutboxWorker({
        repos: createRepositories(other),
        channels: [b],
        logger: silentLogger,
        now: () => juneFirst,
        batchSize: 3,
        workerId: 'server-b',
      });
      const [runA, runB] = await Promise.all([workerA.runUntilIdle(), workerB.runUntilIdle()]);

      const ids = [...a.sent, ...b.sent].map((m) => m.id);
      expect(ids).toHaveLength(50);
      expect(new Set(ids).size).toBe(50);
      expect(runA.sent + runB.sent).toBe(50);
      // Both really took part (on SQLite too: two connections to one file, one writer at a time).
      expect(a.sent.length, engine).toBeGreaterThan(0);
      expect(b.sent.length, engine).toBeGreaterThan(0);
      expect(new Set(await statuses(f.sessions.map((s) => s.id)))).toEqual(new Set(['sent']));
    } finally {
      await other.destroy();
    }
  });

  it('runs on a timer until stopped, then closes its channels', async () => {
    const f = await createOutboxFixture(repos, { sessions: 1 });
    await repos.outbox.upsert(f.draft(0, 'aftercare'));
    const channel = recordingChannel();
    const w = worker({ channels: [channel] });
    w.start(10);
    w.start(10);
    for (let i = 0; i < 200 && channel.sent.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    await w.stop();
    expect(channel.sent).toHaveLength(1);
    expect(channel.closed).toBe(true);
    await repos.outbox.upsert(f.draft(0, 'check_in'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(channel.sent).toHaveLength(1);
    await repos.outbox.cancelPending(f.sessions[0]?.id ?? '');
  });
});
