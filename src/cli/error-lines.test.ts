import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { captureIo } from '../test-support/capture-io.js';
import { testKnowledgeBase } from '../test-support/intake-builder.js';
import { runCli } from './run-cli.js';
import { checkout, runMesodesk, seededDataDir } from './test-support/spawned-cli.js';

/**
 * Whatever goes wrong, the user reads it in the same style: each line starts with "mesodesk: ",
 * in plain words, with no system error code (ENOENT, EISDIR, EACCES...) and no stack trace; bad
 * input exits 2, a failure 1 (the exit codes the help documents).
 */
const knowledgeBase = testKnowledgeBase();
const systemCode = /\bE[A-Z]{3,}\b/;
const stackTrace = /^\s+at |\b(TypeError|RangeError|ReferenceError)\b/m;
const usageHint = '(run "mesodesk --help" for usage)';

function expectErrorLines(stderr: string, context: string): string[] {
  const lines = stderr
    .trimEnd()
    .split('\n')
    .filter((line) => line !== usageHint);
  expect(lines.length, context).toBeGreaterThan(0);
  for (const line of lines) expect(line, context).toMatch(/^mesodesk: \S/);
  expect(stderr, context).not.toMatch(systemCode);
  expect(stderr, context).not.toMatch(stackTrace);
  return lines;
}

let empty: string;
let dataDir: string;
beforeAll(async () => {
  empty = mkdtempSync(join(tmpdir(), 'mesodesk-error-lines-'));
  dataDir = await seededDataDir();
}, 120_000);
afterAll(() => {
  rmSync(empty, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
});

describe('error lines of every command', () => {
  // [arguments, standard input, exit code, what the first line says]
  const cases: [string[], string, 1 | 2, RegExp][] = [
    [['assess', 'examples/nope.json'], '', 2, /^mesodesk: cannot read examples\/nope\.json: no such file$/],
    [['assess', 'examples'], '', 2, /^mesodesk: cannot read examples: is a folder, not a file$/],
    [['assess', '-'], '{"patient": ', 2, /^mesodesk: standard input: not valid JSON: /],
    [['assess', '-'], '"text"', 2, /^mesodesk: standard input: must be a JSON object/],
    [['assess', '-'], '{"patient": {}, "request": {}}', 2, /^mesodesk: patient\.birthDate: required$/],
    [['assess', 'examples/contract-request.json', 'extra'], '', 2, /^mesodesk: too many arguments/],
    [['import', 'fhir', 'examples/nope.json'], '', 2, /^mesodesk: cannot read examples\/nope\.json: no such file$/],
    [['import', 'fhir', 'examples'], '', 2, /^mesodesk: cannot read examples: is a folder, not a file$/],
    [['import', 'fhir', '-'], '[', 2, /^mesodesk: standard input: not valid JSON: /],
    [['kb', 'show', 'nope'], '', 2, /^mesodesk: TOPIC: unknown topic or entry "nope"/],
    [['faq', '--limit', '0', 'pain'], '', 2, /^mesodesk: --limit: must be a whole number/],
    [['faq', ' '], '', 2, /^mesodesk: QUESTION: give some words/],
    [['seed-large', '--patients', 'many'], '', 2, /^mesodesk: --patients must be a whole number/],
    [['seed-large'], '', 2, /^mesodesk: required option '--patients <n>' not specified$/],
    [['pdf', 'aftercare', 'x'], '', 2, /^mesodesk: required option '--out <file>' not specified$/],
    [['export', 'csv', 'nope'], '', 2, /^mesodesk: TABLE: must be one of: /],
    [
      ['export', 'fhir', '--out', '/nonexistent-folder/x.json'],
      '',
      2,
      /^mesodesk: --out: the folder \/nonexistent-folder does not exist$/,
    ],
    [['nope'], '', 2, /^mesodesk: unknown command 'nope'$/],
    [['faq', '--nope'], '', 2, /^mesodesk: unknown option '--nope'$/],
    [['restore', 'examples/nope.sqlite'], '', 1, /^mesodesk: no backup at .*nope\.sqlite$/],
    [['restore', 'examples'], '', 1, /^mesodesk: .*examples is not a readable SQLite database/],
    [['restore', '--images-only', 'examples/contract-request.json'], '', 1, /^mesodesk: .*is not a readable backup/],
  ];

  it.each(cases)('mesodesk %j', async (args, stdin, code, first) => {
    vi.stubEnv('MESODESK_DATA_DIR', dataDir);
    const cwd = process.cwd();
    process.chdir(checkout);
    try {
      const io = captureIo(stdin);
      expect(await runCli(args, io, { knowledgeBase }), io.stderr).toBe(code);
      expect(io.stdout).toBe('');
      expect(expectErrorLines(io.stderr, args.join(' '))[0]).toMatch(first);
    } finally {
      process.chdir(cwd);
      vi.unstubAllEnvs();
    }
  });

  it.each([
    [
      ['export', 'csv', 'sessions'],
      /^mesodesk: no database at .* \(has the server been started with this data folder\?\)$/,
    ],
    [['backup'], /^mesodesk: no database at /],
    [['pdf', 'summary', 'x', '--out', 'x.pdf'], /^mesodesk: no database at /],
  ])('mesodesk %j without a database exits 1', async (args, first) => {
    vi.stubEnv('MESODESK_DATA_DIR', empty);
    vi.stubEnv('DATABASE_URL', '');
    try {
      const io = captureIo();
      expect(await runCli(args, io), io.stderr).toBe(1);
      expect(expectErrorLines(io.stderr, args.join(' '))[0]).toMatch(first);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('in the process a user runs (npm run build first), the same lines', async () => {
    const missing = await runMesodesk(['assess', 'examples/nope.json']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('mesodesk: cannot read examples/nope.json: no such file\n');
    const folder = await runMesodesk(['import', 'fhir', 'examples']);
    expect(folder.code).toBe(2);
    expect(folder.stderr).toBe('mesodesk: cannot read examples: is a folder, not a file\n');
    const noDatabase = await runMesodesk(['export', 'fhir'], { env: { MESODESK_DATA_DIR: empty } });
    expect(noDatabase.code).toBe(1);
    expectErrorLines(noDatabase.stderr, 'export fhir');
  }, 60_000);

  it('the help documents the exit codes', async () => {
    const io = captureIo();
    await runCli(['--help'], io);
    expect(io.stdout).toMatch(/Exit codes: 0 done, 1 failure .*, 2 invalid input/);
  });
});
