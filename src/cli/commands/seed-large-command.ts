import { randomBytes } from 'node:crypto';
import { dirname } from 'node:path';
import cliProgress from 'cli-progress';
import type { KnowledgeBase } from '../../core/knowledge/knowledge-base.js';
import { loadKnowledgeBase } from '../../knowledge-files/load-knowledge-base.js';
import {
  argon2idHasher,
  productionPasswordHashing,
  type Argon2Params,
} from '../../services/accounts/password-hasher.js';
import { DataDirLockError, lockDataDir } from '../../storage/data-dir-lock.js';
import {
  databaseConfigFromEnv,
  DatabaseConfigError,
  describeDatabase,
  type Env,
} from '../../storage/database-config.js';
import { seedLarge, SeedLargeError } from '../../storage/seed-large/seed-large.js';
import { errorLine } from '../cli-errors.js';
import { EXIT, failedWith, type CliIo } from '../cli-io.js';

export interface SeedLargeCommandOptions {
  /** How many patients, e.g. "1000000" or "1_000_000". */
  patients?: string;
  clinic?: string;
  seed?: string;
  /** Practitioners at each location (default 8). */
  practitionersPerLocation?: string;
  /** Password of every generated account (default: a random one, printed). */
  password?: string;
  /** `false` (--no-progress): no progress bar. */
  progress?: boolean;
}

/** What tests replace: the knowledge base, the hashing cost and the clock. */
export interface SeedLargeCommandDeps {
  knowledgeBase?: KnowledgeBase;
  passwordHashing?: Argon2Params;
  now?: Date;
}

export const defaultLargeClinicName = 'Mesodesk Large Clinic';

function wholeNumber(value: string | undefined, name: string, min: number): number | string {
  if (value === undefined) return `${name} is required`;
  const digits = value.trim().replace(/[_,]/g, '');
  if (!/^\d+$/.test(digits)) return `${name} must be a whole number, not "${value}"`;
  const n = Number(digits);
  if (!Number.isSafeInteger(n) || n < min) return `${name} must be at least ${min}`;
  return n;
}

const format = (n: number) => n.toLocaleString('en-US');

/**
 * `mesodesk seed-large --patients N [--clinic NAME]`: generates a large, realistic clinic (for
 * load tests and benchmarks) into the database the server would use: DATABASE_URL, or the SQLite
 * file in MESODESK_DATA_DIR. Shows a progress bar on standard error.
 */
export async function seedLargeCommand(
  opts: SeedLargeCommandOptions,
  io: CliIo,
  env: Env = process.env,
  deps: SeedLargeCommandDeps = {},
): Promise<number> {
  const patients = wholeNumber(opts.patients, '--patients', 1);
  const seed = opts.seed === undefined ? 1 : wholeNumber(opts.seed, '--seed', 0);
  const perLocation =
    opts.practitionersPerLocation === undefined
      ? 8
      : wholeNumber(opts.practitionersPerLocation, '--practitioners-per-location', 1);
  const clinicName = (opts.clinic ?? defaultLargeClinicName).trim();
  const problems = [patients, seed, perLocation].filter((p): p is string => typeof p === 'string');
  if (!clinicName) problems.push('--clinic must not be empty');
  if (opts.password !== undefined && opts.password.length < 10)
    problems.push('--password must be at least 10 characters');
  if (problems.length || typeof patients !== 'number' || typeof seed !== 'number' || typeof perLocation !== 'number') {
    for (const problem of problems) io.err(errorLine(problem));
    return EXIT.invalidInput;
  }

  let unlock = () => {};
  const bar =
    opts.progress === false
      ? undefined
      : new cliProgress.SingleBar(
          {
            stream: process.stderr,
            format: 'patients |{bar}| {percentage}% | {value}/{total} | {rate}/s | ETA {eta_formatted} {phase}',
            hideCursor: true,
            etaBuffer: 20,
            // Redirected to a file: a line every few seconds instead of redraws.
            noTTYOutput: true,
            notTTYSchedule: 5000,
          },
          cliProgress.Presets.shades_classic,
        );
  try {
    const config = databaseConfigFromEnv(env);
    // Like the server: one writer per SQLite file.
    if (config.engine === 'sqlite') unlock = lockDataDir(dirname(config.file));
    const knowledgeBase = deps.knowledgeBase ?? loadKnowledgeBase();
    const password = opts.password ?? randomBytes(12).toString('base64url');
    const passwordHash = await argon2idHasher(deps.passwordHashing ?? productionPasswordHashing).hash(password);

    io.err(`Generating ${format(patients)} patients for "${clinicName}" in ${describeDatabase(config)}`);
    const started = performance.now();
    const result = await seedLarge(config, {
      patients,
      clinicName,
      knowledgeBase,
      passwordHash,
      seed,
      practitionersPerLocation: perLocation,
      ...(deps.now ? { now: deps.now } : {}),
      onProgress(done, total) {
        const seconds = (performance.now() - started) / 1000;
        const rate = seconds > 0 ? format(Math.round(done / seconds)) : '-';
        if (done === 0) bar?.start(total, 0, { rate, phase: '' });
        else bar?.update(done, { rate });
      },
      onPhase(phase) {
        bar?.update({ phase: `(${phase})` });
      },
    });
    bar?.stop();
    const seconds = (performance.now() - started) / 1000;
    const written = Object.values(result.rows).reduce((a, b) => a + b, 0);
    io.out(
      `Generated clinic "${clinicName}" (${result.clinicId}) in ${seconds.toFixed(1)} s: ${format(patients)} patients, ${format(written)} rows, ${result.practitioners} practitioners; today is ${result.today}.`,
    );
    io.out(
      Object.entries(result.rows)
        .map(([table, n]) => `  ${table}: ${format(n)}`)
        .join('\n'),
    );
    io.out(
      `Sign in as ${result.logins.map((l) => `${l.email} (${l.role})`).join(', ')}${opts.password === undefined ? ` with the password ${password}` : ' with the password given'}.`,
    );
    return EXIT.ok;
  } catch (error) {
    bar?.stop();
    return failedWith(io, error, [SeedLargeError, DatabaseConfigError, DataDirLockError]);
  } finally {
    unlock();
  }
}
