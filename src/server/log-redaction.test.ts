import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { argon2idHasher } from '../services/accounts/password-hasher.js';
import { createRepositories } from '../storage/repositories/repositories.js';
import { createClinicFixture } from '../test-support/clinic-fixture.js';
import { forEachEngine } from '../test-support/test-databases.js';
import { testAppConfig, testKnowledgeBase, testPassword, testPasswordHashing } from '../test-support/test-app.js';
import type { App } from './app-types.js';
import { buildApp } from './build-app.js';
import { loggerOptions } from './log-serializers.js';
import { csrfHeader } from './plugins/csrf.js';

/**
 * A server logging as main.ts does, over real HTTP: after a calendar app fetches a feed, the log
 * holds no feed token (issue 23: `GET /api/calendar-feeds/<secret>.ics` logged the full URL, and
 * anyone with the log could subscribe), no session cookie and no CSRF token.
 */
forEachEngine('the server log', (getDb) => {
  let app: App;
  let base: string;
  const lines: string[] = [];
  const log = () => lines.join('');

  beforeAll(async () => {
    const db = getDb();
    const passwordHash = await argon2idHasher(testPasswordHashing).hash(testPassword);
    await createClinicFixture(createRepositories(db), { tag: 'log', passwordHash });
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString('utf8'));
        done();
      },
    });
    app = await buildApp({
      db,
      knowledgeBase: testKnowledgeBase(),
      config: testAppConfig(),
      logger: pino(loggerOptions('info'), stream),
    });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    base = `http://127.0.0.1:${address.port}`;
  });
  afterAll(async () => {
    await app?.close();
  });

  it('keeps no calendar-feed secret, cookie or CSRF token', async () => {
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'patient@log.test', password: testPassword }),
    });
    expect(login.status).toBe(200);
    const session = login.headers.getSetCookie().map((c) => c.split(';')[0] ?? '');
    const csrf = await fetch(`${base}/api/auth/csrf`, { headers: { cookie: session.join('; ') } });
    const cookies = [...session, ...csrf.headers.getSetCookie().map((c) => c.split(';')[0] ?? '')].join('; ');
    const { token } = (await csrf.json()) as { token: string };
    const headers = { cookie: cookies, [csrfHeader]: token, authorization: 'Bearer not-used-but-secret' };

    const made = await fetch(`${base}/api/calendar-feed`, { method: 'POST', headers });
    expect(made.status).toBe(201);
    const { url } = (await made.json()) as { url: string };
    const secret = url.split('/').pop()?.replace('.ics', '') ?? '';
    expect(secret).toHaveLength(43);

    // A calendar app polling the address, and the address mangled in the ways clients do.
    expect((await fetch(`${base}${url}`)).status).toBe(200);
    expect((await fetch(`${base}${url}?refresh=${secret}`)).status).toBe(200);
    expect((await fetch(`${base}/api/calendar-feeds/${secret}x.ics`)).status).toBe(400);
    expect((await fetch(`${base}/api/calendar-feeds/${secret}`, { headers })).status).toBe(404);

    const text = log();
    expect(text).toContain('/api/calendar-feeds/[redacted].ics');
    expect(text).toContain('incoming request');
    const sessionValue = session[0]?.split('=')[1] ?? '';
    for (const kept of [secret, sessionValue, token, 'not-used-but-secret']) {
      expect(kept.length).toBeGreaterThan(8);
      expect(text, `the log holds ${kept}`).not.toContain(kept);
    }
  });
});
