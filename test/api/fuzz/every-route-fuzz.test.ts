import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Role } from '../../../src/storage/database-schema.js';
import { forEachApp, type TestApp, type TestClient } from '../../../src/test-support/test-app.js';
import { defaultLoginLimits } from '../../../src/services/accounts/login-limits.js';
import { apiRoutes, patientMayCall, type ApiRoute } from './api-routes.js';
import { discoverRoutes } from './discover-routes.js';
import { createFuzzRecords, type FuzzRecords } from './fuzz-records.js';
import {
  baseRequest,
  brokenField,
  hostileBody,
  hostilePath,
  hostileQuery,
  type HostileRequest,
} from './hostile-requests.js';
import { problemsOf } from './named-fields.js';
import { RouteFuzzer } from './route-fuzzer.js';

/**
 * Every API route, found in the app itself, gets hostile input: its valid body with one field
 * broken, wholly hostile bodies, hostile query strings and hostile path parameters, as admin and,
 * where the route lets patients in, as the patient. No answer may be a 5xx, a 400 must name the
 * field, and a 4xx must leave the database as it was (see route-fuzzer.ts).
 *
 * FUZZ_RUNS raises the number of requests of each kind per route and role (default 4).
 */
const runs = Number(process.env.FUZZ_RUNS) > 0 ? Number(process.env.FUZZ_RUNS) : 4;
const routes = await discoverRoutes();

const dataDir = mkdtempSync(join(tmpdir(), 'mesodesk-fuzz-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const unlimitedSignIns = {
  ...defaultLoginLimits,
  accountFreeFailures: 1_000_000,
  lockoutFailures: 1_000_000,
  addressFreeFailures: 1_000_000,
};

/** Its session ends the caller's: each request signs in afresh. */
const logout = 'POST /api/auth/logout';
/**
 * A hostile new password can be a valid one, and then it is set: the routes after this one sign in
 * afresh (sign-out) with the fixture's password, which is put back once this route is done.
 */
const passwordChange = 'POST /api/auth/password';
/** Erasing the patient would leave every later route without its records: it goes last. */
const erasePatient = 'DELETE /api/patients/:id';

/** Reads first, then writes with bodies, then writes without (cancel, recall, ...), then deletions. */
function phase(route: ApiRoute): number {
  if (route.key === erasePatient) return 4;
  if (route.method === 'DELETE') return 3;
  if (route.method === 'GET' || route.method === 'HEAD') return 0;
  return route.body ? 1 : 2;
}
const ordered = [...routes].sort((a, b) => phase(a) - phase(b));

/** The fixture users' password hashes as they are now, and a function putting them back. */
async function keepPasswords(test: TestApp): Promise<() => Promise<void>> {
  const users = Object.values(test.fixture.users);
  const kept = await Promise.all(users.map((u) => test.repos.users.findCredentials(u.email)));
  return async () => {
    for (const credentials of kept)
      if (credentials) await test.repos.users.update(credentials.user.id, { passwordHash: credentials.passwordHash });
  };
}

forEachApp(
  'every API route takes hostile input without a server error, names the field and changes nothing',
  (get) => {
    let records: FuzzRecords;
    let fuzzer: RouteFuzzer;
    const clients = new Map<Role, TestClient>();

    beforeAll(async () => {
      const test = get();
      clients.set('admin', await test.signIn('admin'));
      clients.set('patient', await test.signIn('patient'));
      records = await createFuzzRecords(test, clients.get('admin') as TestClient);
      fuzzer = new RouteFuzzer(test.db, dataDir);
    }, 120_000);

    it('finds every API route in the app itself', () => {
      const keys = routes.map((r) => r.key);
      expect(keys).toEqual(
        expect.arrayContaining([
          'POST /api/auth/login',
          'POST /api/assessments',
          'GET /api/patients/:id',
          'DELETE /api/patients/:id',
          'POST /api/sessions/:id/chart',
          'PUT /api/sessions/:id/outcome',
          'POST /api/patients/:id/photos',
          'PUT /api/locations/:id/practitioners/:practitionerId/hours',
          'GET /api/reports/:table.csv',
          'POST /api/fhir/import',
        ]),
      );
      expect(keys.length).toBeGreaterThan(90);
      expect(keys.length).toBeLessThan(300);
      expect(new Set(keys).size).toBe(keys.length);
      // The app under test has the same routes as the one they were read from.
      expect(
        apiRoutes(get().app, { paths: {} })
          .map((r) => r.key)
          .sort(),
      ).toEqual([...keys].sort());
      // Bodies are made from the OpenAPI document: a route missing there would get no valid body.
      const undocumented = routes.filter(
        (r) => !r.documented && !r.url.startsWith('/api/docs') && r.url !== '/api/openapi.json',
      );
      expect(undocumented.map((r) => r.key)).toEqual([]);
    });

    for (const route of ordered) {
      it(
        route.key,
        async () => {
          const restorePasswords = route.key === passwordChange ? await keepPasswords(get()) : undefined;
          try {
            await fuzzRoute(route);
          } finally {
            await restorePasswords?.();
          }
        },
        120_000,
      );
    }

    async function fuzzRoute(route: ApiRoute): Promise<void> {
      const pathValues = Object.fromEntries(route.pathParams.map((param) => [param, records.pathValue(route, param)]));
      // A route only patients may call (their own portal) is fuzzed as the patient alone.
      const patientOnly = route.access !== 'public' && !route.access.roles.includes('admin');
      const roles: Role[] = patientOnly
        ? ['patient']
        : ['admin', ...(patientMayCall(route) ? (['patient'] as const) : [])];
      for (const role of roles) {
        const client = async (): Promise<TestClient> => {
          if (route.key !== logout) return clients.get(role) as TestClient;
          const fresh = await get().signIn(role);
          fuzzer.forgetSnapshot();
          return fresh;
        };
        const send = async (request: HostileRequest, refusedBase?: ReadonlySet<string>) =>
          fuzzer.send(await client(), route, pathValues, request, refusedBase);
        const property = (requests: fc.Arbitrary<HostileRequest>, refusedBase?: ReadonlySet<string>) =>
          fc.assert(
            fc.asyncProperty(requests, async (request) => {
              await send(request, refusedBase);
            }),
            { numRuns: runs },
          );

        let valid: HostileRequest | undefined;
        let refusedBase = new Set<string>();
        if (route.body) {
          const base = await records.baseBody(route, role);
          valid = baseRequest(route, base);
          const answer = await send(valid);
          if (answer.statusCode === 400) refusedBase = new Set(problemsOf(answer).map((p) => p.field));
          // Admin may do anything (and the patient all of their portal): a body refused for the first
          // caller would keep the broken fields from reaching the handler.
          if (role === roles[0])
            expect(
              answer.statusCode,
              `the valid body of ${route.key} is refused (${answer.body.slice(0, 300)}): give it hints or a body in fuzz-records.ts`,
            ).toBeLessThan(300);
          await property(brokenField(route, base), refusedBase);
        }
        if (route.method !== 'GET' && route.method !== 'HEAD') await property(hostileBody(route));
        await property(hostileQuery(route, valid), refusedBase);
        if (route.pathParams.length) await property(hostilePath(route, valid), refusedBase);
      }
    }
  },
  // Hostile passwords are wrong ones, sent as the same two users over and over: with the sign-in
  // limits in force they would lock them out (the limits have tests of their own).
  { config: { dataDir, loginLimits: unlimitedSignIns } },
);
