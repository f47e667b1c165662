import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, expect } from 'vitest';
import { captureIo } from '../../test-support/capture-io.js';
import { relatedFields } from '../../test-support/hostile-values.js';

// What the malformed-file tests share: files to break, running a command, and what a clear error is.

/** How many files of each kind a property tries: FUZZ_RUNS, or 12. */
export const runs = Number(process.env.FUZZ_RUNS) > 0 ? Number(process.env.FUZZ_RUNS) : 12;

/** The size of the huge files: beyond what a command should read whole. */
export const hugeBytes = 24 * 1024 * 1024;

/** The folder the files of one test file are written to (removed after it). */
export const root = mkdtempSync(join(tmpdir(), 'mesodesk-malformed-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let fileCount = 0;
export function fileWith(content: string | Uint8Array, extension = '.json'): string {
  const path = join(root, `input-${++fileCount}${extension}`);
  writeFileSync(path, content);
  return path;
}

/** A path that names no file, and one that names a folder. */
export const missingFile = () => join(root, `missing-${++fileCount}.json`);
export function folder(): string {
  const path = join(root, `folder-${++fileCount}`);
  mkdirSync(path);
  return path;
}

export interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

export async function outcome(run: (io: ReturnType<typeof captureIo>) => Promise<number> | number): Promise<Outcome> {
  const io = captureIo();
  const code = await run(io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

export const stackTrace =
  /^\s+at .+\(.*:\d+:\d+\)|^\s+at .+:\d+:\d+$|\b(TypeError|RangeError|ReferenceError|SyntaxError)\b|Cannot read propert/m;

/** Exit non-zero, print nothing on stdout, and explain on stderr in lines (no stack trace) the first of which names the file. */
export function expectClearError(result: Outcome, file: string): string[] {
  const context = `${file} → exit ${result.code}\n${result.stderr.slice(0, 2000)}`;
  expect(result.code, context).not.toBe(0);
  expect(result.stdout, context).toBe('');
  expect(result.stderr, context).not.toMatch(stackTrace);
  const lines = result.stderr.trimEnd().split('\n');
  expect(lines[0], context).toContain(file);
  return lines;
}

/** Field paths as the lines write them (`entry.0.resource` as `entry[0].resource`). */
const normalisedField = (field: string) => field.replace(/\.(\d+)(?=\.|$)/g, '[$1]');

export function expectFieldNamed(lines: readonly string[], field: string, fieldsOf: (line: string) => string[]): void {
  const named = lines.flatMap(fieldsOf).map(normalisedField);
  expect(
    named.some((f) => relatedFields(f, field)),
    `expected ${field} among ${named.join(', ')}:\n${lines.join('\n')}`,
  ).toBe(true);
}

/** Well-formed text cut short anywhere before its end. */
export const truncated = (text: string) => fc.integer({ min: 0, max: text.length - 1 }).map((n) => text.slice(0, n));
export const garbage = fc.uint8Array({ minLength: 1, maxLength: 4000 });
