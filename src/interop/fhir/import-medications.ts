import type { Medication as IntakeMedication } from '../../core/assessment/intake-schema.js';
import { codeMap, medicationClassFromCoding } from './code-maps.js';
import { BundleIndex, datePart } from './bundle-index.js';
import {
  conceptSchema,
  medicationSchema,
  type FhirConcept,
  type ImportedMedicationStatement,
} from './import-schemas.js';

export type MedicationImport =
  { kind: 'medication'; medication: IntakeMedication } | { kind: 'unmapped'; reason: string };

const classCodes = new Set(
  codeMap.filter((r) => r.table === 'medication-class').map((r) => `${r.coding.system}|${r.coding.code}`),
);

/** The medicine concept, inline, contained (#id) or another entry of the Bundle. */
function medicineOf(s: ImportedMedicationStatement, bundle: BundleIndex): FhirConcept | undefined {
  if (s.medicationCodeableConcept) return s.medicationCodeableConcept;
  const ref = s.medicationReference?.reference;
  if (!ref) return undefined;
  const target = ref.startsWith('#')
    ? s.contained?.find((r) => r.resourceType === 'Medication' && r.id === ref.slice(1))
    : bundle.resolve(ref)?.resource;
  const med = medicationSchema.safeParse(target);
  return med.success ? conceptSchema.parse(med.data.code ?? {}) : undefined;
}

function nameOf(concept: FhirConcept): string | undefined {
  if (concept.text?.trim()) return concept.text.trim();
  // A group code's display ("Antithrombotic agents") is not the medicine's name.
  return concept.coding?.find((c) => c.display && !classCodes.has(`${c.system}|${c.code}`))?.display;
}

export function importMedicationStatement(s: ImportedMedicationStatement, bundle: BundleIndex): MedicationImport {
  if (s.status === 'entered-in-error') return { kind: 'unmapped', reason: 'entered in error' };
  if (s.status === 'not-taken') return { kind: 'unmapped', reason: 'not taken' };
  const concept = medicineOf(s, bundle);
  if (!concept) return { kind: 'unmapped', reason: 'no medicine given (or its Medication is not in the Bundle)' };
  const results = (concept.coding ?? []).map(medicationClassFromCoding);
  const found = results.find((r) => r !== undefined && 'class' in r);
  const name = nameOf(concept);
  if (!found || !('class' in found)) {
    const ambiguous = results.find((r) => r !== undefined && 'ambiguous' in r);
    const why = ambiguous && 'ambiguous' in ambiguous ? ambiguous.ambiguous : 'no ATC or mesodesk medicine-class code';
    return { kind: 'unmapped', reason: `${name ?? 'medicine'}: ${why}` };
  }
  const medication: IntakeMedication = { class: found.class };
  if (name) medication.name = name;
  const lastDose = datePart(s.effectiveDateTime) ?? datePart(s.effectivePeriod?.end);
  if (lastDose) medication.lastDose = lastDose;
  const openPeriod = s.effectivePeriod !== undefined && s.effectivePeriod.end === undefined;
  if (s.status === 'active' || (openPeriod && s.status !== 'completed' && s.status !== 'stopped'))
    medication.ongoing = true;
  return { kind: 'medication', medication };
}
