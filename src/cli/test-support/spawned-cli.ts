import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The checkout, whose bin/mesodesk.js runs dist/ (`npm run build` first). */
export const checkout = fileURLToPath(new URL('../../../', import.meta.url));
export const binScript = join(checkout, 'bin', 'mesodesk.js');

export interface SpawnedRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * The environment a spawned command runs in: this process's, without a DATABASE_URL (so the SQLite
 * database of MESODESK_DATA_DIR is used), plus `env`.
 */
export function cliEnv(env: Record<string, string> = {}): NodeJS.ProcessEnv {
  const { DATABASE_URL: _ignored, ...rest } = process.env;
  return { ...rest, ...env };
}

/**
 * Runs `node bin/mesodesk.js ARGS` as a user does. `closeStdout`: the reader of standard output is
 * gone before the command writes anything (as `| head -1` is, once it has its line).
 */
export function runMesodesk(
  args: string[],
  options: { env?: Record<string, string>; cwd?: string; closeStdout?: boolean } = {},
): Promise<SpawnedRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [binScript, ...args], {
      cwd: options.cwd ?? checkout,
      env: cliEnv(options.env),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    if (options.closeStdout) child.stdout.destroy();
    else child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** A shell command line, run by bash with pipefail (a failing command in a pipe fails the line). */
export function runShell(
  line: string,
  options: { env?: Record<string, string>; cwd?: string } = {},
): Promise<SpawnedRun> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-o', 'pipefail', '-c', line], {
      cwd: options.cwd ?? checkout,
      env: cliEnv(options.env),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/**
 * A data folder holding a small generated clinic (`mesodesk seed-large --patients 20`), made by
 * the built CLI, for commands that read the clinic database.
 */
export async function seededDataDir(clinic = 'CLI test clinic'): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), 'mesodesk-cli-data-'));
  const run = await runMesodesk(
    ['seed-large', '--patients', '20', '--no-progress', '--clinic', clinic, '--password', 'cli-test-password'],
    { env: { MESODESK_DATA_DIR: dataDir } },
  );
  if (run.code !== 0) throw new Error(`seed-large failed (exit ${run.code}): ${run.stderr}`);
  return dataDir;
}
