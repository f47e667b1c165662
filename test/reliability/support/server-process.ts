import { spawn, type ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { childEnv } from './child-env.js';
import { freePort } from './free-port.js';
import { builtFile, repoRoot } from './repo-root.js';

/** Where a server keeps its data: a SQLite data folder, or a PostgreSQL database (photos still go to the folder). */
export interface ServerStore {
  dataDir: string;
  databaseUrl?: string;
}

export interface StartOptions {
  store: ServerStore;
  /** The first admin, created on an empty database. */
  admin?: { email: string; password: string };
  readyTimeoutMs?: number;
}

export interface ServerProcess {
  pid: number;
  baseUrl: string;
  /** What the server printed so far (the tail), for failure messages. */
  output(): string;
  /** SIGKILL: no shutdown code runs, as in a crash or an OOM kill. */
  kill(): Promise<void>;
  /** SIGTERM: the server's own clean shutdown; resolves with its exit code. */
  stop(): Promise<number | null>;
}

const outputLimit = 64 * 1024;

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

function exitOf(child: ChildProcess): Promise<Exit> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null)
      resolve({ code: child.exitCode, signal: child.signalCode });
    else child.once('exit', (code, signal) => resolve({ code, signal }));
  });
}

async function waitUntilReady(
  baseUrl: string,
  exited: Promise<Exit>,
  output: () => string,
  timeoutMs: number,
): Promise<Exit | undefined> {
  let exit: Exit | undefined;
  void exited.then((e) => (exit = e));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exit) return exit;
    try {
      const response = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(2000) });
      await response.arrayBuffer();
      if (response.ok) return undefined;
    } catch {
      // Not listening yet.
    }
    await sleep(50);
  }
  throw new Error(`the server did not answer /api/health within ${timeoutMs} ms; it printed:\n${output()}`);
}

async function spawnOnce(options: StartOptions, port: number): Promise<ServerProcess | { exit: Exit; output: string }> {
  const env = childEnv({
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    MESODESK_DATA_DIR: options.store.dataDir,
    DATABASE_URL: options.store.databaseUrl,
    MESODESK_ADMIN_EMAIL: options.admin?.email,
    MESODESK_ADMIN_PASSWORD: options.admin?.password,
  });
  const child = spawn(process.execPath, [builtFile('dist/server/main.js')], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let printed = '';
  const collect = (chunk: Buffer) => {
    printed = (printed + chunk.toString()).slice(-outputLimit);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = exitOf(child);
  const output = () => printed;
  const baseUrl = `http://127.0.0.1:${port}`;
  let exit: Exit | undefined;
  try {
    exit = await waitUntilReady(baseUrl, exited, output, options.readyTimeoutMs ?? 30_000);
  } catch (error) {
    child.kill('SIGKILL');
    await exited;
    throw error;
  }
  if (exit) return { exit, output: printed };
  const pid = child.pid;
  if (pid === undefined) throw new Error('the server process has no pid');
  return {
    pid,
    baseUrl,
    output,
    async kill() {
      child.kill('SIGKILL');
      // Waiting for 'exit' also reaps the process: a zombie would still look alive to the data-folder lock.
      await exited;
    },
    async stop() {
      child.kill('SIGTERM');
      return (await exited).code;
    },
  };
}

/**
 * Starts `node dist/server/main.js` on a free port and waits until /api/health answers. A port
 * taken between choosing and binding it is retried with another one.
 */
export async function startServer(options: StartOptions): Promise<ServerProcess> {
  let last = '';
  for (let attempt = 0; attempt < 3; attempt++) {
    const result = await spawnOnce(options, await freePort());
    if ('pid' in result) return result;
    last = result.output;
    if (!/EADDRINUSE/.test(result.output)) break;
  }
  throw new Error(`the server exited before it was ready; it printed:\n${last}`);
}
