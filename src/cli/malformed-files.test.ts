import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatFieldPath, withValueAt, wrongTypeAt, wrongTypeFor } from '../test-support/hostile-values.js';
import { exampleRequest } from '../test-support/intake-examples.js';
import { testKnowledgeBase } from '../test-support/test-app.js';
import { assessCommand } from './commands/assess-command.js';
import { importFhirCommand } from './commands/import-command.js';
import { runCli } from './run-cli.js';
import {
  expectClearError,
  expectFieldNamed,
  fileWith,
  folder,
  garbage,
  hugeBytes,
  missingFile,
  outcome,
  runs,
  truncated,
  type Outcome,
} from './test-support/malformed-file-support.js';

/**
 * Every CLI command that reads a file (assess, import fhir; restore and restore --images-only in
 * malformed-backup-restore.test.ts; kb lint in malformed-knowledge-files.test.ts), given files that are broken in every way fast-check
 * can make them: cut short, wrong types, binary garbage, empty, missing, a folder, huge. Each must exit non-zero with an error on one
 * line that names the file (and the field, for a well-formed file with a wrong value), no stack
 * trace. import fhir stores nothing
 * by design (it prints a pre-filled intake): the last block checks that through the real process.
 * FUZZ_RUNS raises the number of files of each kind (see `runs`).
 */

/** Broken JSON files of every kind, each with what must be named: the file, and the field where there is one. */
function brokenJsonFiles(valid: object): fc.Arbitrary<{ file: string; field?: string }> {
  const text = JSON.stringify(valid, null, 2);
  return fc.oneof(
    truncated(text).map((t) => ({ file: fileWith(t) })),
    garbage.map((bytes) => ({ file: fileWith(bytes) })),
    wrongTypeAt(valid).map(({ body, path }) => ({
      file: fileWith(JSON.stringify(body)),
      field: formatFieldPath(path),
    })),
    fc.constantFrom('', ' ', '\ufeff', 'null', '[]', '"text"', '0').map((t) => ({ file: fileWith(t) })),
    fc.constant(null).map(() => ({ file: missingFile() })),
    fc.constant(null).map(() => ({ file: folder() })),
  );
}

/** A file with a huge value in `field` is refused naming the file and the field, without the value. */
function expectHugeValueNamed(
  result: Outcome,
  file: string,
  field: string,
  fieldsOf: (line: string) => string[],
): void {
  const lines = expectClearError(result, file);
  expectFieldNamed(lines, field, fieldsOf);
  expect(
    lines.every((line) => line.length < 1000),
    'the huge value is not echoed back',
  ).toBe(true);
}

describe('mesodesk assess with a malformed file', () => {
  const valid = exampleRequest('contract-request');
  /** `mesodesk: patient.birthDate: required (in FILE)`: the field is what comes after the prefix. */
  const fieldsOf = (line: string) => [line.split(': ')[1] ?? ''];
  const assess = (file: string) => outcome((io) => assessCommand(file, {}, testKnowledgeBase(), io));

  /** Codes the knowledge base does not know, with line breaks and escape sequences to be echoed. */
  const unknownCodes = fc
    .tuple(
      fc.constantFrom<(string | number)[]>(['request', 'indication'], ['request', 'area']),
      fc.string({ unit: 'binary', minLength: 1, maxLength: 20 }).map((s) => `${s}\n\u001b[2J`),
    )
    .map(([path, code]) => ({
      file: fileWith(JSON.stringify(withValueAt(valid, path, code))),
      field: formatFieldPath(path),
    }));

  it('exits 2 naming the file on every line, and the field for a wrong value', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(brokenJsonFiles(valid), unknownCodes), async ({ file, field }) => {
        const result = await assess(file);
        const lines = expectClearError(result, file);
        expect(result.code).toBe(2);
        for (const line of lines) expect(line).toContain(file);
        if (field) expectFieldNamed(lines, field, fieldsOf);
      }),
      { numRuns: runs * 4 },
    );
  });

  it('refuses a huge file the same way', async () => {
    const hugeGarbage = fileWith(Buffer.alloc(hugeBytes, '{'));
    expectClearError(await assess(hugeGarbage), hugeGarbage);
    const hugeField = fileWith(
      JSON.stringify({ ...valid, patient: { ...(valid.patient as object), birthDate: '1'.repeat(hugeBytes) } }),
    );
    expectHugeValueNamed(await assess(hugeField), hugeField, 'patient.birthDate', fieldsOf);
  });

  it('is what `mesodesk assess` runs', async () => {
    const file = fileWith('{"patient": ');
    expectClearError(await outcome((io) => runCli(['assess', file], io, { knowledgeBase: testKnowledgeBase() })), file);
  });
});

describe('mesodesk import fhir with a malformed file', () => {
  const valid = {
    resourceType: 'Bundle',
    entry: [
      {
        fullUrl: 'urn:uuid:p1',
        resource: { resourceType: 'Patient', id: 'p1', birthDate: '1990-04-12', gender: 'female' },
      },
      {
        fullUrl: 'urn:uuid:c1',
        resource: {
          resourceType: 'Condition',
          id: 'c1',
          subject: { reference: 'Patient/p1' },
          code: { text: 'Migraine' },
        },
      },
    ],
  };
  /** `mesodesk: FILE: not a FHIR Bundle: entry.0.resource: Invalid input`: every word that looks like a path. */
  const fieldsOf = (line: string) => line.split(': ').slice(1);
  const importFhir = (file: string) => outcome((io) => importFhirCommand(file, {}, io));

  it('exits 2 naming the file, and the field for a wrong value in the Bundle', async () => {
    // The Bundle's own structure is checked; a resource's fields are read leniently and what cannot
    // be read is listed for a clinician (exit 0), so wrong values go into the structure only.
    const structure = fc.constantFrom<(string | number)[]>(
      ['resourceType'],
      ['entry'],
      ['entry', 0],
      ['entry', 0, 'resource'],
      ['entry', 0, 'resource', 'resourceType'],
      ['entry', 0, 'resource', 'id'],
      ['entry', 1, 'fullUrl'],
    );
    const wrongStructure = structure.chain((path) => {
      const original = path.reduce<unknown>((value, key) => (value as Record<string | number, unknown>)[key], valid);
      return wrongTypeFor(original).map((value) => ({
        file: fileWith(JSON.stringify(withValueAt(valid, path, value))),
        field: formatFieldPath(path),
      }));
    });
    const notStructure = brokenJsonFiles(valid).filter(({ field }) => field === undefined);
    await fc.assert(
      fc.asyncProperty(fc.oneof(wrongStructure, notStructure), async ({ file, field }) => {
        const result = await importFhir(file);
        const lines = expectClearError(result, file);
        expect(result.code).toBe(2);
        expect(lines).toHaveLength(1);
        if (field) expectFieldNamed(lines, field, fieldsOf);
      }),
      { numRuns: runs * 4 },
    );
  });

  it('refuses a huge file the same way', async () => {
    const hugeGarbage = fileWith(Buffer.alloc(hugeBytes, '['));
    expectClearError(await importFhir(hugeGarbage), hugeGarbage);
    const hugeType = fileWith(JSON.stringify({ ...valid, resourceType: 'B'.repeat(hugeBytes) }));
    expectHugeValueNamed(await importFhir(hugeType), hugeType, 'resourceType', fieldsOf);
  });

  it('is what `mesodesk import fhir` runs', async () => {
    const file = folder();
    expectClearError(await outcome((io) => runCli(['import', 'fhir', file], io)), file);
  });
});

describe('bin/mesodesk.js with malformed files (the process a user runs)', () => {
  const checkout = join(import.meta.dirname, '..', '..');
  /** The built CLI (npm run build), as npx runs it: exit code and output of the real process. */
  function mesodesk(args: string[], env: Record<string, string> = {}): Outcome {
    const run = spawnSync(process.execPath, ['bin/mesodesk.js', ...args], {
      cwd: checkout,
      encoding: 'utf8',
      env: { ...process.env, ...env },
      timeout: 60_000,
    });
    return { code: run.status ?? -1, stdout: run.stdout, stderr: run.stderr };
  }

  it('exits non-zero with one line naming the file, and no stack trace, for each command', () => {
    const garbageJson = fileWith(Buffer.from([0x7b, 0x0a, 0x1b, 0x5b, 0x32, 0x4a, 0xff, 0xfe, 0x00]));
    expect(expectClearError(mesodesk(['assess', garbageJson]), garbageJson)).toHaveLength(1);
    const directory = folder();
    expect(expectClearError(mesodesk(['import', 'fhir', directory]), directory)).toHaveLength(1);
    const dataDir = folder();
    const backup = fileWith(Buffer.alloc(4096, 0xab), '.sqlite');
    expect(expectClearError(mesodesk(['restore', backup], { MESODESK_DATA_DIR: dataDir }), backup)).toHaveLength(1);
    expect(readdirSync(dataDir)).toEqual([]);
  });

  it('stores nothing on import: the data folder stays empty', () => {
    const dataDir = folder();
    const bundle = fileWith(
      JSON.stringify({
        resourceType: 'Bundle',
        entry: [{ resource: { resourceType: 'Patient', id: 'p1', birthDate: 'x'.repeat(5000) } }],
      }),
    );
    const result = mesodesk(['import', 'fhir', bundle], { MESODESK_DATA_DIR: dataDir });
    expect(result.code, result.stderr).toBe(0);
    expect(readdirSync(dataDir)).toEqual([]);
    const broken = fileWith('{"resourceType": "Bundle", "entry": [');
    expectClearError(mesodesk(['import', 'fhir', broken], { MESODESK_DATA_DIR: dataDir }), broken);
    expect(readdirSync(dataDir)).toEqual([]);
  });
});
