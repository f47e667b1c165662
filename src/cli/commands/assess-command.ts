import { readFile } from 'node:fs/promises';
import { assess, UnknownCodeError } from '../../core/assessment/assess.js';
import { formatProblem, parseIntake, type FieldProblem } from '../../core/assessment/parse-intake.js';
import type { KnowledgeBase } from '../../core/knowledge/knowledge-base.js';
import { EXIT, type CliIo } from '../cli-io.js';
import { formatAssessment } from '../format-assessment.js';
import { oneLine } from '../one-line.js';

/** `mesodesk assess FILE|- [--json]`: exit 0 with the result, 2 with one line per input problem. */
export async function assessCommand(file: string, options: { json?: boolean }, kb: KnowledgeBase, io: CliIo): Promise<number> {
  // Each line says which file it is about, so that a script assessing many can tell them apart.
  const inFile = file === '-' ? '' : ` (in ${file})`;
  const invalid = (problems: FieldProblem[], where = inFile) => {
    for (const p of problems) io.err(oneLine(`${formatProblem(p)}${where}`));
    return EXIT.invalidInput;
  };
  let text: string;
  try {
    text = file === '-' ? await io.readStdin() : await readFile(file, 'utf8');
  } catch (error) {
    return invalid([{ field: 'FILE', message: `cannot be read: ${(error as NodeJS.ErrnoException).code ?? String(error)} (${file})` }], '');
  }
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (error) {
    return invalid([{ field: '(body)', message: `not valid JSON: ${(error as Error).message}` }]);
  }
  const parsed = parseIntake(input);
  if (!parsed.ok) return invalid(parsed.problems);
  try {
    const result = assess(parsed.value, kb);
    io.out(options.json ? JSON.stringify(result, null, 2) : formatAssessment(result));
    return EXIT.ok;
  } catch (error) {
    if (error instanceof UnknownCodeError) return invalid([{ field: error.field, message: error.problem }]);
    throw error;
  }
}
