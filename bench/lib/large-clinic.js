// The large clinic the API benchmark runs against, generated with `mesodesk seed-large`'s code.
// SQLite: generated once into bench/.data/ and reused; PostgreSQL: a fresh database per run.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { processIo } from '../../dist/cli/cli-io.js';
import { seedLargeCommand } from '../../dist/cli/commands/seed-large-command.js';
import { withDefaultUser } from '../../dist/storage/create-database.js';
import { emailDomainOf } from '../../dist/storage/seed-large/seed-large.js';

/** Bump when the generator changes what it writes, so cached databases are regenerated. */
const FORMAT = 2;
export const CLINIC_NAME = 'Benchmark Clinic';
const PASSWORD = 'benchmark password, synthetic data only';

async function generate(patients, env) {
  const now = new Date();
  const started = performance.now();
  const code = await seedLargeCommand({ patients: String(patients), clinic: CLINIC_NAME, password: PASSWORD, seed: '1' }, processIo, env, { now });
  if (code !== 0) throw new Error(`seed-large failed with exit code ${code}`);
  const domain = emailDomainOf(CLINIC_NAME);
  return {
    format: FORMAT,
    patients,
    now: now.toISOString(),
    generatedSeconds: (performance.now() - started) / 1000,
    password: PASSWORD,
    logins: { admin: `admin@${domain}`, practitioner: `practitioner-1@${domain}`, reception: `reception-1@${domain}` },
  };
}

/** The cached SQLite data folder with `patients` patients, generated first if missing. */
export async function sqliteClinic(patients, cacheDir) {
  const dataDir = join(cacheDir, `sqlite-${patients}`);
  const metaFile = join(dataDir, 'clinic.json');
  if (existsSync(metaFile)) {
    const meta = JSON.parse(readFileSync(metaFile, 'utf8'));
    if (meta.format === FORMAT && meta.patients === patients) return { env: { MESODESK_DATA_DIR: dataDir }, meta, reused: true };
  }
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const meta = await generate(patients, { MESODESK_DATA_DIR: dataDir });
  // Written last: a generation cut short is not taken for a complete one next time.
  writeFileSync(metaFile, `${JSON.stringify(meta, null, 2)}\n`);
  return { env: { MESODESK_DATA_DIR: dataDir }, meta, reused: false };
}

async function withAdmin(adminUrl, work) {
  const client = new pg.Client({ connectionString: withDefaultUser(adminUrl) });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A new PostgreSQL database with the clinic; `drop()` removes it. */
export async function postgresClinic(patients, adminUrl) {
  const name = `mesodesk_bench_${Date.now()}`;
  await withAdmin(adminUrl, (client) => client.query(`create database "${name}"`));
  const url = new URL(withDefaultUser(adminUrl));
  url.pathname = `/${name}`;
  const drop = () => withAdmin(adminUrl, (client) => client.query(`drop database if exists "${name}" with (force)`));
  try {
    const meta = await generate(patients, { DATABASE_URL: url.toString() });
    return { env: { DATABASE_URL: url.toString() }, meta, reused: false, drop, database: name };
  } catch (error) {
    await drop().catch(() => undefined);
    throw error;
  }
}
