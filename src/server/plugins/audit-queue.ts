import type { NewAuditEntry } from '../../storage/repositories/audit-repository.js';

interface Waiting {
  entries: readonly NewAuditEntry[];
  resolve(): void;
  reject(error: unknown): void;
}

export interface AuditQueue {
  /** Resolves once the entries are committed (together with whatever else was waiting). */
  append(entries: readonly NewAuditEntry[]): Promise<void>;
  /** Resolves when everything appended so far is committed or has failed. */
  drain(): Promise<void>;
}

/**
 * Group commit for the audit entries of reads. Each read used to commit its own entry, and a
 * commit (a WAL append on SQLite, a round trip and flush on PostgreSQL) costs far more than the
 * row. Here the entries of all requests that read at about the same moment go into one batch,
 * written by one call of `write`. Callers still wait for their batch, so no response leaves before its audit entries
 * are stored, and a failed batch fails every request in it, as a failed single insert did.
 */
export function auditQueue(
  write: (entries: readonly NewAuditEntry[]) => Promise<void>,
  options: { maxBatch?: number; delayMs?: number } = {},
): AuditQueue {
  const maxBatch = options.maxBatch ?? 2000;
  const delayMs = options.delayMs ?? 0;
  // By default no timer: the requests whose sockets were ready in the same turn of the event loop,
  // and those that arrive while a batch is being written, share a commit without waiting for a clock.
  const gather = () =>
    new Promise<void>((resolve) => (delayMs > 0 ? setTimeout(resolve, delayMs) : setImmediate(resolve)));
  let waiting: Waiting[] = [];
  let running: Promise<void> | undefined;

  async function run(): Promise<void> {
    while (waiting.length > 0) {
      await gather();
      // Whole requests per batch, up to maxBatch entries (a large list read may exceed it alone).
      let size = 0;
      let take = 0;
      while (take < waiting.length && (take === 0 || size + (waiting[take]?.entries.length ?? 0) <= maxBatch))
        size += waiting[take++]?.entries.length ?? 0;
      const batch = waiting.slice(0, take);
      waiting = waiting.slice(take);
      try {
        await write(batch.flatMap((w) => w.entries));
        for (const w of batch) w.resolve();
      } catch (error) {
        for (const w of batch) w.reject(error);
      }
    }
    running = undefined;
  }

  return {
    append(entries) {
      if (entries.length === 0) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        waiting.push({ entries, resolve, reject });
        running ??= run();
      });
    },
    async drain() {
      while (running) await running;
    },
  };
}
