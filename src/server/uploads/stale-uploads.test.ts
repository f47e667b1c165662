import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { forEachApp, testPassword } from '../../test-support/test-app.js';
import { sessionCookieName } from '../auth/session-tokens.js';
import { removeStaleUploads, staleUploadMs, startUploadSweeper, uploadFolder } from './stale-uploads.js';
import { sampleImages } from './test-support/sample-images.js';
import { filesUnder } from './test-support/stored-files.js';

/** Issue 23: kill -9 during 20 uploads left 19 files (76 MB) in data/tmp/uploads, never cleaned. */

const root = mkdtempSync(join(tmpdir(), 'mesodesk-stale-uploads-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let folders = 0;

const minute = 60_000;
/** A data folder whose upload folder holds a file last written `agesMs[name]` before `at`. */
function dataFolderWith(at: number, agesMs: Record<string, number>): string {
  const dataDir = join(root, `data-${++folders}`);
  mkdirSync(uploadFolder(dataDir), { recursive: true });
  for (const [name, age] of Object.entries(agesMs)) {
    const path = join(uploadFolder(dataDir), name);
    writeFileSync(path, 'half an upload');
    utimesSync(path, new Date(at - age), new Date(at - age));
  }
  return dataDir;
}

const quietLogger = () => {
  const lines: unknown[] = [];
  return {
    lines,
    logger: { info: (...args: unknown[]) => lines.push(args), warn: (...args: unknown[]) => lines.push(args) },
  };
};

describe('temporary uploads left behind', () => {
  it('removes the uploads last written before a moment, and no other', async () => {
    const at = Date.now();
    const dataDir = dataFolderWith(at, { old: 10 * minute, justBefore: 1000, after: -1000 });
    expect(await removeStaleUploads(dataDir, new Date(at))).toBe(2);
    expect(filesUnder(uploadFolder(dataDir))).toEqual(['after']);
    expect(await removeStaleUploads(join(root, 'never-made'), new Date(at))).toBe(0);
  });

  it('at the start of a server holding the folder alone, removes every upload older than the server', async () => {
    const at = Date.now();
    const dataDir = dataFolderWith(at, { killed1: 2000, killed2: 30 * 1000, killed3: 3 * 60 * minute });
    const { lines, logger } = quietLogger();
    const sweeper = await startUploadSweeper({ dataDir, exclusive: true, logger, now: () => new Date(at) });
    sweeper.stop();
    expect(filesUnder(uploadFolder(dataDir))).toEqual([]);
    expect(lines).toEqual([[{ uploads: 3 }, 'removed temporary uploads left behind']]);
  });

  it('where servers share the folder, removes at start only uploads left unwritten too long, the rest later', async () => {
    const at = Date.now();
    const dataDir = dataFolderWith(at, { abandoned: staleUploadMs + minute, maybeInFlight: minute });
    let clock = at;
    const { logger } = quietLogger();
    const sweeper = await startUploadSweeper({
      dataDir,
      exclusive: false,
      logger,
      now: () => new Date(clock),
      everyMs: 20,
    });
    try {
      expect(filesUnder(uploadFolder(dataDir))).toEqual(['maybeInFlight']);
      await sleep(100);
      expect(filesUnder(uploadFolder(dataDir))).toEqual(['maybeInFlight']);
      // A quarter of an hour on, nothing has written to it: no request is receiving it any more.
      clock = at + staleUploadMs;
      await sleep(100);
      expect(filesUnder(uploadFolder(dataDir))).toEqual([]);
    } finally {
      sweeper.stop();
    }
  });
});

const dataDir = join(root, 'app');
forEachApp(
  'an upload cut off by its client',
  (get) => {
    it('leaves no temporary file behind', async () => {
      const { app, fixture } = get();
      const login = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: fixture.users.practitioner.email, password: testPassword },
      });
      const session = login.cookies.find((c) => c.name === sessionCookieName)?.value ?? '';
      const csrf = await app.inject({
        method: 'GET',
        url: '/api/auth/csrf',
        cookies: { [sessionCookieName]: session },
      });
      const secret = csrf.cookies.find((c) => c.name === '_csrf')?.value ?? '';
      const address = await app.listen({ host: '127.0.0.1', port: 0 });
      const socket = connect(Number(new URL(address).port), '127.0.0.1');
      await new Promise((resolve) => socket.once('connect', resolve));
      const boundary = 'cutoff';
      socket.write(
        [
          `POST /api/patients/${fixture.patient.id}/photos HTTP/1.1`,
          'host: localhost',
          `cookie: ${sessionCookieName}=${session}; _csrf=${secret}`,
          `x-csrf-token: ${csrf.json().token}`,
          `content-type: multipart/form-data; boundary=${boundary}`,
          'content-length: 5000000',
          '',
          `--${boundary}\r\ncontent-disposition: form-data; name="kind"\r\n\r\nbefore\r\n--${boundary}`,
          'content-disposition: form-data; name="photo"; filename="a.jpg"',
          'content-type: image/jpeg',
          '',
          '',
        ].join('\r\n'),
      );
      socket.write(Buffer.concat([sampleImages.jpeg, Buffer.alloc(200_000, 1)]));
      const folder = uploadFolder(dataDir);
      for (let i = 0; i < 100 && filesUnder(folder).length === 0; i++) await sleep(20);
      expect(filesUnder(folder)).toHaveLength(1);
      socket.destroy();
      for (let i = 0; i < 100 && filesUnder(folder).length > 0; i++) await sleep(20);
      expect(filesUnder(folder)).toEqual([]);
      expect(filesUnder(join(dataDir, 'photos'))).toEqual([]);
    });
  },
  { config: { dataDir } },
);
