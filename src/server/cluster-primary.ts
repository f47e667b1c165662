import cluster, { type Worker } from 'node:cluster';
import type { Logger } from 'pino';

export interface ClusterOptions {
  /** How many server processes to keep running. */
  workers: number;
  /** The module each worker runs (main.js: as a cluster worker it serves). */
  exec: string;
  logger: Logger;
  /** How long workers get to finish their requests at shutdown before they are killed. */
  stopTimeoutMs?: number;
}

/** More unexpected exits than this within a minute, after start: something is wrong beyond one process. */
const restartsPerMinute = 10;

/**
 * The cluster's primary: forks the server processes, which share the port (the primary hands each
 * new connection to one of them), and keeps them running. A process that fails before it listens
 * fails the start (its siblings share the cause: the port, the database); one that dies later is
 * replaced. SIGINT and SIGTERM stop every process cleanly, then the primary.
 */
export function runCluster(options: ClusterOptions): void {
  const { logger } = options;
  const stopTimeoutMs = options.stopTimeoutMs ?? 30_000;
  const listened = new Set<number>();
  const restarts: number[] = [];
  let announced = false;
  let stopping = false;
  let exitCode = 0;

  const running = (): Worker[] => Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined);

  const fork = () => {
    const worker = cluster.fork();
    worker.once('listening', (address) => {
      listened.add(worker.id);
      if (!announced && listened.size >= options.workers) {
        announced = true;
        logger.info(
          { workerPids: running().map((w) => w.process.pid), port: address.port },
          `listening with ${options.workers} server processes`,
        );
      }
    });
  };

  const stop = (code: number) => {
    exitCode = Math.max(exitCode, code);
    if (stopping) return;
    stopping = true;
    const left = running();
    if (left.length === 0) process.exit(exitCode);
    for (const worker of left) worker.process.kill('SIGTERM');
    setTimeout(() => {
      for (const worker of running()) worker.process.kill('SIGKILL');
    }, stopTimeoutMs).unref();
  };

  cluster.on('exit', (worker, code, signal) => {
    const about = { workerPid: worker.process.pid, code, signal };
    if (stopping) {
      if (running().length === 0) process.exit(exitCode);
      return;
    }
    if (!listened.has(worker.id)) {
      logger.error(about, 'a server process failed before it listened; stopping the others');
      stop(1);
      return;
    }
    const now = Date.now();
    restarts.push(now);
    while ((restarts[0] ?? now) < now - 60_000) restarts.shift();
    if (restarts.length > restartsPerMinute) {
      logger.error(about, `server processes stopped ${restarts.length} times within a minute; giving up`);
      stop(1);
      return;
    }
    logger.error(about, 'a server process stopped unexpectedly; starting another');
    fork();
  });

  process.once('SIGINT', () => stop(0));
  process.once('SIGTERM', () => stop(0));
  cluster.setupPrimary({ exec: options.exec });
  for (let i = 0; i < options.workers; i++) fork();
}
