import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { extractPdf } from '../../interop/test-support/pdf-text.js';
import { seedInteropDataDir, type SeededDataDir } from '../../services/documents/test-support/interop-records.js';
import { createDatabase } from '../../storage/create-database.js';
import { sqliteFileName } from '../../storage/database-config.js';
import { createRepositories } from '../../storage/repositories/repositories.js';
import { captureIo } from '../../test-support/capture-io.js';
import { testKnowledgeBase } from '../../test-support/test-app.js';
import { runCli } from '../run-cli.js';
import { pdfCommand } from './pdf-command.js';

describe('mesodesk pdf', () => {
  let seeded: SeededDataDir;
  beforeAll(async () => {
    seeded = await seedInteropDataDir(testKnowledgeBase());
  });
  afterAll(() => rmSync(seeded.dir, { recursive: true, force: true }));

  const write = async (kind: 'aftercare' | 'consent' | 'summary', id: string, locale?: string) => {
    const out = join(seeded.dir, `${kind}-${locale ?? 'en'}.pdf`);
    const io = captureIo();
    const code = await pdfCommand(kind, id, { out, ...(locale ? { locale } : {}) }, io, seeded.env);
    expect(code, io.stderr).toBe(0);
    expect(io.stderr).toContain(`Wrote ${out}`);
    return (await extractPdf(readFileSync(out))).flat;
  };

  it('writes the aftercare sheet in English or Turkish, in the location’s zone', async () => {
    expect(await write('aftercare', seeded.records.plannedSession.id)).toContain('7 Dec 2026, 13:00 (Europe/Istanbul)');
    const turkish = await write('aftercare', seeded.records.plannedSession.id, 'tr');
    expect(turkish).toContain('Mezoterapi seansınızdan sonra bakım');
    expect(turkish).toContain('Ayşe Yılmaz');
    expect(turkish).toContain('7 Ara 2026 13:00');
  });

  it('writes the consent form and the treatment summary, and audits each', async () => {
    const consent = await write('consent', seeded.records.signature.id, 'tr');
    expect(consent).toContain('Tedavi onam formu');
    expect(consent).toContain('İğne uygulamasının risklerini anladım');
    const summary = await write('summary', seeded.records.course.id);
    expect(summary).toContain('Treatment summary');
    expect(summary).toContain('LOT-TR-B');

    const db = createDatabase({ engine: 'sqlite', file: join(seeded.dir, sqliteFileName) });
    const audit = await createRepositories(db).audit.list({
      clinicId: seeded.clinicId,
      patientId: seeded.patient.id,
      limit: 50,
      offset: 0,
    });
    await db.destroy();
    expect(audit.map((a) => [a.entity, a.route])).toEqual(
      expect.arrayContaining([
        ['consent_form', 'cli: mesodesk pdf consent'],
        ['treatment_summary', 'cli: mesodesk pdf summary'],
        ['aftercare_sheet', 'cli: mesodesk pdf aftercare'],
      ]),
    );
  });

  it('exits 2 naming the argument for bad input, 1 when the document cannot be made', async () => {
    const out = join(seeded.dir, 'never.pdf');
    const cases: [() => ReturnType<typeof pdfCommand>, ReturnType<typeof captureIo>, RegExp][] = [];
    const add = (
      kind: 'aftercare' | 'consent' | 'summary',
      id: string,
      opts: { out: string; locale?: string },
      message: RegExp,
    ) => {
      const io = captureIo();
      cases.push([() => pdfCommand(kind, id, opts, io, seeded.env), io, message]);
    };
    add('aftercare', 'nope', { out }, /^mesodesk: SESSION_ID: no session with id nope/);
    add('consent', 'nope', { out }, /^mesodesk: SIGNATURE_ID: no consent signature with id nope/);
    add('summary', 'nope', { out }, /^mesodesk: COURSE_ID: no course with id nope/);
    add(
      'aftercare',
      seeded.records.plannedSession.id,
      { out, locale: 'de' },
      /^mesodesk: --locale: must be one of: en, tr/,
    );
    add(
      'aftercare',
      seeded.records.plannedSession.id,
      { out: join(seeded.dir, 'missing', 'x.pdf') },
      /^mesodesk: --out: the folder/,
    );
    for (const [run, io, message] of cases) {
      expect(await run(), String(message)).toBe(2);
      expect(io.stderr).toMatch(message);
    }
    const cancelled = captureIo();
    expect(await pdfCommand('aftercare', seeded.records.cancelledSession.id, { out }, cancelled, seeded.env)).toBe(1);
    expect(cancelled.stderr).toMatch(/^mesodesk: the session was cancelled/);
    expect(() => readFileSync(out)).toThrow();
  });

  it('is wired into the mesodesk program, and --out is required', async () => {
    vi.stubEnv('MESODESK_DATA_DIR', seeded.dir);
    try {
      const out = join(seeded.dir, 'wired.pdf');
      expect(
        await runCli(['pdf', 'summary', seeded.records.course.id, '--out', out, '--locale', 'tr'], captureIo()),
      ).toBe(0);
      expect((await extractPdf(readFileSync(out))).flat).toContain('Tedavi özeti');
      const missing = captureIo();
      expect(await runCli(['pdf', 'aftercare', seeded.records.plannedSession.id], missing)).toBe(2);
      expect(missing.stderr).toMatch(/^mesodesk: required option '--out <file>' not specified/);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
