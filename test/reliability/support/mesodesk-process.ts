import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { childEnv } from './child-env.js';
import { builtFile, repoRoot } from './repo-root.js';

/**
 * One `npm start` as an operator runs it: `node dist/server/main.js` with the given environment, its
 * log kept whole and parsed (the server logs one JSON object a line). MESODESK_DIST names another
 * build folder at the top of the checkout, for a run while `dist/` is in use.
 */
export interface MesodeskProcess {
  pid: number;
  baseUrl: string;
  /** Every JSON log line printed so far, by every process of it (a cluster's workers too). */
  logs(): LogLine[];
  /** Everything printed, for failure messages. */
  output(): string;
  /** Resolves once a log line matches, or fails after `timeoutMs` with what was printed. */
  waitForLog(match: (line: LogLine) => boolean, timeoutMs?: number): Promise<LogLine>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGTERM, and the exit code once the process (with its cluster workers) ended. */
  stop(): Promise<number | null>;
  /** SIGKILL: no shutdown code runs. */
  kill(): Promise<void>;
}

export interface LogLine {
  pid: number;
  msg?: string;
  [key: string]: unknown;
}

const buildFolder = process.env.MESODESK_DIST ?? 'dist';

export function serverMainFile(): string {
  return builtFile(join(buildFolder, 'server/main.js'));
}

/** Spawns the server; `ready` waits until /api/health answers (false: it is expected to fail at start). */
export async function spawnMesodesk(options: {
  env: Record<string, string | undefined>;
  port: number;
  ready?: boolean;
  readyTimeoutMs?: number;
}): Promise<MesodeskProcess> {
  const child: ChildProcess = spawn(process.execPath, [serverMainFile()], {
    cwd: repoRoot,
    env: childEnv({ HOST: '127.0.0.1', PORT: String(options.port), LOG_LEVEL: 'info', ...options.env }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let printed = '';
  let partial = '';
  const lines: LogLine[] = [];
  child.stdout?.on('data', (chunk: Buffer) => {
    const text = chunk.toString();
    printed += text;
    const parts = (partial + text).split('\n');
    partial = parts.pop() ?? '';
    for (const part of parts) {
      if (!part.startsWith('{')) continue;
      try {
        lines.push(JSON.parse(part) as LogLine);
      } catch {
        // Not a log line.
      }
    }
  });
  child.stderr?.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  let done = false;
  void exited.then(() => (done = true));
  const pid = child.pid ?? 0;
  const baseUrl = `http://127.0.0.1:${options.port}`;
  const handle: MesodeskProcess = {
    pid,
    baseUrl,
    logs: () => [...lines],
    output: () => printed,
    async waitForLog(match, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = lines.find(match);
        if (found) return found;
        if (Date.now() > deadline || done)
          throw new Error(`no such log line within ${timeoutMs} ms; the server printed:\n${printed.slice(-8000)}`);
        await sleep(50);
      }
    },
    exited,
    async stop() {
      if (!done) child.kill('SIGTERM');
      return (await exited).code;
    },
    async kill() {
      if (!done) child.kill('SIGKILL');
      await exited;
    },
  };
  if (options.ready === false) return handle;
  const deadline = Date.now() + (options.readyTimeoutMs ?? 60_000);
  while (Date.now() < deadline && !done) {
    try {
      const response = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(2000) });
      await response.arrayBuffer();
      if (response.ok) return handle;
    } catch {
      // Not listening yet.
    }
    await sleep(100);
  }
  await handle.kill();
  throw new Error(`the server did not become ready; it printed:\n${printed.slice(-8000)}`);
}
