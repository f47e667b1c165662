import { chmodSync, mkdtempSync, readdirSync, rmSync, statSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { staleUploadMs, uploadFolder } from '../../src/server/uploads/stale-uploads.js';
import { sampleImages } from '../../src/server/uploads/test-support/sample-images.js';
import { filesUnder } from '../../src/server/uploads/test-support/stored-files.js';
import { testEngines } from '../../src/test-support/test-databases.js';
import { signIn, type HttpClient } from './support/http-client.js';
import { createPostgresDatabase, type PostgresDatabase } from './support/postgres-database.js';
import { startServer, type ServerProcess, type ServerStore } from './support/server-process.js';

/**
 * Issue 23: kill -9 during uploads left their temporary files in data/tmp/uploads, never cleaned;
 * and the database was readable by everyone (0644). The real server, killed mid-upload and started
 * again on the same data folder.
 */

const admin = { email: 'admin@uploads.example.org', password: 'upload-crash-password' };
const uploads = 4;

/** Starts an upload whose body never ends: its first part is written, the rest never comes. */
function stalledUpload(client: HttpClient, patientId: string): AbortController {
  const abort = new AbortController();
  const boundary = 'stalled';
  const head = Buffer.from(
    `--${boundary}\r\ncontent-disposition: form-data; name="kind"\r\n\r\nbefore\r\n` +
      `--${boundary}\r\ncontent-disposition: form-data; name="photo"; filename="a.jpg"\r\ncontent-type: image/jpeg\r\n\r\n`,
  );
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(head);
      controller.enqueue(sampleImages.jpeg);
      controller.enqueue(Buffer.alloc(256 * 1024, 1));
    },
  });
  fetch(`${client.baseUrl}/api/patients/${patientId}/photos`, {
    method: 'POST',
    headers: { ...client.writeHeaders(), 'content-type': `multipart/form-data; boundary=${boundary}` },
    body,
    duplex: 'half',
    signal: abort.signal,
  } as RequestInit).catch(() => undefined);
  return abort;
}

const mode = (path: string) => (statSync(path).mode & 0o777).toString(8);

describe.each(testEngines.map((e) => e.engine))('uploads cut off by a crash [%s]', (engine) => {
  let dir = '';
  let postgres: PostgresDatabase | undefined;
  let store: ServerStore;
  let server: ServerProcess | undefined;
  const pending: AbortController[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mesodesk-upload-crash-'));
    store = { dataDir: join(dir, 'data') };
    if (engine === 'postgres') {
      postgres = await createPostgresDatabase();
      store.databaseUrl = postgres.url;
    }
  });

  afterAll(async () => {
    for (const abort of pending) abort.abort();
    await server?.kill();
    await postgres?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('leave no temporary files once the server is up again, and the data folder is the owner’s', async () => {
    server = await startServer({ store, admin });
    const client = await signIn(server.baseUrl, admin.email, admin.password);
    const patient = await client.request('POST', '/api/patients', {
      firstName: 'Ulla',
      lastName: 'Upload',
      birthDate: '1985-05-05',
    });
    expect(patient.status).toBe(201);
    const patientId = (patient.body as { id: string }).id;

    for (let i = 0; i < uploads; i++) pending.push(stalledUpload(client, patientId));
    const folder = uploadFolder(store.dataDir);
    const waiting = () => filesUnder(folder);
    for (let i = 0; i < 200 && waiting().length < uploads; i++) await sleep(25);
    expect(waiting()).toHaveLength(uploads);

    await server.kill();
    for (const abort of pending.splice(0)) abort.abort();
    // What the crash left: half-received uploads, that no request will ever remove.
    expect(waiting()).toHaveLength(uploads);
    // And files readable by others, as an older version or a restore by hand left them.
    chmodSync(store.dataDir, 0o755);
    if (engine === 'sqlite') chmodSync(join(store.dataDir, 'mesodesk.sqlite'), 0o644);
    if (engine === 'postgres') {
      // Servers sharing the folder leave a young upload alone (it may be another's in flight): these
      // have gone unwritten for longer than any live upload does.
      const then = new Date(Date.now() - staleUploadMs - 60_000);
      for (const name of waiting()) utimesSync(join(folder, name), then, then);
    }

    server = await startServer({ store });
    expect(waiting()).toEqual([]);
    expect(mode(store.dataDir)).toBe('700');
    for (const name of readdirSync(store.dataDir).filter((n) => n.startsWith('mesodesk.sqlite')))
      expect([name, mode(join(store.dataDir, name))]).toEqual([name, '600']);

    // Uploads work as before.
    const again = await signIn(server.baseUrl, admin.email, admin.password);
    const form = new FormData();
    form.set('kind', 'after');
    form.set('photo', new Blob([sampleImages.jpeg], { type: 'image/jpeg' }), 'a.jpg');
    const uploaded = await fetch(`${server.baseUrl}/api/patients/${patientId}/photos`, {
      method: 'POST',
      headers: again.writeHeaders(),
      body: form,
    });
    expect(uploaded.status).toBe(201);
    expect(waiting()).toEqual([]);
  });
});
