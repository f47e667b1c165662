import { randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { LightMyRequestResponse } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { roles, type Role } from '../storage/database-schema.js';
import { forEachApp, testKnowledgeBase, type TestApp, type TestClient } from '../test-support/test-app.js';
import { seedInteropCatalogue, seedInteropPatient } from '../services/documents/test-support/interop-records.js';
import type { AccessMatrixRow } from './test-support/access-matrix-row.js';
import { forbidden, unauthenticated } from './http-errors.js';
import type { RouteAccess } from './plugins/access-control.js';
import { docsPrefix } from './plugins/openapi.js';

/**
 * Every route × every caller, through the real role guard. The expected access lives beside each
 * route folder (`routes/<folder>/test-support/access-matrix.ts`, so it stays out of dist/), so a new
 * route without a row fails here. Rows may add the notes policy (`withheld`, `patientOwned`), checked
 * on a real charted and rated session of the fixture patient.
 */

type Caller = Role | 'anonymous';
const callers: readonly Caller[] = ['anonymous', ...roles];
const everyone: readonly Caller[] = callers;

interface SourcedRow extends AccessMatrixRow {
  /** Where the row was declared, for messages. */
  from: string;
}

/** Routes that plugins, not route folders, register (the docs page itself is skipped by prefix). */
const pluginRows: readonly SourcedRow[] = [
  { method: 'GET', url: '/api/openapi.json', allowed: everyone, from: 'plugins/openapi.ts' },
  // The web app's pages and assets: everything outside /api, public so that the sign-in page loads.
  { method: 'GET', url: '/*', allowed: everyone, from: 'web/web-app-plugin.ts' },
];

const serverDir = fileURLToPath(new URL('.', import.meta.url));
const routesDir = join(serverDir, 'routes');

async function loadRows(): Promise<SourcedRow[]> {
  const files = readdirSync(routesDir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.split(sep).at(-1) === 'access-matrix.ts')
    .sort();
  const rows: SourcedRow[] = [...pluginRows];
  for (const file of files) {
    const from = relative(serverDir, join(routesDir, file));
    const module = (await import(pathToFileURL(join(routesDir, file)).href)) as { accessMatrix?: unknown };
    if (!Array.isArray(module.accessMatrix)) throw new Error(`${from} does not export an accessMatrix array`);
    rows.push(...(module.accessMatrix as AccessMatrixRow[]).map((row) => ({ ...row, from })));
  }
  return rows;
}

const rows = await loadRows();
const key = (r: { method: string; url: string }) => `${r.method} ${r.url}`;

/** The routes the matrix must cover: not the docs page, and not the HEAD twins Fastify adds for GET routes. */
function registeredRoutes(table: readonly RouteAccess[]): RouteAccess[] {
  const gets = new Set(table.filter((r) => r.method === 'GET').map((r) => r.url));
  return table.filter((r) => !r.url.startsWith(docsPrefix) && !(r.method === 'HEAD' && gets.has(r.url)));
}

function declaredCallers(access: RouteAccess['access']): Caller[] {
  return access === 'public' ? [...everyone] : [...access.roles];
}

/** Any path parameter becomes an id that names nothing: allowed callers then meet 404 or 400, not the data. */
function concreteUrl(url: string): string {
  return url.replace(/:[A-Za-z0-9_]+/g, () => randomUUID()).replace(/\*$/, 'anything');
}

const guardForbidden = forbidden().body();
const guardUnauthenticated = unauthenticated().body();

/** Whether the role guard (not the handler) turned the request away. */
function stoppedByRoleGuard(response: LightMyRequestResponse): boolean {
  if (response.statusCode !== 401 && response.statusCode !== 403) return false;
  let body: { error?: string; message?: string };
  try {
    body = response.json();
  } catch {
    return false;
  }
  const expected = response.statusCode === 401 ? guardUnauthenticated : guardForbidden;
  return body.error === expected.error && body.message === expected.message;
}

forEachApp('authorization matrix', (get) => {
  const clients = new Map<Role, TestClient>();

  async function request(testApp: TestApp, row: AccessMatrixRow, caller: Caller): Promise<LightMyRequestResponse> {
    const options = {
      method: row.method,
      url: concreteUrl(row.url),
      ...(row.method === 'GET' || row.method === 'DELETE' ? {} : { payload: {} }),
    };
    if (caller === 'anonymous') return testApp.app.inject(options);
    // Sign-in routes may end the session they use (sign-out): those get a fresh one. The others are
    // called with ids that name nothing, so they cannot change the caller's own session.
    const fresh = row.url.startsWith('/api/auth/');
    let client = fresh ? undefined : clients.get(caller);
    if (!client) {
      client = await testApp.signIn(caller);
      if (!fresh) clients.set(caller, client);
    }
    return client.inject(options);
  }

  it('has exactly one row for every registered route, and no row without a route', () => {
    const registered = registeredRoutes(get().app.routeAccess);
    const registeredKeys = new Set(registered.map(key));
    const rowCount = new Map<string, string[]>();
    for (const row of rows) rowCount.set(key(row), [...(rowCount.get(key(row)) ?? []), row.from]);

    const withoutRow = registered.filter((r) => !rowCount.has(key(r))).map(key);
    const duplicated = [...rowCount]
      .filter(([, from]) => from.length > 1)
      .map(([k, from]) => `${k} (${from.join(', ')})`);
    const withoutRoute = rows.filter((r) => !registeredKeys.has(key(r))).map((r) => `${key(r)} (${r.from})`);
    expect(withoutRow, 'routes without a row in any routes/*/test-support/access-matrix.ts').toEqual([]);
    expect(duplicated, 'routes with more than one row').toEqual([]);
    expect(withoutRoute, 'rows naming no registered route').toEqual([]);
  });

  it('matches what each route declares', () => {
    const declared = new Map(registeredRoutes(get().app.routeAccess).map((r) => [key(r), declaredCallers(r.access)]));
    const mismatches = rows
      .filter((row) => declared.has(key(row)))
      .filter((row) => [...row.allowed].sort().join() !== [...(declared.get(key(row)) ?? [])].sort().join())
      .map(
        (row) =>
          `${key(row)}: row allows [${row.allowed.join(', ')}], route declares [${declared.get(key(row))?.join(', ')}] (${row.from})`,
      );
    expect(mismatches).toEqual([]);
  });

  for (const row of rows) {
    it(`${key(row)}: only ${row.allowed.join(', ')} get past the role guard`, async () => {
      for (const caller of callers) {
        const response = await request(get(), row, caller);
        const what = `${caller} → ${key(row)}: ${response.statusCode} ${response.body.slice(0, 200)}`;
        expect(response.statusCode, what).toBeLessThan(500);
        if (row.allowed.includes(caller)) {
          expect(stoppedByRoleGuard(response), what).toBe(false);
        } else {
          expect(stoppedByRoleGuard(response), what).toBe(true);
          expect(response.statusCode, what).toBe(caller === 'anonymous' ? 401 : 403);
        }
      }
    });
  }

  describe('the notes policy', () => {
    const sample = { session: '', patient: '' };
    const client = async (role: Role) => {
      const known = clients.get(role) ?? (await get().signIn(role));
      clients.set(role, known);
      return known;
    };
    const sampleUrl = (row: AccessMatrixRow, id: 'session' | 'patient') => row.url.replace(':id', sample[id]);

    beforeAll(async () => {
      const { repos, fixture } = get();
      const practitionerId = fixture.users.practitioner.id;
      const catalogue = await seedInteropCatalogue(repos, fixture.clinic.id);
      const records = await seedInteropPatient(repos, testKnowledgeBase(), catalogue, fixture.patient, practitionerId);
      const chart = await repos.charts.findBySession(records.doneSession.id);
      if (!chart) throw new Error('the sample session has no chart');
      await repos.charts.addAddendum({ chartEntryId: chart.id, text: 'Seen again: fine.', createdBy: practitionerId });
      Object.assign(sample, { session: records.doneSession.id, patient: fixture.patient.id });
    });

    /** The values of `field` in an answer: `outcomes[].notes` gives each item's (or none when the list is empty). */
    function valuesOf(body: Record<string, unknown>, field: string): { present: boolean; value: unknown }[] {
      const [list, inItem] = field.split('[].');
      if (inItem === undefined) return [{ present: Object.hasOwn(body, field), value: body[field] }];
      const items = body[list ?? ''];
      if (!Array.isArray(items)) throw new Error(`the answer has no list ${list}`);
      return items.map((item: Record<string, unknown>) => ({
        present: Object.hasOwn(item, inItem),
        value: item[inItem],
      }));
    }

    for (const row of rows.filter((r) => r.withheld)) {
      const policy = row.withheld!;
      it(`${key(row)}: ${policy.fields.join(', ')} withheld from ${policy.from.join(', ')}`, async () => {
        for (const role of row.allowed.filter((c): c is Role => c !== 'anonymous')) {
          const response = await (await client(role)).inject({ method: row.method, url: sampleUrl(row, policy.id) });
          expect(response.statusCode, `${role}: ${response.body.slice(0, 200)}`).toBe(200);
          const withheld = policy.from.includes(role);
          for (const field of policy.fields) {
            const values = valuesOf(response.json(), field);
            expect(values.length, `${role} → ${field}: an empty list proves nothing`).toBeGreaterThan(0);
            for (const { present, value } of values)
              if (withheld) expect(present, `${role} must not get ${field}`).toBe(false);
              else expect(value, `${role} must get ${field}`).toSatisfy((v) => (Array.isArray(v) ? v.length > 0 : !!v));
          }
        }
      });
    }

    for (const row of rows.filter((r) => r.patientOwned)) {
      const policy = row.patientOwned!;
      it(`${key(row)}: ${policy.field} once given by the patient is refused to ${policy.refused.join(', ')}`, async () => {
        const url = sampleUrl(row, policy.id);
        const send = async (role: Role, value: unknown) =>
          (await client(role)).inject({ method: row.method, url, payload: { [policy.field]: value } });
        const given = await send('patient', 9);
        expect(given.statusCode, given.body).toBe(200);
        for (const role of policy.refused) {
          const refused = await send(role, policy.value);
          expect(refused.statusCode, `${role}: ${refused.body}`).toBe(409);
          expect(refused.json().problems, role).toEqual([{ field: policy.field, message: expect.any(String) }]);
        }
        const changed = await send('patient', policy.value);
        expect([changed.statusCode, changed.json()[policy.field]]).toEqual([200, policy.value]);
      });
    }
  });
});
