import { readFile } from 'node:fs/promises';
import type { CliIo } from './cli-io.js';
import { CliInputError, fileErrorReason } from './cli-errors.js';

/** What messages call standard input (`-` as FILE). */
export const standardInputName = 'standard input';

/**
 * The text of FILE, or of standard input for `-`, with the name messages give it. A file that
 * cannot be read is the caller's to fix: "cannot read FILE: no such file" (exit 2).
 */
export async function readInput(file: string, io: CliIo): Promise<{ text: string; name: string }> {
  const name = file === '-' ? standardInputName : file;
  try {
    return { text: file === '-' ? await io.readStdin() : await readFile(file, 'utf8'), name };
  } catch (error) {
    throw new CliInputError(undefined, `cannot read ${name}: ${fileErrorReason(error)}`);
  }
}
