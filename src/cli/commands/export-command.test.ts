import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fhirSchemaErrors } from '../../interop/test-support/fhir-schema-validator.js';
import { parseCsvRecords } from '../../interop/test-support/parse-csv.js';
import { seedInteropDataDir, type SeededDataDir } from '../../services/documents/test-support/interop-records.js';
import { createDatabase } from '../../storage/create-database.js';
import { sqliteFileName } from '../../storage/database-config.js';
import { migrateToLatest } from '../../storage/migrate.js';
import { createRepositories } from '../../storage/repositories/repositories.js';
import { captureIo } from '../../test-support/capture-io.js';
import { testKnowledgeBase } from '../../test-support/test-app.js';
import { runCli } from '../run-cli.js';
import { exportCsvCommand, exportFhirCommand, type CliStreams } from './export-command.js';
import { auditedRecords } from '../../test-support/audited-records.js';

interface Bundle {
  entry: { resource: { resourceType: string; id: string } }[];
}

/** Streams that record what is written; stderr claims to be a terminal when asked. */
function testStreams(tty = false): CliStreams & { stdoutText(): string; stderrText(): string } {
  const stdout = new PassThrough();
  const stderr = Object.assign(new PassThrough(), { isTTY: tty, columns: 100 });
  let out = '';
  let err = '';
  stdout.on('data', (c: Buffer) => (out += c.toString()));
  stderr.on('data', (c: Buffer) => (err += c.toString()));
  return { stdout, stderr, stdoutText: () => out, stderrText: () => err };
}

const patientsIn = (bundle: Bundle) =>
  bundle.entry.filter((e) => e.resource.resourceType === 'Patient').map((e) => e.resource.id);

describe('mesodesk export', () => {
  let seeded: SeededDataDir;
  let patientCount: number;
  const out = (name: string) => join(seeded.dir, 'out', name);

  beforeAll(async () => {
    seeded = await seedInteropDataDir(testKnowledgeBase());
    mkdirSync(join(seeded.dir, 'out'));
    const db = createDatabase({ engine: 'sqlite', file: join(seeded.dir, sqliteFileName) });
    patientCount = await createRepositories(db).patients.countByClinic(seeded.clinicId);
    await db.destroy();
  });
  afterAll(() => rmSync(seeded.dir, { recursive: true, force: true }));

  it('writes the whole clinic as one FHIR Bundle that passes the official schema, auditing every patient', async () => {
    const io = captureIo();
    const streams = testStreams();
    expect(await exportFhirCommand({ out: out('clinic.json') }, io, seeded.env, streams)).toBe(0);
    expect(io.stderr).toContain(`Wrote ${out('clinic.json')}`);
    const bundle = JSON.parse(readFileSync(out('clinic.json'), 'utf8')) as Bundle;
    expect(fhirSchemaErrors(bundle)).toEqual([]);
    expect(patientsIn(bundle)).toHaveLength(patientCount);
    expect(patientsIn(bundle)).toContain(seeded.patient.id);
    expect(streams.stdoutText()).toBe('');
    // Not a terminal: no progress bar.
    expect(streams.stderrText()).toBe('');
    expect(readdirSync(join(seeded.dir, 'out'))).toEqual(['clinic.json']);

    const db = createDatabase({ engine: 'sqlite', file: join(seeded.dir, sqliteFileName) });
    const audit = await createRepositories(db).audit.list({
      clinicId: seeded.clinicId,
      entity: 'fhir_export',
      limit: 500,
      offset: 0,
    });
    await db.destroy();
    // One entry per batch of patients read, naming each of them.
    const audited = auditedRecords(audit).map((r) => r.patientId);
    expect(audited).toHaveLength(patientCount);
    expect(new Set(audited)).toEqual(new Set(patientsIn(bundle)));
    expect(audit[0]).toMatchObject({ action: 'read', userId: null, route: 'cli: mesodesk export fhir' });
  }, 60_000);

  it('writes to standard output by default, and one patient with --patient', async () => {
    const streams = testStreams();
    expect(await exportFhirCommand({}, captureIo(), seeded.env, streams)).toBe(0);
    expect(patientsIn(JSON.parse(streams.stdoutText()) as Bundle)).toHaveLength(patientCount);

    const one = testStreams();
    expect(await exportFhirCommand({ patient: seeded.patient.id }, captureIo(), seeded.env, one)).toBe(0);
    const bundle = JSON.parse(one.stdoutText()) as Bundle;
    expect(patientsIn(bundle)).toEqual([seeded.patient.id]);
    expect(bundle.entry.map((e) => e.resource.resourceType)).toContain('AdverseEvent');
  });

  it('draws a progress bar over the patients, on a terminal only', async () => {
    const streams = testStreams(true);
    expect(await exportFhirCommand({ out: out('tty.json') }, captureIo(), seeded.env, streams)).toBe(0);
    expect(streams.stderrText()).toContain(`${patientCount}/${patientCount} patients`);
    expect(streams.stdoutText()).toBe('');
  });

  it('writes CSV reports that parse back', async () => {
    const io = captureIo();
    expect(
      await exportCsvCommand('sessions', { out: out('sessions.csv'), names: true }, io, seeded.env, testStreams()),
    ).toBe(0);
    const rows = parseCsvRecords(readFileSync(out('sessions.csv'), 'utf8'));
    expect(rows.find((r) => r.session_id === seeded.records.doneSession.id)).toMatchObject({
      patient_name: 'Ayşe Yılmaz',
      lot_numbers: 'LOT-TR-A; LOT-TR-B',
      status: 'done',
    });

    const streams = testStreams();
    expect(await exportCsvCommand('side-effects-by-lot', {}, captureIo(), seeded.env, streams)).toBe(0);
    expect(parseCsvRecords(streams.stdoutText()).find((r) => r.lot_number === 'LOT-TR-B')).toMatchObject({
      manufacturer: 'Örnek İlaç A.Ş.',
      recalled: 'yes',
    });
  });

  it('names the argument at fault and exits 2 for bad input', async () => {
    type Io = ReturnType<typeof captureIo>;
    const cases: [(io: Io) => Promise<number>, string][] = [
      [
        (io) => exportFhirCommand({ patient: 'nope' }, io, seeded.env, testStreams()),
        'mesodesk: --patient: no patient with id nope',
      ],
      [
        (io) => exportFhirCommand({ clinic: 'nope' }, io, seeded.env, testStreams()),
        'mesodesk: --clinic: no clinic with id nope',
      ],
      [
        (io) => exportFhirCommand({ out: join(seeded.dir, 'missing', 'x.json') }, io, seeded.env, testStreams()),
        'mesodesk: --out: the folder',
      ],
      [(io) => exportFhirCommand({ out: seeded.dir }, io, seeded.env, testStreams()), 'mesodesk: --out:'],
      [
        (io) => exportCsvCommand('patients', {}, io, seeded.env, testStreams()),
        'mesodesk: TABLE: must be one of: sessions, side-effects-by-lot, outcomes-by-indication',
      ],
      [
        (io) => exportCsvCommand('outcomes-by-indication', { names: true }, io, seeded.env, testStreams()),
        'mesodesk: --names:',
      ],
    ];
    for (const [run, message] of cases) {
      const io = captureIo();
      expect(await run(io), message).toBe(2);
      expect(io.stderr.startsWith(message), io.stderr).toBe(true);
    }
  });

  it('exits 1 when there is no usable database', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'mesodesk-interop-empty-'));
    try {
      const missing = captureIo();
      expect(await exportFhirCommand({}, missing, { MESODESK_DATA_DIR: empty }, testStreams())).toBe(1);
      expect(missing.stderr).toMatch(/^mesodesk: no database at /);
      const wrongUrl = captureIo();
      expect(await exportCsvCommand('sessions', {}, wrongUrl, { DATABASE_URL: 'mysql://x' }, testStreams())).toBe(1);
      expect(wrongUrl.stderr).toContain('DATABASE_URL must start with postgres://');

      const unmigrated = createDatabase({ engine: 'sqlite', file: join(empty, sqliteFileName) });
      await unmigrated.destroy();
      const old = captureIo();
      expect(await exportFhirCommand({}, old, { MESODESK_DATA_DIR: empty }, testStreams())).toBe(1);
      expect(old.stderr).toContain('not up to date');
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('asks which clinic when the database holds several', async () => {
    const db = createDatabase({ engine: 'sqlite', file: join(seeded.dir, sqliteFileName) });
    await migrateToLatest(db);
    const second = await createRepositories(db).clinics.create({ name: 'Second clinic' });
    await db.destroy();
    const io = captureIo();
    expect(await exportFhirCommand({}, io, seeded.env, testStreams())).toBe(2);
    expect(io.stderr).toMatch(/^mesodesk: --clinic: required: the database holds 2 clinics/);
    const streams = testStreams();
    expect(await exportFhirCommand({ clinic: second.id }, captureIo(), seeded.env, streams)).toBe(0);
    expect(JSON.parse(streams.stdoutText())).toMatchObject({ resourceType: 'Bundle', entry: [] });
  });

  it('is wired into the mesodesk program', async () => {
    vi.stubEnv('MESODESK_DATA_DIR', seeded.dir);
    try {
      const io = captureIo();
      expect(
        await runCli(
          ['export', 'csv', 'outcomes-by-indication', '--clinic', seeded.clinicId, '--out', out('outcomes.csv')],
          io,
        ),
      ).toBe(0);
      expect(parseCsvRecords(readFileSync(out('outcomes.csv'), 'utf8')).map((r) => r.indication)).toContain(
        'hair_loss',
      );
      const bad = captureIo();
      expect(await runCli(['export', 'csv', 'nope', '--clinic', seeded.clinicId], bad)).toBe(2);
      expect(bad.stderr).toMatch(/^mesodesk: TABLE: /);
      const help = captureIo();
      expect(await runCli(['export', 'fhir', '--help'], help)).toBe(0);
      expect(help.stdout).toContain('--patient <id>');
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
