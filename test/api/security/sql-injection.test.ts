import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { searchFaq } from '../../../src/core/faq/search-faq.js';
import type { PatientRecord } from '../../../src/core/records/index.js';
import { nameKey, nameTokens, phoneDigits } from '../../../src/storage/search-keys.js';
import {
  forEachApp,
  signInClient,
  testKnowledgeBase,
  testPassword,
  type TestClient,
} from '../../../src/test-support/test-app.js';
import { snapshotDatabase, tableNames } from './database-snapshot.js';
import { namesField, problemFields, withField } from './field-injection.js';
import { fieldKinds, fieldTargets, knownTextFields, type FieldTarget } from './text-field-targets.js';
import { openApiOperations, type Operation } from './openapi-operations.js';
import { sampleInjection, sampleWrites, type SampleWrite } from './sample-writes.js';
import { formatInjections, injections, nulInjection, slowMs, tagged } from './sql-injection-payloads.js';
import { containsString, isPatterned } from './string-fields.js';
import { rowCounts, rowIds } from './table-rows.js';
import { routeKey, signedInWriteRoutes } from './write-routes.js';

const dataDir = mkdtempSync(join(tmpdir(), 'mesodesk-sql-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

forEachApp(
  'SQL injection',
  (get) => {
    let targets: FieldTarget[];
    let unclassified: string[];
    let operations: Operation[];
    let tablesBefore: string[];
    let idsBefore: Map<string, Set<string>>;
    let countsBefore: Map<string, number>;
    const clients = new Map<string, TestClient>();
    const client = async (role: SampleWrite['role']) => {
      let found = clients.get(role);
      if (!found) clients.set(role, (found = await get().signIn(role)));
      return found;
    };

    beforeAll(async () => {
      const { app, db } = get();
      operations = await openApiOperations(app);
      const writeKeys = new Set(signedInWriteRoutes(app).map(routeKey));
      ({ targets, unclassified } = fieldTargets(operations, writeKeys, sampleWrites(get())));
      tablesBefore = await tableNames(db);
      idsBefore = await rowIds(db);
      countsBefore = await rowCounts(db);
    });

    /** Sends the sample with the field set to `value`; undefined when the sample has no such field. */
    async function send(target: FieldTarget, value: string) {
      if (!target.sample) throw new Error(`${target.key} has no sample`);
      const request = withField(await target.sample.make(), target.path, value);
      if (!request) return undefined;
      const started = performance.now();
      const response = await (await client(target.sample.role)).inject(sampleInjection(target.method, request));
      return { request, response, ms: performance.now() - started };
    }

    it('finds every string field of the write bodies, each classified, each route with a sample', () => {
      const found = targets.map((t) => `${t.key} ${t.path}`);
      for (const known of knownTextFields) expect(found).toContain(known);
      expect(targets.filter((t) => t.kind === 'text' || t.kind === 'secret').length).toBeGreaterThanOrEqual(
        knownTextFields.length,
      );
      expect(unclassified, 'string fields without a kind in fieldKinds').toEqual([]);
      expect(
        [...new Set(targets.filter((t) => !t.sample).map((t) => t.key))],
        'routes with string fields but no sample',
      ).toEqual([]);
      const paths = new Set(targets.map((t) => t.path));
      expect(
        Object.keys(fieldKinds).filter((path) => !paths.has(path)),
        'fieldKinds naming no field',
      ).toEqual([]);
    });

    /** Which of `values` are stored somewhere, as typed (also inside JSON kept as text). */
    async function notStored(values: readonly string[]): Promise<string[]> {
      if (values.length === 0) return [];
      const rows = [...(await snapshotDatabase(get().db)).values()].flat().map((row) => JSON.parse(row) as unknown);
      return values.filter((value) => !rows.some((row) => containsString(row, value)));
    }

    it('stores SQL typed into every text field verbatim, without a server error', async () => {
      const failures: string[] = [];
      const textTargets = targets.filter((t) => t.kind === 'text');
      expect(textTargets.length).toBeGreaterThan(0);
      let storedCount = 0;
      for (const target of textTargets) {
        const pending: string[] = [];
        for (const payload of injections) {
          const value = tagged(payload);
          const where = `${target.key} ${target.path} = ${JSON.stringify(value)}`;
          const sent = await send(target, value);
          if (!sent) {
            failures.push(`${target.key}: the sample has no ${target.path} to fill`);
            break;
          }
          const { response, ms } = sent;
          if (ms > slowMs) failures.push(`${where}: took ${Math.round(ms)} ms`);
          if (response.statusCode >= 300)
            failures.push(`${where}: ${response.statusCode} ${response.body.slice(0, 200)}`);
          else if (!target.sample?.stores) continue;
          else if (!containsString(response.json(), value))
            failures.push(`${where}: the answer does not carry the text verbatim`);
          else {
            pending.push(value);
            storedCount++;
          }
          // A change to one record (the clinic, say) is overwritten by the next: look for it at once.
          if (target.method === 'PATCH' || target.method === 'PUT')
            failures.push(
              ...(await notStored(pending.splice(0))).map(
                (v) => `${target.key} ${target.path} = ${JSON.stringify(v)}: not found in the database`,
              ),
            );
        }
        failures.push(
          ...(await notStored(pending)).map(
            (v) => `${target.key} ${target.path} = ${JSON.stringify(v)}: not found in the database`,
          ),
        );
      }
      expect(storedCount).toBeGreaterThan(0);
      expect(failures).toEqual([]);
    }, 300_000);

    it('keeps SQL typed as a password working as that password, and only as it', async () => {
      const secrets = targets.filter((t) => t.kind === 'secret');
      expect(secrets.map((t) => t.key)).toEqual(expect.arrayContaining(['POST /api/users', 'PATCH /api/users/:id']));
      const failures: string[] = [];
      for (const target of secrets) {
        for (const payload of injections) {
          // Passwords have a minimum length; the injection stays at the start.
          const password = tagged(payload).padEnd(10, '#');
          const sent = await send(target, password);
          if (!sent || sent.response.statusCode >= 300) {
            failures.push(
              `${target.key} ${password}: ${sent ? `${sent.response.statusCode} ${sent.response.body.slice(0, 200)}` : 'no password field'}`,
            );
            continue;
          }
          const { email } = sent.response.json() as { email: string };
          const login = (pw: string) =>
            get().app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: pw } });
          if ((await login(password)).statusCode !== 200)
            failures.push(`${target.key} ${password}: cannot sign in with it`);
          if ((await login(payload.replace('{tag}', ''))).statusCode !== 401)
            failures.push(`${target.key} ${password}: the bare injection signs in`);
        }
      }
      expect(failures).toEqual([]);
    }, 120_000);

    it('refuses NUL in every bounded text field with a 400 naming the field', async () => {
      const failures: string[] = [];
      let refused = 0;
      for (const target of targets.filter((t) => t.kind !== 'format')) {
        const value = tagged(nulInjection);
        const sent = await send(target, target.kind === 'secret' ? value.padEnd(10, '#') : value);
        if (!sent) continue;
        const { response } = sent;
        const where = `${target.key} ${target.path}: ${response.statusCode} ${response.body.slice(0, 200)}`;
        if (response.statusCode === 400 && namesField(response, target.path)) {
          refused++;
          continue;
        }
        // Text with a maximum length is a column of its own; a password is only hashed, and the
        // intake's free-form strings are kept inside its JSON document, where NUL is escaped.
        const bounded = target.kind === 'text' && target.schema.maxLength !== undefined;
        if (bounded || response.statusCode >= 300) failures.push(where);
        else if (target.kind === 'secret') {
          const { email } = response.json() as { email: string };
          const login = await get().app.inject({
            method: 'POST',
            url: '/api/auth/login',
            payload: { email, password: value.padEnd(10, '#') },
          });
          if (login.statusCode !== 200) failures.push(`${where}: stored, but cannot sign in with it`);
        } else if (target.sample?.stores && (await notStored([value])).length)
          failures.push(`${where}: taken, but not stored verbatim`);
      }
      expect(refused).toBeGreaterThan(10);
      expect(failures).toEqual([]);
    }, 120_000);

    it('answers SQL in fields with a format with a 400 naming the field, or takes it, never a server error', async () => {
      const failures: string[] = [];
      const formatTargets = targets.filter((t) => t.kind === 'format');
      expect(formatTargets.length).toBeGreaterThan(0);
      for (const target of formatTargets) {
        for (const payload of formatInjections) {
          const value = tagged(payload);
          const sent = await send(target, value);
          // Inside a list the sample left empty, or in the other branch of a union: nothing to fill.
          if (!sent) break;
          const { response, ms } = sent;
          const where = `${target.key} ${target.path} = ${JSON.stringify(value)}`;
          if (ms > slowMs) failures.push(`${where}: took ${Math.round(ms)} ms`);
          if (response.statusCode >= 500)
            failures.push(`${where}: ${response.statusCode} ${response.body.slice(0, 200)}`);
          else if (response.statusCode === 400 && !namesField(response, target.path))
            failures.push(`${where}: 400 names ${problemFields(response).join(', ') || 'no field'}`);
        }
      }
      expect(failures).toEqual([]);
    }, 300_000);

    it('turns SQL in the sign-in form away like any wrong password', async () => {
      const { app, fixture } = get();
      const attempts = [
        { email: "' OR 1=1 --", password: "' OR '1'='1" },
        { email: `${fixture.users.admin.email}' --`, password: 'anything at all' },
        { email: `${fixture.users.admin.email}'; --`, password: "' OR 1=1 --" },
        { email: fixture.users.admin.email, password: "' OR '1'='1' --" },
        { email: '" OR ""="', password: '" OR ""="' },
        { email: "admin@x.test' UNION SELECT * FROM users --", password: 'x' },
      ];
      for (const payload of attempts) {
        const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload });
        expect(response.statusCode, JSON.stringify(payload)).toBe(401);
        expect(response.cookies).toEqual([]);
      }
    });

    it('searches for SQL as for any text: only genuine matches, never a server error', async () => {
      const { app, createOtherClinic } = get();
      // A clinic of its own, whose patients the test knows, some with names that share words with the injections.
      const other = await createOtherClinic();
      const { repos } = get();
      for (const [firstName, lastName, phone] of [
        ['Orla', "O'Brien", '+49 30 1111'],
        ['Drop', 'Table', '0049 1 1 1'],
        ['Union', 'Select', null],
        ['Sam', 'Sleep-Weber', '+90 212 555 0101'],
        // Matches `' OR 1=1 --` word for word: the one patient that search may find.
        ['Oriana', '1st', null],
      ] as const)
        await repos.patients.create({
          clinicId: other.clinic.id,
          firstName,
          lastName,
          birthDate: '1980-05-05',
          sex: 'unknown',
          phone,
          email: null,
        });
      const reception = await signInClient(app, other.users.reception.email, testPassword);
      const admin = await signInClient(app, other.users.admin.email, testPassword);
      const all = (await repos.patients.search({
        clinicId: other.clinic.id,
        limit: 200,
        offset: 0,
      })) as PatientRecord[];
      expect(all.length).toBe(7);

      const byName = (query: string) => {
        const tokens = nameTokens(query);
        return all.filter((p) =>
          tokens.every((t) => ` ${nameKey(p.firstName)} ${nameKey(p.lastName)}`.includes(` ${t}`)),
        );
      };
      const byPhone = (query: string) => {
        const digits = phoneDigits(query);
        return all.filter((p) => !digits || (p.phone !== null && phoneDigits(p.phone).includes(digits)));
      };
      const ids = (patients: readonly { id: string }[]) => patients.map((p) => p.id).sort();

      /** What each free-text search parameter must answer; a new one needs its check here. */
      const searchChecks: Record<string, (value: string) => Promise<string | undefined>> = {
        'GET /api/patients name': async (value) => {
          const response = await reception.inject({
            method: 'GET',
            url: '/api/patients',
            query: { name: value, limit: '200' },
          });
          if (response.statusCode !== 200) return `${response.statusCode} ${response.body.slice(0, 200)}`;
          const got = ids(response.json().patients);
          const expected = ids(byName(value));
          return got.join() === expected.join() ? undefined : `found ${got.length}, expected ${expected.length}`;
        },
        'GET /api/patients phone': async (value) => {
          const response = await reception.inject({
            method: 'GET',
            url: '/api/patients',
            query: { phone: value, limit: '200' },
          });
          if (response.statusCode !== 200) return `${response.statusCode} ${response.body.slice(0, 200)}`;
          const got = ids(response.json().patients);
          const expected = ids(byPhone(value));
          return got.join() === expected.join() ? undefined : `found ${got.length}, expected ${expected.length}`;
        },
        'GET /api/audit entity': async (value) => {
          const response = await admin.inject({
            method: 'GET',
            url: '/api/audit',
            query: { entity: value, limit: '200' },
          });
          if (response.statusCode !== 200) return `${response.statusCode} ${response.body.slice(0, 200)}`;
          const entries = response.json().entries as { entity: string }[];
          return entries.every((e) => e.entity === value) ? undefined : `${entries.length} entries of other entities`;
        },
        'GET /api/faq q': async (value) => {
          const response = await reception.inject({ method: 'GET', url: '/api/faq', query: { q: value } });
          if (response.statusCode !== 200) return `${response.statusCode} ${response.body.slice(0, 200)}`;
          const got = (response.json().entries as { id: string }[]).map((e) => e.id);
          const expected = value.trim() ? searchFaq(testKnowledgeBase(), value.trim(), 5).map((m) => m.entry.id) : got;
          return got.join() === expected.join()
            ? undefined
            : `found ${got.join()}, the FAQ search finds ${expected.join()}`;
        },
      };

      // The searches themselves work: a genuine query finds its patient, an entity its entries.
      expect(await searchChecks['GET /api/patients name']?.('orla o')).toBeUndefined();
      expect(byName("' OR 1=1 --").map((p) => p.firstName)).toEqual(['Oriana']);
      expect(byPhone("' OR 1=1 --").length).toBe(2);
      expect(
        ids(
          (await reception.inject({ method: 'GET', url: '/api/patients', query: { name: "O'Brien" } })).json().patients,
        ),
      ).toEqual(ids(all.filter((p) => p.firstName === 'Orla')));
      expect(
        (await admin.inject({ method: 'GET', url: '/api/audit', query: { entity: 'patient' } })).json().entries.length,
      ).toBeGreaterThan(0);

      const textParams: string[] = [];
      const failures: string[] = [];
      for (const op of operations.filter((o) => o.method === 'GET')) {
        for (const param of op.query) {
          if (param.schema.type !== 'string' || param.schema.enum || isPatterned(param.schema)) continue;
          const key = `${routeKey(op)} ${param.name}`;
          const check = searchChecks[key];
          if (check) textParams.push(key);
          for (const payload of [...injections, nulInjection]) {
            const value = payload.replace('{tag}', '');
            const started = performance.now();
            if (check) {
              const problem = await check(value);
              // NUL may be refused instead, naming the parameter.
              const refusedNul =
                value.includes('\0') &&
                problem?.startsWith('400') === true &&
                problem.includes(`"field":"${param.name}"`);
              if (problem && !refusedNul) failures.push(`${key} = ${JSON.stringify(value)}: ${problem}`);
            } else {
              // Dates and times: refused by the validator, naming the parameter.
              const url = op.url.replace(/:[A-Za-z0-9_]+/g, (param) =>
                param === ':id' ? other.users.practitioner.id : 'x',
              );
              const response = await admin.inject({ method: 'GET', url, query: { [param.name]: value } });
              if (response.statusCode >= 500 || (response.statusCode === 400 && !namesField(response, param.name)))
                failures.push(
                  `${key} = ${JSON.stringify(value)}: ${response.statusCode} ${response.body.slice(0, 200)}`,
                );
            }
            if (performance.now() - started > slowMs)
              failures.push(`${key} = ${JSON.stringify(value)}: took ${Math.round(performance.now() - started)} ms`);
          }
        }
      }
      expect(textParams.sort()).toEqual(Object.keys(searchChecks).sort());
      expect(failures).toEqual([]);
    }, 120_000);

    // Last: after everything above was sent, nothing was dropped or deleted.
    it('leaves every table in place and every row that existed before', async () => {
      const { db } = get();
      expect(tablesBefore.length).toBeGreaterThan(10);
      expect(tablesBefore).toEqual(expect.arrayContaining(['patients', 'users', 'audit_log']));
      expect(await tableNames(db)).toEqual(tablesBefore);
      const idsAfter = await rowIds(db);
      const lost = [...idsBefore].flatMap(([table, ids]) =>
        [...ids].filter((id) => !idsAfter.get(table)?.has(id)).map((id) => `${table} ${id}`),
      );
      expect(idsBefore.get('patients')?.size).toBeGreaterThan(0);
      expect(lost).toEqual([]);
      // Tables without ids (search words, slot claims) have lost no rows either.
      const countsAfter = await rowCounts(db);
      const shrunk = [...countsBefore]
        .filter(([table, n]) => (countsAfter.get(table) ?? 0) < n)
        .map(([table, n]) => `${table}: ${n} → ${countsAfter.get(table)}`);
      expect(countsBefore.get('users')).toBeGreaterThan(0);
      expect(shrunk).toEqual([]);
    });
  },
  { config: { dataDir } },
);
