import { createWriteStream, existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import cliProgress from 'cli-progress';
import { Migrator } from 'kysely/migration';
import { createDatabase } from '../../storage/create-database.js';
import { databaseConfigFromEnv, type Env } from '../../storage/database-config.js';
import { migrations } from '../../storage/migrations/migrations.js';
import { auditEntries, type AuditEvent } from '../../storage/repositories/audit-entries.js';
import type { PatientRecord } from '../../core/records/index.js';
import { createRepositories, type Repositories } from '../../storage/repositories/repositories.js';
import { clinicReportLines, isReportTable, reportTables } from '../../services/documents/clinic-reports.js';
import { clinicFhirChunks, patientFhirBundle } from '../../services/documents/fhir-export.js';
import {
  CliFailure,
  CliInputError,
  describeError,
  errorLine,
  fileErrorReason,
  inputErrorLine,
  systemErrorCode,
} from '../cli-errors.js';
import { EXIT, isClosedPipe, type CliIo } from '../cli-io.js';

/*
 * `mesodesk export fhir` and `mesodesk export csv`, and what the other record commands (pdf) share
 * with them: opening the clinic database as `mesodesk backup` does, exit codes, safe output files.
 */

/** Where file contents go when there is no --out, and where progress is drawn. */
export interface CliStreams {
  stdout: NodeJS.WritableStream;
  /** Progress is drawn here only when it is a terminal (`isTTY`), so logs and pipes stay clean. */
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
}

export const processStreams: CliStreams = { stdout: process.stdout, stderr: process.stderr };

/** Runs a command body, turning what it throws into an exit code and one line on stderr. */
export async function runRecordCommand(io: CliIo, work: () => Promise<void>): Promise<number> {
  try {
    await work();
    return EXIT.ok;
  } catch (error) {
    // Standard output piped into a reader that has gone (`| head -1`): it took what it wanted.
    if (isClosedPipe(error)) return EXIT.ok;
    if (error instanceof CliInputError) {
      io.err(inputErrorLine(error));
      return EXIT.invalidInput;
    }
    // CliFailure, DatabaseConfigError, DocumentUnavailableError and the rest alike: one line, no stack.
    io.err(errorLine(describeError(error)));
    return EXIT.failed;
  }
}

/**
 * Opens the clinic database named by DATABASE_URL / MESODESK_DATA_DIR, as the server does. It is
 * never created or migrated here: a missing or older database is the operator's to fix, not an
 * export's side effect.
 */
export async function withClinicDatabase<T>(env: Env, work: (repos: Repositories) => Promise<T>): Promise<T> {
  const config = databaseConfigFromEnv(env);
  if (config.engine === 'sqlite' && !existsSync(config.file))
    throw new CliFailure(`no database at ${config.file} (has the server been started with this data folder?)`);
  const db = createDatabase(config);
  try {
    const known = await new Migrator({ db, provider: { getMigrations: async () => migrations } }).getMigrations();
    if (known.some((m) => m.executedAt === undefined))
      throw new CliFailure(
        'the database is not up to date with this version of mesodesk; start the server once (it migrates the database) and try again',
      );
    return await work(createRepositories(db));
  } finally {
    await db.destroy();
  }
}

/** The clinic to export: the one named, or the only one in the database. */
export async function resolveClinicId(repos: Repositories, clinicId: string | undefined): Promise<string> {
  if (clinicId !== undefined) {
    if (!(await repos.clinics.findById(clinicId))) throw new CliInputError('--clinic', `no clinic with id ${clinicId}`);
    return clinicId;
  }
  const clinics = await repos.clinics.list();
  const [only] = clinics;
  if (!only) throw new CliFailure('the database holds no clinic yet');
  if (clinics.length > 1)
    throw new CliInputError(
      '--clinic',
      `required: the database holds ${clinics.length} clinics (${clinics.map((c) => c.id).join(', ')})`,
    );
  return only.id;
}

/** Audit entries for reads done from the command line: no user, the command as the route. */
export function cliAudit(
  repos: Repositories,
  command: string,
): (clinicId: string, events: readonly AuditEvent[]) => Promise<void> {
  return (clinicId, events) =>
    repos.audit.append(auditEntries(events, { clinicId, userId: null, role: null, route: `cli: mesodesk ${command}` }));
}

/** Checked before any work: a wrong --out is the caller's to fix (exit 2), not a failure after a long export. */
export function checkOut(out: string | undefined): void {
  if (out === undefined) return;
  const destination = resolve(out);
  if (!existsSync(dirname(destination)) || !statSync(dirname(destination)).isDirectory())
    throw new CliInputError('--out', `the folder ${dirname(destination)} does not exist`);
  if (existsSync(destination) && statSync(destination).isDirectory())
    throw new CliInputError('--out', `${destination} is a folder; name a file`);
}

/**
 * Writes the chunks to `out`, or to stdout. A file is written beside its name and renamed only when
 * complete, so a failure part-way never leaves a file that looks whole; on stdout the exit code says so.
 */
export async function writeOutput(
  chunks: AsyncIterable<string | Buffer> | Iterable<string | Buffer>,
  out: string | undefined,
  streams: CliStreams,
): Promise<string | undefined> {
  const source = Readable.from(chunks, { objectMode: false });
  if (out === undefined) {
    await pipeline(source, streams.stdout, { end: false });
    return undefined;
  }
  const destination = resolve(out);
  const partial = `${destination}.partial-${process.pid}`;
  try {
    // Owner-only: the file holds patient data.
    await pipeline(source, createWriteStream(partial, { flags: 'wx', mode: 0o600 }));
    renameSync(partial, destination);
    return destination;
  } catch (error) {
    rmSync(partial, { force: true });
    // The file system refused (a full disk, no permission): said of the file the user named.
    if (systemErrorCode(error)) throw new CliFailure(`cannot write ${destination}: ${fileErrorReason(error)}`);
    throw error;
  }
}

/** A progress bar over the clinic's patients on a terminal; nothing anywhere else. */
function patientProgress(streams: CliStreams, total: number, label: string): { add(n: number): void; stop(): void } {
  if (!streams.stderr.isTTY) return { add: () => undefined, stop: () => undefined };
  const bar = new cliProgress.SingleBar(
    {
      stream: streams.stderr,
      format: `${label} [{bar}] {percentage}% | {value}/{total} patients | {eta_formatted} left`,
      hideCursor: null,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0);
  return { add: (n) => bar.increment(n), stop: () => bar.stop() };
}

/** Reads the whole clinic in batches, auditing each and moving the bar; `run` consumes what it is given. */
async function overClinic(
  repos: Repositories,
  clinicId: string,
  streams: CliStreams,
  audit: { command: string; entity: string; entityId: (patient: PatientRecord) => string },
  run: (onBatch: (patients: readonly PatientRecord[]) => Promise<void>) => Promise<string | undefined>,
): Promise<string | undefined> {
  const progress = patientProgress(streams, await repos.patients.countByClinic(clinicId), audit.command);
  const append = cliAudit(repos, audit.command);
  try {
    return await run(async (patients) => {
      await append(
        clinicId,
        patients.map((p) => ({ action: 'read', entity: audit.entity, entityId: audit.entityId(p), patientId: p.id })),
      );
      progress.add(patients.length);
    });
  } finally {
    progress.stop();
  }
}

export interface ExportFhirOptions {
  patient?: string;
  clinic?: string;
  out?: string;
}

/** `mesodesk export fhir [--patient ID] [--clinic ID] [--out FILE]`: one patient, or the whole clinic streamed. */
export function exportFhirCommand(
  opts: ExportFhirOptions,
  io: CliIo,
  env: Env = process.env,
  streams: CliStreams = processStreams,
): Promise<number> {
  return runRecordCommand(io, () => {
    checkOut(opts.out);
    return withClinicDatabase(env, async (repos) => {
      const clinicId = opts.clinic === undefined ? undefined : await resolveClinicId(repos, opts.clinic);
      const onSkipped = (s: { resourceType: string; id: string; reason: string }) =>
        io.err(`left out ${s.resourceType} ${s.id}: ${s.reason}`);
      let written: string | undefined;
      if (opts.patient !== undefined) {
        const patient = await repos.patients.findById(opts.patient);
        if (!patient || (clinicId !== undefined && patient.clinicId !== clinicId))
          throw new CliInputError(
            '--patient',
            `no patient with id ${opts.patient}${clinicId ? ' in that clinic' : ''}`,
          );
        const bundle = await patientFhirBundle(repos, patient, { onSkipped });
        await cliAudit(repos, 'export fhir')(patient.clinicId, [
          { action: 'read', entity: 'fhir_export', entityId: patient.id, patientId: patient.id },
        ]);
        written = await writeOutput([JSON.stringify(bundle)], opts.out, streams);
      } else {
        const clinic = clinicId ?? (await resolveClinicId(repos, undefined));
        written = await overClinic(
          repos,
          clinic,
          streams,
          { command: 'export fhir', entity: 'fhir_export', entityId: (p) => p.id },
          (onBatch) => writeOutput(clinicFhirChunks(repos, clinic, { onBatch, onSkipped }), opts.out, streams),
        );
      }
      if (written) io.err(`Wrote ${written}`);
    });
  });
}

export interface ExportCsvOptions {
  clinic?: string;
  out?: string;
  /** Sessions only: add the patients' names. */
  names?: boolean;
}

/** `mesodesk export csv TABLE [--clinic ID] [--out FILE]`: one of the clinic reports. */
export function exportCsvCommand(
  table: string,
  opts: ExportCsvOptions,
  io: CliIo,
  env: Env = process.env,
  streams: CliStreams = processStreams,
): Promise<number> {
  return runRecordCommand(io, async () => {
    if (!isReportTable(table)) throw new CliInputError('TABLE', `must be one of: ${reportTables.join(', ')}`);
    if (opts.names && table !== 'sessions')
      throw new CliInputError('--names', 'only the sessions report has patient names');
    checkOut(opts.out);
    await withClinicDatabase(env, async (repos) => {
      const clinicId = await resolveClinicId(repos, opts.clinic);
      const written = await overClinic(
        repos,
        clinicId,
        streams,
        { command: 'export csv', entity: 'clinic_report', entityId: () => table },
        (onBatch) =>
          writeOutput(
            clinicReportLines(repos, clinicId, table, { patientNames: opts.names ?? false, onBatch }),
            opts.out,
            streams,
          ),
      );
      if (written) io.err(`Wrote ${written}`);
    });
  });
}
