import { Kysely, SqliteDialect } from 'kysely';
import pg from 'pg';
import { dayNumber, fromDayNumber } from '../../core/dates/iso-date.js';
import type { KnowledgeBase } from '../../core/knowledge/knowledge-base.js';
import { createDatabase, openSqlite, withDefaultUser, type Db } from '../create-database.js';
import type { DatabaseConfig } from '../database-config.js';
import type { Database } from '../database-schema.js';
import { migrateToLatest } from '../migrate.js';
import type { Role } from '../../core/records/index.js';
import { nameKey } from '../search-keys.js';
import {
  createDashboardRollupTriggers,
  dropDashboardRollupTriggers,
  recountDashboardRollups,
} from '../dashboard-rollups.js';
import { bulkTableOrder, emptyBulkRows, type BulkRows, type BulkTable } from './bulk-tables.js';
import { postgresBulkWriter, sqliteBulkWriter, type BulkWriter } from './bulk-writer.js';
import { sharedJsonTexts } from './frozen-json.js';
import { packJsonText } from '../packed-json.js';
import { setUpLargeClinic } from './large-clinic-setup.js';
import type { GeneratorContext } from './generator-context.js';
import { addPatient } from './patient-records.js';
import { practitionerCalendar } from './practitioner-calendar.js';
import { hashSeed, seededRandom } from './seeded-random.js';
import { syntheticIds } from './synthetic-ids.js';

export class SeedLargeError extends Error {
  override name = 'SeedLargeError';
}

export interface SeedLargeOptions {
  patients: number;
  clinicName: string;
  knowledgeBase: KnowledgeBase;
  /** The argon2 hash every generated staff and patient account signs in with (hash once: it is slow on purpose). */
  passwordHash: string;
  /** Same seed, clinic name, size and day: same clinic. */
  seed?: number;
  /** "Now" of the generated history (default: the current time); sessions before it are past. */
  now?: Date;
  /** Practitioners at each location, each with a room of their own (default 8). */
  practitionersPerLocation?: number;
  /** Years of history before now (default 5). */
  historyYears?: number;
  /** Patients per transaction (default 2000). */
  batchSize?: number;
  onProgress?(patientsDone: number, patientsTotal: number): void;
  /** What runs after the last batch (index builds, statistics), for a progress display. */
  onPhase?(phase: string): void;
}

export interface SeedLargeResult {
  clinicId: string;
  /** Rows written per table, the clinic's organisation and catalogue aside. */
  rows: Record<BulkTable, number>;
  logins: { role: Role; email: string }[];
  practitioners: number;
  today: string;
}

/** A secondary index of a bulk-loaded table, as its own CREATE INDEX statement. */
interface IndexDefinition {
  name: string;
  sql: string;
}

/** The connection the generator works through: Kysely for migrations and set-up, and a bulk writer. */
interface Connection {
  db: Db;
  writer: BulkWriter;
  /** Non-unique indexes of the bulk-loaded tables (unique ones and keys stay: they guard the data). */
  secondaryIndexes(): Promise<IndexDefinition[]>;
  execute(statement: string): Promise<void>;
  /** Before loading an empty database: skip the per-row checks whose outcome the generator guarantees. */
  relaxChecks(): Promise<void>;
  /** After the last batch: refresh planner statistics, restore durable settings, close. */
  finish(): Promise<void>;
  close(): Promise<void>;
}

async function openSqliteConnection(file: string): Promise<Connection> {
  const sqlite = openSqlite(file);
  // Bulk loading: no fsync per batch and a large page cache. A crash mid-run leaves a partial
  // clinic, never a corrupt file (the WAL still protects each batch).
  sqlite.pragma('synchronous = OFF');
  sqlite.pragma('cache_size = -262144');
  sqlite.pragma('temp_store = MEMORY');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return {
    db,
    writer: sqliteBulkWriter(sqlite),
    async secondaryIndexes() {
      const tables = bulkTableOrder.map(() => '?').join(', ');
      return sqlite
        .prepare<string[], IndexDefinition>(
          `select name, sql from sqlite_master where type = 'index' and sql is not null and sql not like 'create unique%' collate nocase and tbl_name in (${tables})`,
        )
        .all(...bulkTableOrder);
    },
    async execute(statement) {
      sqlite.exec(statement);
    },
    // Every generated reference points at a row generated before it (the tests check the result with
    // foreign_key_check); PostgreSQL keeps checking, as only a superuser could turn it off.
    async relaxChecks() {
      sqlite.pragma('foreign_keys = OFF');
    },
    // No ANALYZE: the server never runs it, so the generated database plans queries as a real one would.
    async finish() {
      sqlite.pragma('wal_checkpoint(TRUNCATE)');
      sqlite.pragma('synchronous = NORMAL');
      sqlite.pragma('foreign_keys = ON');
    },
    close: () => db.destroy(),
  };
}

async function openPostgresConnection(url: string): Promise<Connection> {
  const db = createDatabase({ engine: 'postgres', url });
  const client = new pg.Client({ connectionString: withDefaultUser(url) });
  try {
    await client.connect();
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return {
    db,
    writer: postgresBulkWriter(client),
    async secondaryIndexes() {
      const { rows } = await client.query<IndexDefinition>(
        `select c.relname as name, pg_get_indexdef(x.indexrelid) as sql
         from pg_index x join pg_class c on c.oid = x.indexrelid join pg_class t on t.oid = x.indrelid join pg_namespace n on n.oid = t.relnamespace
         where n.nspname = current_schema() and t.relname = any($1) and not x.indisunique and not x.indisprimary`,
        [[...bulkTableOrder]],
      );
      return rows;
    },
    async execute(statement) {
      await client.query(statement);
    },
    async relaxChecks() {},
    // Autovacuum would analyze the new rows soon after a load like this; done at once instead.
    async finish() {
      await client.query('analyze');
    },
    async close() {
      await client.end();
      await db.destroy();
    },
  };
}

/** `admin@<this>` and so on: the clinic's name as a DNS label under the reserved `.example` domain. */
export function emailDomainOf(clinicName: string): string {
  const label = nameKey(clinicName)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50);
  return `${label || 'clinic'}.example`;
}

/**
 * Generates a large clinic into the database: the organisation through the repositories, then
 * every patient's records in batches (one transaction each) through prepared statements
 * (SQLite) or array inserts (PostgreSQL). Deterministic for a given seed, clinic name, size and
 * `now`. Migrates the database first. A clinic of the same name must not exist yet.
 */
export async function seedLarge(config: DatabaseConfig, options: SeedLargeOptions): Promise<SeedLargeResult> {
  const total = options.patients;
  if (!Number.isInteger(total) || total < 1)
    throw new SeedLargeError('the number of patients must be a whole number of at least 1');
  const now = options.now ?? new Date();
  const nowMs = now.getTime();
  const today = now.toISOString().slice(0, 10);
  const todayDay = dayNumber(today);
  const historyStartDay = todayDay - Math.round((options.historyYears ?? 5) * 365);
  const batchSize = Math.max(1, options.batchSize ?? 2000);
  const random = seededRandom(hashSeed(options.seed ?? 1, options.clinicName, total, today));
  const emailDomain = emailDomainOf(options.clinicName);

  const connection =
    config.engine === 'sqlite' ? await openSqliteConnection(config.file) : await openPostgresConnection(config.url);
  const deferred: IndexDefinition[] = [];
  let pending: Promise<void> | undefined;
  let countersDropped = false;
  const restoreIndexes = async () => {
    for (const index of deferred.splice(0)) await connection.execute(index.sql);
    // The dashboard's counters, like the indexes, are built once from the loaded rows.
    if (countersDropped) {
      countersDropped = false;
      await recountDashboardRollups(connection.db);
      await createDashboardRollupTriggers(connection.db);
    }
  };
  try {
    await migrateToLatest(connection.db);
    const existing = await connection.db
      .selectFrom('clinics')
      .select('id')
      .where('name', '=', options.clinicName)
      .executeTakeFirst();
    if (existing)
      throw new SeedLargeError(
        `a clinic named "${options.clinicName}" already exists in this database; choose another name with --clinic`,
      );
    const taken = await connection.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', `admin@${emailDomain}`)
      .executeTakeFirst();
    if (taken) throw new SeedLargeError(`staff emails @${emailDomain} are already in use; choose another clinic name`);

    // Into an empty database, indexes are dropped for the load and rebuilt once at the end: building
    // an index from sorted data is several times faster than updating it row by row. A database
    // that already holds patients keeps its indexes: it may be in use.
    const fresh = !(await connection.db.selectFrom('patients').select('id').limit(1).executeTakeFirst());
    const deferrable = fresh ? await connection.secondaryIndexes() : [];

    // About one practitioner per 1,500 patients fills about four fifths of their diaries' half hours
    // in the weeks around today, when the growing clinic is busiest; with 4,000 each, the diaries
    // held nearly twice the hours worked.
    const practitioners = Math.max(2, Math.min(1000, Math.ceil(total / 1500)));
    const setup = await setUpLargeClinic(connection.db, options.knowledgeBase, random, {
      clinicName: options.clinicName,
      emailDomain,
      practitioners,
      practitionersPerLocation: options.practitionersPerLocation ?? 8,
      passwordHash: options.passwordHash,
      historyStart: fromDayNumber(historyStartDay),
      today,
    });
    const ctx: GeneratorContext = {
      kb: options.knowledgeBase,
      random,
      newId: syntheticIds(random),
      setup,
      calendar: practitionerCalendar(setup.practitioners, historyStartDay, todayDay + 400),
      historyStartDay,
      todayDay,
      nowMs,
      passwordHash: options.passwordHash,
      emailDomain,
      totalPatients: total,
      triageTexts: new Map(),
      resultText: sharedJsonTexts(packJsonText),
      planText: sharedJsonTexts(packJsonText, 5_000),
    };

    if (fresh) {
      await connection.relaxChecks();
      await dropDashboardRollupTriggers(connection.db);
      countersDropped = true;
    }
    for (const index of deferrable) {
      await connection.execute(`drop index "${index.name}"`);
      deferred.push(index);
    }
    const counts = Object.fromEntries(bulkTableOrder.map((t) => [t, 0])) as Record<BulkTable, number>;
    options.onProgress?.(0, total);
    // While the database writes one batch, the next one is generated (PostgreSQL works in its own process).
    for (let start = 0; start < total; start += batchSize) {
      const rows: BulkRows = emptyBulkRows();
      const end = Math.min(total, start + batchSize);
      for (let serial = start + 1; serial <= end; serial++) addPatient(ctx, serial, rows);
      for (const table of bulkTableOrder) counts[table] += rows[table].length;
      await pending;
      if (start > 0) options.onProgress?.(start, total);
      pending = connection.writer.write(rows);
      // Awaited above on the next round; a failure must not count as unhandled meanwhile.
      pending.catch(() => undefined);
    }
    await pending;
    options.onPhase?.('rebuilding indexes');
    await restoreIndexes();
    options.onPhase?.('finishing');
    await connection.finish();
    options.onProgress?.(total, total);
    return { clinicId: setup.clinicId, rows: counts, logins: setup.logins, practitioners, today };
  } catch (error) {
    // Leave a failed load's database with all its indexes.
    await pending?.catch(() => undefined);
    await restoreIndexes().catch(() => undefined);
    throw error;
  } finally {
    await connection.close();
  }
}
