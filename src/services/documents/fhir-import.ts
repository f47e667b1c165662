import { bundleSchema } from '../../interop/fhir/import-schemas.js';
import type { IsoDate } from '../../core/dates/iso-date.js';
import { FhirImportError, importIntakePatient, type IntakeImport } from '../../interop/index.js';

/**
 * What is wrong with an import, and which input to fix: the Patient's id, the Bundle's entries, one
 * element of an entry (`entry[0].resource.birthDate`), or the Bundle as a whole.
 */
export class FhirImportInputError extends Error {
  override name = 'FhirImportInputError';
  constructor(
    readonly field: 'patientId' | 'entry' | `entry[${number}].${string}` | '(body)',
    message: string,
  ) {
    super(message);
  }
}

function checkPatientChoice(bundle: unknown, patientId: string | undefined): void {
  const parsed = bundleSchema.safeParse(bundle);
  if (!parsed.success) return; // the importer says what is wrong with it
  const patients = parsed.data.entry.flatMap((e) =>
    e.resource?.resourceType === 'Patient' ? [e.resource.id ?? '(no id)'] : [],
  );
  if (patientId !== undefined) {
    if (!patients.includes(patientId))
      throw new FhirImportInputError(
        'patientId',
        `must be the id of a Patient in the Bundle (it has: ${patients.join(', ') || 'none'})`,
      );
  } else if (patients.length === 0) throw new FhirImportInputError('entry', 'must contain a Patient resource');
  else if (patients.length > 1)
    throw new FhirImportInputError(
      'patientId',
      `required: the Bundle has ${patients.length} Patients (${patients.join(', ')}); say which one`,
    );
}

const entryField = /^entry\[\d+\]\./;
const isEntryField = (field: string | undefined): field is `entry[${number}].${string}` =>
  field !== undefined && entryField.test(field);

/** A Bundle from another system as a pre-filled intake patient, as of `today` (the caller's date); nothing is stored. */
export function importIntake(bundle: unknown, options: { today: IsoDate; patientId?: string }): IntakeImport {
  const { today, patientId } = options;
  checkPatientChoice(bundle, patientId);
  try {
    return importIntakePatient(bundle, { today, patientId });
  } catch (error) {
    if (error instanceof FhirImportError)
      throw new FhirImportInputError(isEntryField(error.field) ? error.field : '(body)', error.message);
    throw error;
  }
}
