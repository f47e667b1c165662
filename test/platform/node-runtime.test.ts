import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * mesodesk runs on Node 24 LTS, which the `node` dependency installs under node_modules/.bin and npm
 * puts first on the PATH of every npm script, whatever the machine's own Node is.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'mesodesk-runtime-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** Runs `npm start` until the server logs its start line, and returns the Node version it names. */
function nodeVersionOfNpmStart(): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['start', '--silent'], {
      cwd: root,
      env: { ...process.env, PORT: '0', MESODESK_DATA_DIR: dataDir, LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let output = '';
    const stop = () => {
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {
        // already gone
      }
    };
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`npm start logged no start line in time:\n${output}`));
    }, 60_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split('\n').find((l) => l.includes('"msg":"starting"'));
      if (!line) return;
      clearTimeout(timer);
      stop();
      resolve((JSON.parse(line) as { node: string }).node);
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.on('error', reject);
  });
}

describe('the runtime', () => {
  it('is Node 24 inside npm test', () => {
    expect(process.version).toMatch(/^v24\./);
  });

  it('is Node 24 for npm start', { timeout: 90_000 }, async () => {
    expect(await nodeVersionOfNpmStart()).toMatch(/^v24\./);
  });
});
