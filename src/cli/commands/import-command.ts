import { FhirImportInputError, importIntake } from '../../services/documents/fhir-import.js';
import { CliInputError } from '../cli-errors.js';
import type { CliIo } from '../cli-io.js';
import { readInput } from '../read-input.js';
import { runRecordCommand } from './export-command.js';

/**
 * `mesodesk import fhir FILE [--patient ID]`: a FHIR R4 Bundle from another system, read into a
 * pre-filled intake (`{ "patient": ... }`, the contract's request without its `request` part) on
 * stdout. Nothing is stored and no database is needed. What could not be mapped is listed on
 * stderr, for a clinician to go through.
 */
export function importFhirCommand(
  file: string,
  opts: { patient?: string },
  io: CliIo,
  deps: { now?: () => Date } = {},
): Promise<number> {
  return runRecordCommand(io, async () => {
    // What is wrong with the content is said after the file's name (or "standard input").
    const { text, name } = await readInput(file, io);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new CliInputError(name, `not valid JSON: ${(error as Error).message}`);
    }
    let imported;
    try {
      const today = (deps.now ?? (() => new Date()))().toISOString().slice(0, 10);
      imported = importIntake(json, { today, patientId: opts.patient });
    } catch (error) {
      if (error instanceof FhirImportInputError) {
        if (error.field === 'patientId') throw new CliInputError('--patient', error.message);
        throw new CliInputError(name, error.field === '(body)' ? error.message : `${error.field}: ${error.message}`);
      }
      throw error;
    }
    io.out(JSON.stringify({ patient: imported.patient }, null, 2));
    if (imported.unmapped.length) {
      io.err(
        `${imported.unmapped.length} resource(s) of Patient ${imported.patientId} not mapped to intake facts; check each:`,
      );
      for (const u of imported.unmapped) io.err(`  ${u.resourceType} ${u.id}: ${u.reason}`);
    }
  });
}
