import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { OutboxMessageRecord } from '../../storage/repositories/outbox-repository.js';
import type { Repositories } from '../../storage/repositories/repositories.js';
import type { MessageChannel, MessagingLogger } from './message-channel.js';
import { messageAttachments } from './course-confirmation-messages.js';
import { whyNoLongerWanted } from './message-still-wanted.js';

/** Names the sender in the audit log where a route would be: no user sent these. */
export const messageWorkerRoute = 'message worker';

export interface OutboxWorkerOptions {
  repos: Repositories;
  channels: readonly MessageChannel[];
  logger: MessagingLogger;
  now?: () => Date;
  /** Unique per process; the default names host, process and a random part. */
  workerId?: string;
  /** Messages claimed at a time (default 5). */
  batchSize?: number;
  /** Tries before a message is marked failed (default 8: about two hours of retries). */
  maxAttempts?: number;
  /**
   * How long a claim lasts (default 15 minutes). It must outlast a whole batch at the channels'
   * time limits (5 × 100 s for SMTP), or another worker could take over a message still going out.
   */
  lockMs?: number;
  /** Wait before the next try after `attempt` failed tries (default: 1 minute, doubling, at most an hour). */
  retryDelayMs?: (attempt: number) => number;
}

export interface WorkerRun {
  claimed: number;
  sent: number;
  retried: number;
  failed: number;
  cancelled: number;
}

export interface OutboxWorker {
  readonly id: string;
  /** Claims one batch of due messages and sends them. */
  runOnce(): Promise<WorkerRun>;
  /** Runs batches until none is due. */
  runUntilIdle(): Promise<WorkerRun>;
  /** Runs until idle now and then every `intervalMs`, never two runs at once. */
  start(intervalMs: number): void;
  /** Stops the timer, waits for a run in progress, and closes the channels. */
  stop(): Promise<void>;
}

export function exponentialBackoff(attempt: number): number {
  return Math.min(60_000 * 2 ** Math.max(0, attempt - 1), 3_600_000);
}

const emptyRun = (): WorkerRun => ({ claimed: 0, sent: 0, retried: 0, failed: 0, cancelled: 0 });

function add(total: WorkerRun, run: WorkerRun): WorkerRun {
  return {
    claimed: total.claimed + run.claimed,
    sent: total.sent + run.sent,
    retried: total.retried + run.retried,
    failed: total.failed + run.failed,
    cancelled: total.cancelled + run.cancelled,
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message || error.name : String(error);
}

/**
 * Sends what the outbox holds when it is due. Delivery is at least once: a message is marked sent
 * only after the channel accepted it, so a crash between the two sends it again once the claim
 * lapses; claims (row locks on PostgreSQL) keep workers of several servers from sending it twice
 * otherwise.
 */
export function createOutboxWorker(options: OutboxWorkerOptions): OutboxWorker {
  const { repos, logger } = options;
  const now = options.now ?? (() => new Date());
  const id = options.workerId ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const batchSize = options.batchSize ?? 5;
  const maxAttempts = options.maxAttempts ?? 8;
  const lockMs = options.lockMs ?? 15 * 60_000;
  const retryDelayMs = options.retryDelayMs ?? exponentialBackoff;
  const channels = new Map(options.channels.map((c) => [c.name, c]));
  const iso = (ms: number) => new Date(ms).toISOString();

  async function deliver(message: OutboxMessageRecord, run: WorkerRun): Promise<void> {
    const log = { messageId: message.id, kind: message.kind, channel: message.channel, attempt: message.attempts };
    const reason = await whyNoLongerWanted(repos, message, now());
    if (reason) {
      await repos.outbox.finish(message.id, id, { status: 'cancelled', reason });
      run.cancelled += 1;
      logger.info({ ...log, reason }, 'message cancelled before sending');
      return;
    }
    const channel = channels.get(message.channel);
    const attachments = messageAttachments(message);
    try {
      if (!channel) throw new Error(`no ${message.channel} channel in this worker`);
      await channel.send({
        id: message.id,
        kind: message.kind,
        to: message.recipient,
        subject: message.subject,
        body: message.body,
        ...(attachments.length ? { attachments } : {}),
      });
    } catch (error) {
      const text = describe(error);
      if (message.attempts >= maxAttempts) {
        await repos.outbox.finish(message.id, id, { status: 'failed', error: text });
        run.failed += 1;
        logger.error({ ...log, error: text }, 'message failed for good');
      } else {
        const retryAt = iso(now().getTime() + retryDelayMs(message.attempts));
        await repos.outbox.finish(message.id, id, { status: 'pending', retryAt, error: text });
        run.retried += 1;
        logger.warn({ ...log, error: text, retryAt }, 'message failed; will retry');
      }
      return;
    }
    await repos.transaction(async (tx) => {
      await tx.outbox.finish(message.id, id, { status: 'sent' });
      await tx.audit.append([
        {
          action: 'update',
          entity: 'outbox_message',
          records: [{ entityId: message.id, patientId: message.patientId }],
          clinicId: message.clinicId,
          userId: null,
          role: null,
          route: messageWorkerRoute,
        },
      ]);
    });
    run.sent += 1;
  }

  async function runOnce(): Promise<WorkerRun> {
    const at = now().getTime();
    const claimed = await repos.outbox.claimDue({
      workerId: id,
      now: iso(at),
      lockedUntil: iso(at + lockMs),
      limit: batchSize,
      channels: [...channels.keys()],
      maxAttempts,
    });
    const run = { ...emptyRun(), claimed: claimed.length };
    for (const message of claimed) {
      try {
        await deliver(message, run);
      } catch (error) {
        // The database failed around this message: its claim lapses and it is tried again later.
        logger.error({ messageId: message.id, error: describe(error) }, 'message handling failed');
      }
    }
    return run;
  }

  async function runUntilIdle(): Promise<WorkerRun> {
    let total = emptyRun();
    for (;;) {
      const run = await runOnce();
      total = add(total, run);
      if (run.claimed === 0) return total;
    }
  }

  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  let started = false;
  let stopped = false;

  function tick(intervalMs: number): void {
    running = runUntilIdle()
      .catch((error: unknown) => logger.error({ error: describe(error) }, 'message worker run failed'))
      .finally(() => {
        if (!stopped) timer = setTimeout(() => tick(intervalMs), intervalMs);
      });
  }

  return {
    id,
    runOnce,
    runUntilIdle,
    start(intervalMs) {
      if (started || stopped) return;
      started = true;
      tick(intervalMs);
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
      for (const channel of channels.values()) await channel.close?.();
    },
  };
}
