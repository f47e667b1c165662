import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Role } from '../../../src/core/records/index.js';
import { forEachApp, testPassword } from '../../../src/test-support/test-app.js';
import { snapshotChanges, snapshotDatabase } from './database-snapshot.js';
import { openApiOperations } from './openapi-operations.js';
import { injectWith, ownCredentials, signInRaw, type Credentials, type RawSession } from './raw-session.js';
import { sampleInjection, sampleWrites, type SampleWrite } from './sample-writes.js';
import { callerRole, routeKey, signedInWriteRoutes, writeMethods, type WriteRoute } from './write-routes.js';

const dataDir = mkdtempSync(join(tmpdir(), 'mesodesk-csrf-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** Routes every version of the app has: the enumeration must find them, or it finds nothing real. */
const knownWrites = [
  'POST /api/patients',
  'PATCH /api/patients/:id',
  'DELETE /api/patients/:id',
  'PUT /api/sessions/:id/outcome',
  'POST /api/patients/:id/photos',
  'POST /api/auth/logout',
];

/** A token of the right shape that no session issued: the real one with its signature changed. */
function tampered(token: string): string {
  const last = token.at(-1) === 'A' ? 'B' : 'A';
  return `${token.slice(0, -1)}${last}`;
}

forEachApp(
  'CSRF attempts on every signed-in write route',
  (get) => {
    let routes: WriteRoute[];
    let samples: Record<string, SampleWrite>;

    beforeAll(() => {
      routes = signedInWriteRoutes(get().app);
      samples = sampleWrites(get());
    });

    const signIn = (role: Role): Promise<RawSession> =>
      signInRaw(get().app, get().fixture.users[role].email, testPassword);

    it('finds every signed-in write route, as registered and as documented, public ones (sign-in) excepted', async () => {
      const keys = routes.map(routeKey);
      expect(keys.length).toBeGreaterThanOrEqual(knownWrites.length);
      for (const known of knownWrites) expect(keys).toContain(known);
      expect(keys).not.toContain('POST /api/auth/login');
      // Public writes (sign-in, accepting an invitation) carry no session to forge.
      const publicWrites = new Set(
        get()
          .app.routeAccess.filter((r) => r.access === 'public')
          .map(routeKey),
      );
      expect(publicWrites).toContain('POST /api/auth/login');
      // The OpenAPI document is built from the same routes: whatever it lists as a write must be here too.
      const documented = (await openApiOperations(get().app))
        .filter((op) => (writeMethods as readonly string[]).includes(op.method) && !publicWrites.has(routeKey(op)))
        .map(routeKey);
      expect(documented.length).toBeGreaterThan(0);
      expect(documented.filter((k) => !keys.includes(k))).toEqual([]);
    });

    it('has a valid sample request for every one of them', () => {
      const keys = routes.map(routeKey);
      expect(
        keys.filter((k) => !samples[k]),
        'routes without a sample in security/sample-writes.ts',
      ).toEqual([]);
      expect(
        Object.keys(samples).filter((k) => !keys.includes(k)),
        'samples of no registered route',
      ).toEqual([]);
    });

    it('refuses every write without the session’s own token (403), changing nothing; the same request with it goes through', async () => {
      const { app, db } = get();
      const failures: string[] = [];
      for (const route of routes) {
        const key = routeKey(route);
        const sample = samples[key];
        const role = sample?.role ?? callerRole(route);
        // Fresh sessions each time: sign-out (and some writes) end the caller's session.
        const victim = await signIn(role);
        const attacker = await signIn(role === 'admin' ? 'practitioner' : 'admin');
        const request: InjectOptions = sample
          ? sampleInjection(route.method, await sample.make())
          : { method: route.method, url: route.url.replace(/:[A-Za-z0-9_]+/g, () => randomUUID()), payload: {} };

        const own = ownCredentials(victim);
        const attempts: [string, Credentials][] = [
          ['no token', { ...own, csrfToken: undefined }],
          ['an empty token', { ...own, csrfToken: '' }],
          ['a tampered token', { ...own, csrfToken: tampered(victim.csrfToken) }],
          ['a made-up token', { ...own, csrfToken: 'forged-token' }],
          ["another user's token", { ...own, csrfToken: attacker.csrfToken }],
          [
            "another user's token and secret cookie",
            { ...own, csrfSecret: attacker.csrfSecret, csrfToken: attacker.csrfToken },
          ],
          ['the token without its secret cookie', { ...own, csrfSecret: undefined }],
        ];

        const before = await snapshotDatabase(db);
        for (const [what, credentials] of attempts) {
          const response = await injectWith(app, credentials, request);
          const body = response.body.slice(0, 200);
          if (response.statusCode !== 403 || !body.includes('csrf_token_invalid'))
            failures.push(`${key} with ${what}: ${response.statusCode} ${body}`);
        }
        const changes = snapshotChanges(before, await snapshotDatabase(db));
        if (changes.length) failures.push(`${key}: refused attempts changed the database: ${changes.join('; ')}`);

        // The control: with the session's own token the very same request is not refused, so the
        // refusals above were the CSRF check's doing and the snapshot could have caught a write.
        if (!sample) continue;
        const allowed = await injectWith(app, own, request);
        if (sample.refusal) {
          // A route that only refuses meets its own refusal past the CSRF check, still changing nothing.
          const { status, error } = sample.refusal;
          if (allowed.statusCode !== status || !allowed.body.includes(`"${error}"`))
            failures.push(`${key} with the right token: ${allowed.statusCode} ${allowed.body.slice(0, 300)}`);
          const changed = snapshotChanges(before, await snapshotDatabase(db));
          if (changed.length) failures.push(`${key}: its refusal changed the database: ${changed.join('; ')}`);
        } else if (allowed.statusCode >= 300)
          failures.push(`${key} with the right token: ${allowed.statusCode} ${allowed.body.slice(0, 300)}`);
        else if (sample.stores && snapshotChanges(before, await snapshotDatabase(db)).length === 0)
          failures.push(`${key} with the right token changed nothing`);
      }
      expect(failures).toEqual([]);
    }, 240_000);
  },
  { config: { dataDir } },
);
