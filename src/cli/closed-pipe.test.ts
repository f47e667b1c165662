import { rmSync } from 'node:fs';
import { PassThrough, Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureIo } from '../test-support/capture-io.js';
import { exportCsvCommand } from './commands/export-command.js';
import { runMesodesk, runShell, seededDataDir } from './test-support/spawned-cli.js';

/**
 * `mesodesk … | head -1`: once the reader of standard output has gone, the command ends quietly
 * with exit 0, with no EPIPE and no stack trace on standard error. The spawned runs need the built
 * CLI (npm run build first).
 */
let dataDir: string;
beforeAll(async () => {
  dataDir = await seededDataDir();
}, 120_000);
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('a closed pipe on standard output', () => {
  // Each writes more than a pipe holds, or writes after the reader has gone: the reader is closed before the command starts.
  it.each([
    [['export', 'csv', 'sessions']],
    [['export', 'fhir']],
    [['kb', 'show', 'contraindications']],
    [['faq', 'pain']],
    [['assess', 'examples/contract-request.json']],
    [['--help']],
    [['--version']],
  ])(
    'mesodesk %j ends with exit 0 and nothing on standard error',
    async (args) => {
      const run = await runMesodesk(args, { env: { MESODESK_DATA_DIR: dataDir }, closeStdout: true });
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
    },
    60_000,
  );

  it.each([
    ['mesodesk export csv sessions | head -1', /^.?session_id,patient_id,/],
    ['mesodesk kb show contraindications | head -1', /^contraindications:\n$/],
    ['mesodesk faq pain | head -c 10', /^Q: /],
  ])(
    '%s: exit 0 (pipefail), the first output, and nothing on standard error',
    async (line, firstOutput) => {
      const run = await runShell(line.replace(/^mesodesk/, `"${process.execPath}" bin/mesodesk.js`), {
        env: { MESODESK_DATA_DIR: dataDir },
      });
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(firstOutput);
    },
    60_000,
  );

  /** Standard output whose every write fails with the error `code`, counting the writes. */
  const failingOutput = (code: string, message: string) => {
    const output = {
      writes: 0,
      stream: new Writable({
        write(_chunk, _encoding, done) {
          output.writes += 1;
          done(Object.assign(new Error(message), { code, syscall: 'write' }));
        },
      }),
    };
    return output;
  };
  const exportSessions = (io: ReturnType<typeof captureIo>, stdout: Writable) =>
    exportCsvCommand('sessions', {}, io, { MESODESK_DATA_DIR: dataDir }, { stdout, stderr: new PassThrough() });

  it('a record command stops at the closed pipe, and exits 0 without a word', async () => {
    const closed = failingOutput('EPIPE', 'write EPIPE');
    const io = captureIo();
    expect(await exportSessions(io, closed.stream)).toBe(0);
    expect(io.stderr).toBe('');
    expect(closed.writes).toBe(1);
  });

  it('another failure to write standard output is still a failure', async () => {
    const io = captureIo();
    expect(await exportSessions(io, failingOutput('EIO', 'EIO: i/o error, write').stream)).toBe(1);
    expect(io.stderr).toMatch(/^mesodesk: /);
    expect(io.stderr).not.toMatch(/\bEIO\b/);
  });
});
