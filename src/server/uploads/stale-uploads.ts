import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyBaseLogger } from 'fastify';

/** Where uploads wait while they are received: in the data folder, so that keeping one is a rename. */
export const uploadFolder = (dataDir: string) => join(dataDir, 'tmp', 'uploads');

/**
 * How long a temporary upload may go unwritten before it counts as left behind. A live upload is
 * written as it streams in, re-encoded and moved into place within seconds; one untouched this long
 * belongs to no request that is still going somewhere (a client stalled this long is gone too).
 */
export const staleUploadMs = 15 * 60_000;

/**
 * Removes the temporary uploads last written before `before`: what a crash (kill -9, a power cut)
 * or a server stopped mid-upload left behind, which no request will remove any more. How many.
 */
export async function removeStaleUploads(dataDir: string, before: Date): Promise<number> {
  const folder = uploadFolder(dataDir);
  let names: string[];
  try {
    names = await readdir(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw error;
  }
  let removed = 0;
  for (const name of names) {
    const path = join(folder, name);
    try {
      if ((await stat(path)).mtimeMs >= before.getTime()) continue;
      await rm(path, { recursive: true, force: true });
      removed += 1;
    } catch (error) {
      // Committed or discarded by its request meanwhile.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  return removed;
}

export interface UploadSweeper {
  stop(): void;
}

/**
 * Cleans the temporary upload folder at the server's start, then every `staleUploadMs`. At start, a
 * server that holds the data folder alone (SQLite: the folder's lock) removes every upload older
 * than itself: none can be in flight. Servers that may share the folder (PostgreSQL, several
 * processes) remove only uploads untouched for `staleUploadMs`, which may be another's in flight
 * otherwise; the later sweeps do the same, so that no leftover outlives twice that.
 */
export async function startUploadSweeper(options: {
  dataDir: string;
  /** Whether this process alone uses the data folder. */
  exclusive: boolean;
  logger: Pick<FastifyBaseLogger, 'info' | 'warn'>;
  now?: () => Date;
  everyMs?: number;
}): Promise<UploadSweeper> {
  const { dataDir, logger } = options;
  const now = options.now ?? (() => new Date());
  const everyMs = options.everyMs ?? staleUploadMs;
  const sweep = async (before: Date) => {
    const removed = await removeStaleUploads(dataDir, before);
    if (removed > 0) logger.info({ uploads: removed }, 'removed temporary uploads left behind');
  };
  const startedAt = now();
  await sweep(options.exclusive ? startedAt : new Date(startedAt.getTime() - staleUploadMs));
  const timer = setInterval(() => {
    sweep(new Date(now().getTime() - staleUploadMs)).catch((error: unknown) =>
      logger.warn({ err: error }, 'could not clean the temporary upload folder'),
    );
  }, everyMs);
  // The sweeps never keep the process alive on their own.
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
