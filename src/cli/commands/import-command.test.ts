import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exportPatientBundle } from '../../interop/index.js';
import { sampleGroup } from '../../interop/test-support/sample-records.js';
import { captureIo } from '../../test-support/capture-io.js';
import { runCli } from '../run-cli.js';
import { importFhirCommand } from './import-command.js';

const dir = mkdtempSync(join(tmpdir(), 'mesodesk-import-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

const patientEntry = (id: string) => ({
  fullUrl: `urn:uuid:${id}`,
  resource: { resourceType: 'Patient', id, birthDate: '1990-04-12', gender: 'female' },
});

describe('mesodesk import fhir', () => {
  it('prints the pre-filled intake of an exported Bundle, with nothing unmapped', async () => {
    const io = captureIo();
    expect(await importFhirCommand(file('sample.json', exportPatientBundle(sampleGroup())), {}, io)).toBe(0);
    const printed = JSON.parse(io.stdout) as { patient: Record<string, unknown> };
    expect(printed.patient).toMatchObject({
      birthDate: '1988-06-02',
      sex: 'female',
      allergies: [{ substance: 'hyaluronidase' }],
    });
    expect(printed.patient.conditions).toHaveLength(3);
    expect(io.stderr).toBe('');
  });

  it('lists what it could not map on stderr, one line each', async () => {
    const bundle = {
      resourceType: 'Bundle',
      type: 'collection',
      entry: [
        patientEntry('p1'),
        {
          resource: {
            resourceType: 'Condition',
            id: 'c1',
            subject: { reference: 'Patient/p1' },
            code: { text: 'Something nobody coded' },
          },
        },
        { resource: { resourceType: 'AllergyIntolerance', id: 'a1', patient: { reference: 'Patient/p1' } } },
      ],
    };
    const io = captureIo();
    expect(await importFhirCommand(file('unmapped.json', bundle), {}, io)).toBe(0);
    expect(JSON.parse(io.stdout).patient.birthDate).toBe('1990-04-12');
    const lines = io.stderr.trim().split('\n');
    expect(lines[0]).toMatch(/^2 resource\(s\) of Patient p1 not mapped/);
    expect(lines.slice(1).map((l) => l.trim().split(':')[0])).toEqual(['Condition c1', 'AllergyIntolerance a1']);
  });

  it('reads standard input with -', async () => {
    const io = captureIo(JSON.stringify({ resourceType: 'Bundle', entry: [patientEntry('p1')] }));
    expect(await importFhirCommand('-', {}, io)).toBe(0);
    expect(JSON.parse(io.stdout).patient.sex).toBe('female');
  });

  it('exits 2 naming the file or --patient for bad input', async () => {
    const two = file('two.json', { resourceType: 'Bundle', entry: [patientEntry('a1'), patientEntry('b2')] });
    const cases: [string, { patient?: string }, RegExp][] = [
      [join(dir, 'missing.json'), {}, /^mesodesk: cannot read \/.*\/missing\.json: no such file$/m],
      [file('broken.json', '{"resourceType": '), {}, /^mesodesk: \/.*\/broken\.json: not valid JSON/],
      [
        file('patient.json', { resourceType: 'Patient', id: 'p1' }),
        {},
        /^mesodesk: \/.*\/patient\.json: not a FHIR Bundle/,
      ],
      [
        file('empty.json', { resourceType: 'Bundle', entry: [] }),
        {},
        /^mesodesk: \/.*\/empty\.json: entry: must contain a Patient/,
      ],
      [two, {}, /^mesodesk: --patient: required: the Bundle has 2 Patients \(a1, b2\)/],
      [two, { patient: 'c3' }, /^mesodesk: --patient: must be the id of a Patient in the Bundle/],
    ];
    for (const [path, opts, message] of cases) {
      const io = captureIo();
      expect(await importFhirCommand(path, opts, io), String(message)).toBe(2);
      expect(io.stderr).toMatch(message);
      expect(io.stdout).toBe('');
    }
    const chosen = captureIo();
    expect(await importFhirCommand(two, { patient: 'b2' }, chosen)).toBe(0);
  });

  it('exits 2 naming the element for a birth date before 1900 or after today', async () => {
    const born = (birthDate: string) =>
      file(`born-${birthDate}.json`, {
        resourceType: 'Bundle',
        entry: [{ resource: { resourceType: 'Patient', id: 'p1', birthDate } }],
      });
    const now = () => new Date('2026-12-06T10:00:00Z');
    for (const [birthDate, message] of [
      ['1899-12-31', 'must be 1900-01-01 or later'],
      ['2026-12-07', 'must not be in the future'],
    ] as const) {
      const io = captureIo();
      expect(await importFhirCommand(born(birthDate), {}, io, { now }), birthDate).toBe(2);
      expect(io.stderr).toMatch(
        new RegExp(`^mesodesk: /.*/born-${birthDate}\\.json: entry\\[0\\]\\.resource\\.birthDate: ${message}: `),
      );
      expect(io.stdout).toBe('');
    }
    expect(await importFhirCommand(born('2026-12-06'), {}, captureIo(), { now })).toBe(0);
  });

  it('is wired into the mesodesk program', async () => {
    const io = captureIo();
    expect(
      await runCli(['import', 'fhir', file('wired.json', { resourceType: 'Bundle', entry: [patientEntry('p9')] })], io),
    ).toBe(0);
    expect(JSON.parse(io.stdout).patient.birthDate).toBe('1990-04-12');
    expect(await runCli(['import', 'fhir'], captureIo())).toBe(2);
  });
});
