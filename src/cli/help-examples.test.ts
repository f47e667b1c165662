import { chmodSync, cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureIo } from '../test-support/capture-io.js';
import { commandPaths, runCli } from './run-cli.js';
import { binScript, checkout, runShell, seededDataDir } from './test-support/spawned-cli.js';

/**
 * Every `Example:` line of every `--help` text runs, as written, and exits 0. The examples of one
 * help text run in order in one working folder (so a restore example can use the file the backup
 * example before it wrote), with a fresh copy of a small generated clinic as its data folder, the
 * checkout's examples/ folder beside it, and `mesodesk` on the PATH as the built CLI
 * (bin/mesodesk.js: `npm run build` first). They run in bash with pipefail, so `> bundle.json`
 * writes into that folder and `mesodesk … | head -5` fails when mesodesk does.
 */

/** The help text of each command, by the words that name it ('' for the program). */
async function helpTexts(): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  for (const path of commandPaths()) {
    if (path.at(-1) === 'help') continue; // commander's own `help [command]`
    const io = captureIo();
    const code = await runCli([...path, '--help'], io);
    if (code !== 0) throw new Error(`mesodesk ${path.join(' ')} --help exited ${code}: ${io.stderr}`);
    texts.set(path.join(' '), io.stdout);
  }
  return texts;
}

const examplesOf = (help: string) => [...help.matchAll(/^Example: (.+)$/gm)].map((m) => m[1]!.trim());

const helps = await helpTexts();
const examples = [...helps]
  .map(([command, help]) => ({ command: command || '(the program)', lines: examplesOf(help) }))
  .filter((e) => e.lines.length > 0);

let root: string;
let template: string;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'mesodesk-help-examples-'));
  template = await seededDataDir('Help examples clinic');
}, 120_000);

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(template, { recursive: true, force: true });
});

/** A working folder for one help text's examples: its own data folder, examples/, and `mesodesk` on the PATH. */
function workingFolder(name: string): { cwd: string; env: Record<string, string> } {
  const cwd = join(root, name.replace(/\W+/g, '-') || 'program');
  const dataDir = join(cwd, 'data');
  mkdirSync(cwd, { recursive: true });
  cpSync(template, dataDir, { recursive: true });
  symlinkSync(join(checkout, 'examples'), join(cwd, 'examples'));
  const bin = join(cwd, '.bin');
  mkdirSync(bin);
  const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  writeFileSync(join(bin, 'mesodesk'), `#!/bin/sh\nexec ${quote(process.execPath)} ${quote(binScript)} "$@"\n`);
  chmodSync(join(bin, 'mesodesk'), 0o755);
  return { cwd, env: { MESODESK_DATA_DIR: dataDir, PATH: `${bin}${delimiter}${process.env.PATH ?? ''}` } };
}

describe('the examples in the help texts', () => {
  it('are found: the commands that have examples show them, each a mesodesk command line', () => {
    const commands = examples.map((e) => e.command);
    for (const command of [
      '(the program)',
      'assess',
      'kb show',
      'faq',
      'backup',
      'restore',
      'demo',
      'seed-large',
      'export fhir',
      'export csv',
    ])
      expect(commands).toContain(command);
    for (const { lines } of examples) for (const line of lines) expect(line).toMatch(/^mesodesk /);
  });

  it.each(examples)(
    '$command: every example exits 0',
    async ({ command, lines }) => {
      const { cwd, env } = workingFolder(command);
      for (const line of lines) {
        const run = await runShell(line, { cwd, env });
        expect(run.code, `${line}\n${run.stderr}`).toBe(0);
        expect(run.stderr, line).not.toMatch(/^mesodesk: /m);
      }
    },
    180_000,
  );
});
