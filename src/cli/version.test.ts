import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { captureIo } from '../test-support/capture-io.js';
import { runCli } from './run-cli.js';
import { checkout, runMesodesk } from './test-support/spawned-cli.js';

const version = (JSON.parse(readFileSync(`${checkout}package.json`, 'utf8')) as { version: string }).version;

describe('mesodesk --version', () => {
  it.each([['--version'], ['-V']])('%s prints the version of package.json and exits 0', async (flag) => {
    const io = captureIo();
    expect(await runCli([flag], io)).toBe(0);
    expect(io.stdout).toBe(`${version}\n`);
    expect(io.stderr).toBe('');
  });

  it('is in the help', async () => {
    const io = captureIo();
    await runCli(['--help'], io);
    expect(io.stdout).toMatch(/-V, --version\s+print the version of mesodesk/);
  });

  it('is what the built command prints (npm run build first)', async () => {
    const run = await runMesodesk(['--version']);
    expect(run).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });
});
