// The large clinic the API benchmark runs against, generated with `mesodesk seed-large`'s code.
// Generated once and reused: SQLite into bench/.data/, PostgreSQL into a template database each run copies.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { processIo } from '../../dist/cli/cli-io.js';
import { seedLargeCommand } from '../../dist/cli/commands/seed-large-command.js';
import { emailDomainOf } from '../../dist/storage/seed-large/seed-large.js';
import { cachedDatabaseMeta, databaseUrl, saveDatabaseMeta, withPgClient } from './postgres.js';

/** Bump when the generator changes what it writes, so cached databases are regenerated. */
const FORMAT = 4;
export const CLINIC_NAME = 'Benchmark Clinic';
const PASSWORD = 'benchmark password, synthetic data only';

/**
 * Practitioners per location unless a benchmark asks otherwise: the calendar's 20-practitioner week.
 * Every large-clinic benchmark shares this layout, so one generated clinic per engine serves them all.
 */
const DEFAULT_PER_LOCATION = 20;
/** The cache name's suffix: the layout it was generated with. */
const layoutSuffix = (perLocation) => `-ppl${perLocation}`;

async function generate(patients, env, perLocation) {
  const now = new Date();
  const started = performance.now();
  const code = await seedLargeCommand(
    {
      patients: String(patients),
      clinic: CLINIC_NAME,
      password: PASSWORD,
      seed: '1',
      practitionersPerLocation: String(perLocation),
    },
    processIo,
    env,
    { now },
  );
  if (code !== 0) throw new Error(`seed-large failed with exit code ${code}`);
  const domain = emailDomainOf(CLINIC_NAME);
  return {
    format: FORMAT,
    patients,
    practitionersPerLocation: perLocation,
    now: now.toISOString(),
    generatedSeconds: (performance.now() - started) / 1000,
    password: PASSWORD,
    logins: { admin: `admin@${domain}`, practitioner: `practitioner-1@${domain}`, reception: `reception-1@${domain}` },
  };
}

/**
 * The cached SQLite data folder with `patients` patients, generated first if missing;
 * `practitionersPerLocation` (default 20) sets how many practitioners share a location.
 */
export async function sqliteClinic(patients, cacheDir, { practitionersPerLocation = DEFAULT_PER_LOCATION } = {}) {
  const dataDir = join(cacheDir, `sqlite-${patients}${layoutSuffix(practitionersPerLocation)}`);
  const metaFile = join(dataDir, 'clinic.json');
  if (existsSync(metaFile)) {
    const meta = JSON.parse(readFileSync(metaFile, 'utf8'));
    if (meta.format === FORMAT && meta.patients === patients) {
      const env = { MESODESK_DATA_DIR: dataDir };
      return { env, meta, reused: true, settled: await settleClinic(env) };
    }
  }
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const meta = await generate(patients, { MESODESK_DATA_DIR: dataDir }, practitionersPerLocation);
  // Written last: a generation cut short is not taken for a complete one next time.
  writeFileSync(metaFile, `${JSON.stringify(meta, null, 2)}\n`);
  const env = { MESODESK_DATA_DIR: dataDir };
  return { env, meta, reused: false, settled: await settleClinic(env) };
}

/**
 * The PostgreSQL clinic with `patients` patients, as a fresh database for this run (`drop()` removes
 * it). Generated once into a template database, `mesodesk_bench_cache_<patients>`, whose comment holds
 * the generation's details (written last, so a cut-short generation is not reused); each run gets a
 * copy (CREATE DATABASE ... TEMPLATE, a file copy), so a run's writes never reach the cache.
 * BENCH_POSTGRES_CACHE=0 generates straight into the run's database instead. `readOnly` hands out the
 * template itself, for a run that writes nothing.
 */
export async function postgresClinic(
  patients,
  adminUrl,
  { practitionersPerLocation = DEFAULT_PER_LOCATION, readOnly = false } = {},
) {
  const name = `mesodesk_bench_${Date.now()}`;
  const drop = () => withPgClient(adminUrl, (client) => client.query(`drop database if exists "${name}" with (force)`));
  if (process.env.BENCH_POSTGRES_CACHE === '0') {
    await withPgClient(adminUrl, (client) => client.query(`create database "${name}"`));
    try {
      const env = { DATABASE_URL: databaseUrl(adminUrl, name) };
      const meta = await generate(patients, env, practitionersPerLocation);
      const settled = await settleClinic(env);
      if (settled.sessions > 0) await withPgClient(env.DATABASE_URL, (client) => client.query('vacuum analyze'));
      return { env, meta, reused: false, drop, database: name, settled };
    } catch (error) {
      await drop().catch(() => undefined);
      throw error;
    }
  }
  const cache = `mesodesk_bench_cache_${patients}${layoutSuffix(practitionersPerLocation).replace('-', '_')}`;
  const cached = await cachedDatabaseMeta(
    adminUrl,
    cache,
    (meta) => meta.format === FORMAT && meta.patients === patients,
  );
  let meta = cached;
  if (!meta) {
    await withPgClient(adminUrl, (client) => client.query(`create database "${cache}"`));
    meta = await generate(patients, { DATABASE_URL: databaseUrl(adminUrl, cache) }, practitionersPerLocation);
    await saveDatabaseMeta(adminUrl, cache, meta);
  }
  // Settled in the template, so that no run's copy starts with that work (or the vacuum it leaves) to do.
  const settled = await settleClinic({ DATABASE_URL: databaseUrl(adminUrl, cache) });
  if (settled.sessions > 0)
    await withPgClient(databaseUrl(adminUrl, cache), (client) => client.query('vacuum analyze'));
  // A run that only reads (sizes) uses the cache itself: a copy of a million patients is as large again.
  if (readOnly)
    return {
      env: { DATABASE_URL: databaseUrl(adminUrl, cache) },
      meta,
      reused: Boolean(cached),
      drop: async () => {},
      database: cache,
      settled,
    };
  await withPgClient(adminUrl, (client) => client.query(`create database "${name}" template "${cache}"`));
  return {
    env: { DATABASE_URL: databaseUrl(adminUrl, name) },
    meta,
    reused: Boolean(cached),
    drop,
    database: name,
    settled,
  };
}

/**
 * Brings a clinic to the state a running server keeps it in: this build's schema, and every upcoming
 * session screened under this build's knowledge base. A server started on a freshly generated (or
 * older) clinic does the screening in the background after it starts listening, which would share
 * the CPU with a measured run. Untimed; returns what was screened.
 */
export async function settleClinic(env) {
  const [
    { createDatabase },
    { databaseConfigFromEnv },
    { migrateToLatest },
    { createRepositories },
    { rescreenOutdated },
    { recordStartupScreening },
    { loadKnowledgeBase },
  ] = await Promise.all([
    import('../../dist/storage/create-database.js'),
    import('../../dist/storage/database-config.js'),
    import('../../dist/storage/migrate.js'),
    import('../../dist/storage/repositories/repositories.js'),
    import('../../dist/services/rescreening/rescreen-outdated.js'),
    import('../../dist/services/rescreening/rescreen-at-start.js'),
    import('../../dist/knowledge-files/load-knowledge-base.js'),
  ]);
  const db = createDatabase(databaseConfigFromEnv(env));
  try {
    await migrateToLatest(db);
    return await rescreenOutdated(createRepositories(db), loadKnowledgeBase(), {
      now: () => new Date(),
      record: recordStartupScreening,
      onError: (patientId, error) => console.error(`re-screening ${patientId} failed:`, error),
    });
  } finally {
    await db.destroy();
  }
}
