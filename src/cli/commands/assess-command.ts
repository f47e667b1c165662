import { assess, UnknownCodeError } from '../../core/assessment/assess.js';
import { formatProblem, parseIntake, type FieldProblem } from '../../core/assessment/parse-intake.js';
import type { KnowledgeBase } from '../../core/knowledge/knowledge-base.js';
import { CliInputError, errorLine, inputErrorLine } from '../cli-errors.js';
import { EXIT, type CliIo } from '../cli-io.js';
import { formatAssessment } from '../format-assessment.js';
import { readInput } from '../read-input.js';

/** `mesodesk assess FILE|- [--json]`: exit 0 with the result, 2 with one line per input problem. */
export async function assessCommand(
  file: string,
  options: { json?: boolean },
  kb: KnowledgeBase,
  io: CliIo,
): Promise<number> {
  let input: { text: string; name: string };
  try {
    input = await readInput(file, io);
  } catch (error) {
    if (!(error instanceof CliInputError)) throw error;
    io.err(inputErrorLine(error));
    return EXIT.invalidInput;
  }
  // Each line says which file it is about, so that a script assessing many can tell them apart.
  const inFile = file === '-' ? '' : ` (in ${file})`;
  const invalid = (problems: FieldProblem[]) => {
    // A problem with the whole input ('(body)' in the API's words) is named by the input's name.
    for (const p of problems)
      io.err(errorLine(p.field === '(body)' ? `${input.name}: ${p.message}` : `${formatProblem(p)}${inFile}`));
    return EXIT.invalidInput;
  };
  let json: unknown;
  try {
    json = JSON.parse(input.text);
  } catch (error) {
    return invalid([{ field: '(body)', message: `not valid JSON: ${(error as Error).message}` }]);
  }
  const parsed = parseIntake(json);
  if (!parsed.ok) return invalid(parsed.problems);
  try {
    const result = assess(parsed.value, kb);
    io.out(options.json ? JSON.stringify(result, null, 2) : formatAssessment(result, kb.data.sources.sources));
    return EXIT.ok;
  } catch (error) {
    if (error instanceof UnknownCodeError) return invalid([{ field: error.field, message: error.problem }]);
    throw error;
  }
}
