import { randomBytes } from 'node:crypto';
import { unpackJsonText } from '../packed-json.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assess } from '../../core/assessment/assess.js';
import { parseIntake } from '../../core/assessment/parse-intake.js';
import { buildApp } from '../../server/build-app.js';
import { argon2idHasher } from '../../services/accounts/password-hasher.js';
import { signInClient, testAppConfig, testKnowledgeBase, testPasswordHashing } from '../../test-support/test-app.js';
import { defaultTestPostgresUrl, testEngines } from '../../test-support/test-databases.js';
import { createDatabase, withDefaultUser, type Db, type Engine } from '../create-database.js';
import type { DatabaseConfig } from '../database-config.js';
import { createRepositories } from '../repositories/repositories.js';
import { seedLarge, SeedLargeError, type SeedLargeOptions, type SeedLargeResult } from './seed-large.js';

const password = 'large clinic password';
const now = new Date('2026-11-23T10:30:00.000Z');
const patients = 400;

/** An empty database to generate into, by engine: a temporary SQLite file or a new PostgreSQL database. */
async function emptyTarget(engine: Engine): Promise<{ config: DatabaseConfig; destroy(): Promise<void> }> {
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'mesodesk-seed-large-'));
    return {
      config: { engine, file: join(dir, 'mesodesk.sqlite') },
      destroy: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const admin = withDefaultUser(process.env.TEST_POSTGRES_URL || defaultTestPostgresUrl);
  const name = `mesodesk_test_${Math.floor(Date.now() / 1000)}_${randomBytes(6).toString('hex')}`;
  const run = async (statement: string) => {
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await run(`create database "${name}"`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    config: { engine, url: url.toString() },
    destroy: () => run(`drop database if exists "${name}" with (force)`),
  };
}

function openDb(config: DatabaseConfig): Db {
  return createDatabase(config);
}

const count = async (db: Db, query: string) =>
  Number((await sql<{ n: number }>`${sql.raw(query)}`.execute(db)).rows[0]?.n ?? 0);

describe.each(testEngines.map((e) => ({ engine: e.engine })))('seedLarge [$engine]', ({ engine }) => {
  let target: Awaited<ReturnType<typeof emptyTarget>>;
  let db: Db;
  let result: SeedLargeResult;
  let options: SeedLargeOptions;
  const progress: number[] = [];
  const phases: string[] = [];

  beforeAll(async () => {
    target = await emptyTarget(engine);
    options = {
      patients,
      clinicName: 'Large Test Clinic',
      knowledgeBase: testKnowledgeBase(),
      passwordHash: await argon2idHasher(testPasswordHashing).hash(password),
      now,
      batchSize: 150,
      onProgress: (done) => void progress.push(done),
      onPhase: (phase) => void phases.push(phase),
    };
    result = await seedLarge(target.config, options);
    db = openDb(target.config);
  });

  afterAll(async () => {
    await db?.destroy();
    await target?.destroy();
  });

  it('creates the patients and their clinical history, and reports what it wrote', async () => {
    expect(await count(db, `select count(*) as n from patients where clinic_id = '${result.clinicId}'`)).toBe(patients);
    // Staff accounts come with the organisation; the rows counted are patients' own.
    for (const [table, n] of Object.entries(result.rows))
      expect(
        await count(db, `select count(*) as n from ${table}${table === 'users' ? ` where role = 'patient'` : ''}`),
        table,
      ).toBe(n);
    // A realistic mix: most patients had a consultation, most of those a course with several sessions.
    expect(result.rows.intakes).toBeGreaterThan(patients * 0.5);
    expect(result.rows.assessments).toBe(result.rows.intakes);
    expect(result.rows.courses).toBeGreaterThan(patients * 0.3);
    expect(result.rows.treatment_sessions).toBeGreaterThan(result.rows.courses * 3);
    expect(result.rows.chart_entries).toBeGreaterThan(0);
    expect(result.rows.injection_points).toBeGreaterThanOrEqual(result.rows.chart_entries);
    expect(result.rows.outcomes).toBeGreaterThan(0);
    expect(result.rows.side_effect_reports).toBeGreaterThan(0);
    const verdicts = await sql<{ verdict: string }>`select distinct verdict from assessments`.execute(db);
    expect(verdicts.rows.map((r) => r.verdict).sort()).toEqual([
      'contraindicated',
      'defer',
      'eligible',
      'eligible_with_precautions',
    ]);
    const statuses = await sql<{ status: string }>`select distinct status from treatment_sessions`.execute(db);
    expect(statuses.rows.map((r) => r.status).sort()).toEqual(['cancelled', 'done', 'no_show', 'planned']);
    expect(progress[0]).toBe(0);
    expect(progress.at(-1)).toBe(patients);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(phases).toEqual(['rebuilding indexes', 'finishing']);
  });

  it('keeps every reference inside the clinic and consistent', async () => {
    const clinic = `'${result.clinicId}'`;
    /** Each query counts the records that break one rule; none may. */
    const broken: [rule: string, query: string][] = [
      [
        'course of an assessment of another patient',
        `select count(*) as n from courses c join assessments a on a.id = c.assessment_id where a.patient_id <> c.patient_id`,
      ],
      [
        'assessment of an intake of another patient',
        `select count(*) as n from assessments a join intakes i on i.id = a.intake_id where i.patient_id <> a.patient_id`,
      ],
      [
        'session with staff of another clinic',
        `select count(*) as n from treatment_sessions s join users u on u.id = s.practitioner_id where u.clinic_id <> ${clinic} or u.role <> 'practitioner'`,
      ],
      [
        'session in a room of another location',
        `select count(*) as n from treatment_sessions s join rooms r on r.id = s.room_id where r.location_id <> s.location_id`,
      ],
      [
        'lot of another product',
        `select count(*) as n from injection_points p join lots l on l.id = p.lot_id where l.product_id <> p.product_id`,
      ],
      [
        'chart of a session not done',
        `select count(*) as n from chart_entries e join treatment_sessions s on s.id = e.session_id where s.status <> 'done'`,
      ],
      [
        'planned session in the past',
        `select count(*) as n from treatment_sessions where status = 'planned' and scheduled_at < '${now.toISOString()}'`,
      ],
      [
        'done session in the future',
        `select count(*) as n from treatment_sessions where status = 'done' and scheduled_at > '${now.toISOString()}'`,
      ],
      ['record created in the future', `select count(*) as n from patients where created_at > '${now.toISOString()}'`],
      [
        'lot used after its recall',
        `select count(*) as n from injection_points p join lots l on l.id = p.lot_id join chart_entries e on e.id = p.chart_entry_id where l.recalled = 1 and e.created_at > l.recalled_at`,
      ],
      [
        'intake versions with gaps',
        `select count(*) as n from intakes i where i.version > 1 and not exists (select 1 from intakes j where j.patient_id = i.patient_id and j.version = i.version - 1)`,
      ],
      [
        'practitioner booked twice at once',
        `select count(*) as n from (select practitioner_id, scheduled_at from treatment_sessions where status <> 'cancelled' group by practitioner_id, scheduled_at having count(*) > 1) d`,
      ],
    ];
    for (const [rule, query] of broken) expect(await count(db, query), rule).toBe(0);
    if (engine === 'sqlite') expect((await sql`pragma foreign_key_check`.execute(db)).rows).toEqual([]);
  });

  it('stores intakes as the API would and assessments exactly as the clinical core makes them, packed', async () => {
    const rows = await sql<{
      data: string;
      result: string;
    }>`select i.data, a.result from intakes i join assessments a on a.intake_id = i.id`.execute(db);
    expect(rows.rows.length).toBe(result.rows.intakes);
    for (const row of rows.rows) {
      const parsed = parseIntake(JSON.parse(row.data));
      if (!parsed.ok) throw new Error(`stored intake does not parse: ${JSON.stringify(parsed.problems)}`);
      expect(parsed.value).toEqual(JSON.parse(row.data));
      expect(unpackJsonText(row.result)).toBe(JSON.stringify(assess(parsed.value, testKnowledgeBase())));
    }
  });

  it('rebuilds the indexes it set aside for the load', async () => {
    const indexes =
      engine === 'sqlite'
        ? `select count(*) as n from sqlite_master where type = 'index' and sql is not null`
        : `select count(*) as n from pg_indexes where schemaname = current_schema()`;
    const fresh = await emptyTarget(engine);
    const reference = openDb(fresh.config);
    try {
      const { migrateToLatest } = await import('../migrate.js');
      await migrateToLatest(reference);
      expect(await count(db, indexes)).toBe(await count(reference, indexes));
    } finally {
      await reference.destroy();
      await fresh.destroy();
    }
  });

  it('gives a clinic the server can use: sign-in, patient search, the schedule', async () => {
    const repos = createRepositories(db);
    const sample = await db
      .selectFrom('patients')
      .selectAll()
      .where('clinic_id', '=', result.clinicId)
      .orderBy('id')
      .offset(123)
      .limit(1)
      .executeTakeFirstOrThrow();
    const found = await repos.patients.search({
      clinicId: result.clinicId,
      name: `${sample.first_name} ${sample.last_name}`,
      limit: 200,
      offset: 0,
    });
    expect(found.map((p) => p.id)).toContain(sample.id);

    const app = await buildApp({ db, knowledgeBase: testKnowledgeBase(), config: testAppConfig() });
    try {
      const admin = result.logins.find((l) => l.role === 'admin');
      if (!admin) throw new Error('no admin login');
      const client = await signInClient(app, admin.email, password);
      const search = await client.inject({
        method: 'GET',
        url: `/api/patients?name=${encodeURIComponent(sample.last_name)}&limit=200`,
      });
      expect(search.statusCode).toBe(200);
      expect((search.json() as { patients: { lastName: string }[] }).patients.every((p) => p.lastName.length > 0)).toBe(
        true,
      );
      const fortnight = new Date(now.getTime() + 14 * 86_400_000).toISOString();
      const schedule = await client.inject({
        method: 'GET',
        url: `/api/sessions?from=${now.toISOString()}&to=${fortnight}&limit=200`,
      });
      expect(schedule.statusCode).toBe(200);
      expect((schedule.json() as { entries: unknown[] }).entries.length).toBeGreaterThan(0);
      const reception = result.logins.find((l) => l.role === 'reception');
      const practitioner = result.logins.find((l) => l.role === 'practitioner');
      expect(reception && practitioner).toBeTruthy();
      await signInClient(app, practitioner?.email ?? '', password);
    } finally {
      await app.close();
    }
  });

  it('refuses a second clinic of the same name, and adds one of another name beside it', async () => {
    await expect(seedLarge(target.config, { ...options, patients: 5 })).rejects.toBeInstanceOf(SeedLargeError);
    const second = await seedLarge(target.config, {
      ...options,
      clinicName: 'Second Clinic',
      patients: 30,
      onProgress: undefined,
      onPhase: undefined,
    });
    expect(await count(db, `select count(*) as n from patients where clinic_id = '${second.clinicId}'`)).toBe(30);
    expect(await count(db, `select count(*) as n from patients where clinic_id = '${result.clinicId}'`)).toBe(patients);
  });
});

describe('seedLarge determinism', () => {
  it('generates the same clinic from the same seed, name, size and time', async () => {
    const dump = async () => {
      const target = await emptyTarget('sqlite');
      try {
        await seedLarge(target.config, {
          patients: 60,
          clinicName: 'Same Clinic',
          knowledgeBase: testKnowledgeBase(),
          passwordHash: 'not-a-real-hash',
          now,
          seed: 7,
        });
        const db = openDb(target.config);
        try {
          const patientsRows = await db.selectFrom('patients').selectAll().orderBy('id').execute();
          const sessions = await db
            .selectFrom('treatment_sessions')
            .select(['id', 'scheduled_at', 'status'])
            .orderBy('id')
            .execute();
          return { patientsRows, sessions };
        } finally {
          await db.destroy();
        }
      } finally {
        await target.destroy();
      }
    };
    const [a, b] = [await dump(), await dump()];
    expect(a.patientsRows.map(({ clinic_id: _c, ...rest }) => rest)).toEqual(
      b.patientsRows.map(({ clinic_id: _c, ...rest }) => rest),
    );
    expect(a.sessions).toEqual(b.sessions);
  });

  it('rejects a size that is not a positive whole number', async () => {
    const target = await emptyTarget('sqlite');
    try {
      const base = { clinicName: 'X', knowledgeBase: testKnowledgeBase(), passwordHash: 'x' };
      await expect(seedLarge(target.config, { ...base, patients: 0 })).rejects.toThrow(/at least 1/);
      await expect(seedLarge(target.config, { ...base, patients: 2.5 })).rejects.toThrow(/whole number/);
    } finally {
      await target.destroy();
    }
  });
});
