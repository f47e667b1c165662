import { beforeAll, expect, it } from 'vitest';
import { createOutboxFixture, type OutboxFixture } from '../../services/messaging/test-support/outbox-fixture.js';
import { forEachEngine } from '../../test-support/test-databases.js';
import type { MessageChannelName } from './outbox-repository.js';
import { createRepositories, type Repositories } from './repositories.js';

forEachEngine('outbox repository', (getDb) => {
  let repos: Repositories;
  let f: OutboxFixture;
  const claim = (
    workerId: string,
    now: string,
    extra: { limit?: number; maxAttempts?: number; channels?: MessageChannelName[] } = {},
  ) =>
    repos.outbox.claimDue({
      workerId,
      now,
      lockedUntil: new Date(Date.parse(now) + 60_000).toISOString(),
      limit: extra.limit ?? 100,
      channels: extra.channels ?? ['log', 'email'],
      maxAttempts: extra.maxAttempts ?? 3,
    });

  /** Claims see every due message: tests of claims start from an outbox with nothing pending. */
  const clear = async () => {
    for (const session of f.sessions) await repos.outbox.cancelPending(session.id);
  };

  beforeAll(async () => {
    repos = createRepositories(getDb());
    f = await createOutboxFixture(repos, { sessions: 6 });
  });

  it('adds one message per session and kind; planning the same again changes nothing', async () => {
    const first = await repos.outbox.upsert(f.draft(0, 'aftercare'));
    expect(first.change).toBe('created');
    expect(first.message).toMatchObject({
      status: 'pending',
      attempts: 0,
      nextAttemptAt: first.message.dueAt,
      lockedBy: null,
      sentAt: null,
    });
    const again = await repos.outbox.upsert(f.draft(0, 'aftercare'));
    expect(again).toEqual({ message: first.message, change: 'unchanged' });
    expect(await repos.outbox.listBySession(f.sessions[0]?.id ?? '')).toHaveLength(1);
  });

  it('replaces a pending message whose text changed, keeping its id', async () => {
    const before = (await repos.outbox.upsert(f.draft(1, 'check_in'))).message;
    const moved = await repos.outbox.upsert(
      f.draft(1, 'check_in', { dueAt: '2026-01-02T09:00:00.000Z', body: 'new text' }),
    );
    expect(moved.change).toBe('replaced');
    expect(moved.message).toMatchObject({
      id: before.id,
      dueAt: '2026-01-02T09:00:00.000Z',
      nextAttemptAt: '2026-01-02T09:00:00.000Z',
      body: 'new text',
      status: 'pending',
    });
  });

  it("moves a pending message to a new due time (the clinic's timing), but not the confirmation", async () => {
    const before = (await repos.outbox.upsert(f.draft(5, 'check_in'))).message;
    const moved = await repos.outbox.upsert(f.draft(5, 'check_in', { dueAt: '2026-01-05T09:00:00.000Z' }));
    expect(moved).toMatchObject({ change: 'replaced', message: { id: before.id, dueAt: '2026-01-05T09:00:00.000Z' } });
    const confirmation = (await repos.outbox.upsert(f.draft(5, 'booking_confirmation'))).message;
    const later = await repos.outbox.upsert(f.draft(5, 'booking_confirmation', { dueAt: '2026-01-06T09:00:00.000Z' }));
    expect(later).toEqual({ message: confirmation, change: 'unchanged' });
    await repos.outbox.cancelPending(f.sessions[5]?.id ?? '');
  });

  it('sends a sent message again only when what it is about changed', async () => {
    await clear();
    await repos.outbox.upsert(f.draft(2, 'booking_confirmation'));
    const [claimed] = await claim('w1', '2026-06-01T00:00:00.000Z');
    expect(claimed?.sessionId).toBe(f.sessions[2]?.id);
    expect(await repos.outbox.finish(claimed?.id ?? '', 'w1', { status: 'sent' })).toBe(true);
    // Same fingerprint, new wording or time ("due now" again): stays sent.
    expect(
      (
        await repos.outbox.upsert(
          f.draft(2, 'booking_confirmation', { body: 'reworded', dueAt: '2026-06-01T00:00:00.000Z' }),
        )
      ).change,
    ).toBe('unchanged');
    const rebooked = await repos.outbox.upsert(
      f.draft(2, 'booking_confirmation', { fingerprint: 'moved', body: 'new time' }),
    );
    expect(rebooked.change).toBe('replaced');
    expect(rebooked.message).toMatchObject({
      id: claimed?.id,
      status: 'pending',
      attempts: 0,
      sentAt: null,
      body: 'new time',
    });
  });

  it('cancels pending messages except the kinds kept and those still about the same session', async () => {
    for (const kind of ['booking_confirmation', 'preparation_reminder', 'day_before_reminder'] as const)
      await repos.outbox.upsert(f.draft(3, kind));
    const late = await repos.outbox.cancelPending(f.sessions[3]?.id ?? '', {
      kinds: ['booking_confirmation'],
      fingerprint: f.draft(3, 'aftercare').fingerprint,
    });
    expect(late).toEqual([]);
    const cancelled = await repos.outbox.cancelPending(f.sessions[3]?.id ?? '', {
      kinds: ['booking_confirmation'],
      fingerprint: 'moved',
    });
    expect(cancelled.map((m) => m.kind).sort()).toEqual(['day_before_reminder', 'preparation_reminder']);
    expect(cancelled.every((m) => m.status === 'cancelled')).toBe(true);
    const revived = await repos.outbox.upsert(f.draft(3, 'preparation_reminder'));
    expect(revived).toMatchObject({ change: 'replaced', message: { status: 'pending' } });
    expect((await repos.outbox.cancelPending(f.sessions[3]?.id ?? '')).map((m) => m.kind).sort()).toEqual([
      'booking_confirmation',
      'preparation_reminder',
    ]);
  });

  it('claims only due messages, counts attempts, and lets only the claiming worker finish', async () => {
    await clear();
    await repos.outbox.upsert(f.draft(4, 'aftercare', { dueAt: '2026-03-01T10:00:00.000Z' }));
    expect(await claim('w1', '2026-03-01T09:59:59.999Z')).toEqual([]);
    const [message] = await claim('w1', '2026-03-01T10:00:00.000Z');
    expect(message).toMatchObject({
      status: 'sending',
      lockedBy: 'w1',
      attempts: 1,
      lockedUntil: '2026-03-01T10:01:00.000Z',
    });
    expect(await claim('w2', '2026-03-01T10:00:30.000Z')).toEqual([]);
    expect(await repos.outbox.finish(message?.id ?? '', 'w2', { status: 'sent' })).toBe(false);
    expect(
      await repos.outbox.finish(message?.id ?? '', 'w1', {
        status: 'pending',
        retryAt: '2026-03-01T10:05:00.000Z',
        error: 'x'.repeat(5000),
      }),
    ).toBe(true);
    const [waiting] = (await repos.outbox.listBySession(f.sessions[4]?.id ?? '')).filter((m) => m.kind === 'aftercare');
    expect(waiting).toMatchObject({
      status: 'pending',
      nextAttemptAt: '2026-03-01T10:05:00.000Z',
      lockedBy: null,
      attempts: 1,
    });
    expect(waiting?.lastError?.length).toBe(1000);
    expect(await claim('w1', '2026-03-01T10:04:00.000Z')).toEqual([]);
    expect((await claim('w1', '2026-03-01T10:05:00.000Z')).map((m) => m.attempts)).toEqual([2]);
  });

  it('takes over a lapsed claim, and fails it instead when it used up the attempts', async () => {
    await clear();
    await repos.outbox.upsert(f.draft(5, 'check_in', { dueAt: '2026-04-01T10:00:00.000Z' }));
    const [first] = await claim('crashed', '2026-04-01T10:00:00.000Z', { maxAttempts: 2 });
    expect(first?.attempts).toBe(1);
    const [taken] = await claim('w2', '2026-04-01T10:01:00.001Z', { maxAttempts: 2 });
    expect(taken).toMatchObject({ id: first?.id, lockedBy: 'w2', attempts: 2 });
    expect(await repos.outbox.finish(first?.id ?? '', 'crashed', { status: 'sent' })).toBe(false);
    // w2 crashes too: with no attempts left the message is failed, not sent a third time.
    expect(await claim('w3', '2026-04-01T10:02:00.002Z', { maxAttempts: 2 })).toEqual([]);
    const [failed] = (await repos.outbox.listBySession(f.sessions[5]?.id ?? '')).filter((m) => m.kind === 'check_in');
    expect(failed).toMatchObject({ status: 'failed', lockedBy: null });
    expect(failed?.lastError).toMatch(/stopped responding/);
  });

  it('claims only the channels asked for', async () => {
    await clear();
    const now = '2026-05-01T10:00:00.000Z';
    await repos.outbox.upsert(f.draft(5, 'aftercare', { channel: 'email', dueAt: now }));
    expect(await claim('w', now, { limit: 10, channels: ['log'] })).toEqual([]);
    expect(await claim('w', now, { limit: 10, channels: [] })).toEqual([]);
    expect((await claim('w', now, { limit: 10, channels: ['email'] })).map((m) => m.channel)).toEqual(['email']);
  });
});
