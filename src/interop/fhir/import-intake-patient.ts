import type { PatientCondition, Medication as IntakeMedication } from '../../core/assessment/intake-schema.js';
import { birthDateProblem } from '../../core/dates/birth-date-range.js';
import { isIsoDate, type IsoDate } from '../../core/dates/iso-date.js';
import type { Sex } from '../records.js';
import { BundleIndex, type IndexedResource } from './bundle-index.js';
import { importAllergy } from './import-allergies.js';
import { importCondition, importPregnancyObservation, type ConditionImport } from './import-conditions.js';
import { importMedicationStatement } from './import-medications.js';
import {
  allergySchema,
  bundleSchema,
  conditionSchema,
  medicationStatementSchema,
  observationSchema,
  patientSchema,
} from './import-schemas.js';

/**
 * The contract's intake `patient`, pre-filled from another system. `birthDate` is absent when the
 * Bundle has none; everything FHIR cannot say (recent procedures, the site, needle fear) is left
 * for the clinician to fill.
 */
export interface IntakePatientDraft {
  birthDate?: string;
  sex?: Sex;
  pregnant?: boolean;
  breastfeeding?: boolean;
  conditions: PatientCondition[];
  medications: IntakeMedication[];
  allergies: { substance: string }[];
  recentProcedures: { type: string; date?: string }[];
  site: { inflammation?: boolean; skinDamage?: boolean };
}

export interface UnmappedResource {
  resourceType: string;
  id: string;
  reason: string;
}

export interface IntakeImport {
  /** The FHIR id of the Patient the facts were read for. */
  patientId: string;
  patient: IntakePatientDraft;
  /** Resources about this patient that could not become intake facts; a clinician should look at each. */
  unmapped: UnmappedResource[];
}

export class FhirImportError extends Error {
  constructor(
    message: string,
    /** The element at fault as a path into the Bundle (`entry[0].resource.birthDate`), when one is. */
    readonly field?: string,
  ) {
    super(message);
  }
}

const sexes: readonly Sex[] = ['female', 'male', 'other', 'unknown'];
const READ = new Set(['Patient', 'Condition', 'AllergyIntolerance', 'MedicationStatement', 'Observation']);

function choosePatient(patients: IndexedResource[], patientId: string | undefined): IndexedResource {
  if (patientId !== undefined) {
    const hit = patients.find((p) => p.id === patientId);
    if (!hit) throw new FhirImportError(`the Bundle has no Patient with id ${patientId}`);
    return hit;
  }
  if (patients.length === 1 && patients[0]) return patients[0];
  if (patients.length === 0) throw new FhirImportError('the Bundle has no Patient');
  throw new FhirImportError(
    `the Bundle has ${patients.length} Patients (${patients.map((p) => p.id ?? '?').join(', ')}); say which one`,
  );
}

function firstIssue(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.map(String).join('.') || 'resource'}: ${issue.message}` : 'invalid';
}

/**
 * Reads a FHIR R4 Bundle's Patient, Condition, AllergyIntolerance and MedicationStatement (and an
 * IPS pregnancy-status Observation) into a pre-filled intake patient. Where two resources disagree
 * on pregnancy or breastfeeding, "yes" wins: the most restrictive reading, as the assessment policy asks.
 * A birth date outside 1900-01-01..`today` (the caller's date: the import reads no clock) is refused,
 * naming the element: a typo in the other system that no clinician should carry into an intake.
 */
export function importIntakePatient(
  bundleJson: unknown,
  options: { today: IsoDate; patientId?: string },
): IntakeImport {
  const parsed = bundleSchema.safeParse(bundleJson);
  if (!parsed.success) throw new FhirImportError(`not a FHIR Bundle: ${firstIssue(parsed.error)}`);
  const resources: IndexedResource[] = [];
  for (const e of parsed.data.entry) {
    if (!e.resource) continue;
    resources.push({
      resourceType: e.resource.resourceType,
      resource: e.resource,
      ...(e.resource.id ? { id: e.resource.id } : {}),
      ...(e.fullUrl ? { fullUrl: e.fullUrl } : {}),
    });
  }
  const bundle = new BundleIndex(resources);
  const patientEntry = choosePatient(
    resources.filter((r) => r.resourceType === 'Patient'),
    options.patientId,
  );

  const draft: IntakePatientDraft = { conditions: [], medications: [], allergies: [], recentProcedures: [], site: {} };
  const unmapped: UnmappedResource[] = [];
  const miss = (r: IndexedResource, reason: string) =>
    unmapped.push({ resourceType: r.resourceType, id: r.id ?? r.fullUrl ?? '(no id)', reason });

  const patient = patientSchema.safeParse(patientEntry.resource);
  if (!patient.success) miss(patientEntry, firstIssue(patient.error));
  else {
    const { birthDate, gender } = patient.data;
    if (birthDate && isIsoDate(birthDate)) {
      const problem = birthDateProblem(birthDate, options.today);
      if (problem) {
        const index = parsed.data.entry.findIndex((e) => e.resource === patientEntry.resource);
        throw new FhirImportError(
          `${problem}: the Bundle gives ${birthDate} for Patient ${patientEntry.id ?? '(no id)'}`,
          `entry[${index}].resource.birthDate`,
        );
      }
      draft.birthDate = birthDate;
    } else miss(patientEntry, birthDate ? `birth date is not a full date: ${birthDate}` : 'no birth date');
    const sex = sexes.find((s) => s === gender);
    if (sex) draft.sex = sex;
    else if (gender !== undefined) miss(patientEntry, `gender not understood: ${gender}`);
  }

  const applyState = (r: IndexedResource, result: ConditionImport) => {
    if (result.kind === 'state') draft[result.state] = (draft[result.state] ?? false) || result.value;
    else if (result.kind === 'condition') draft.conditions.push(result.condition);
    else miss(r, result.reason);
  };

  for (const r of resources) {
    if (r === patientEntry || !READ.has(r.resourceType)) continue;
    switch (r.resourceType) {
      case 'Condition': {
        const c = conditionSchema.safeParse(r.resource);
        if (!c.success) miss(r, firstIssue(c.error));
        else if (bundle.refersTo(c.data.subject.reference, patientEntry)) applyState(r, importCondition(c.data));
        break;
      }
      case 'Observation': {
        const o = observationSchema.safeParse(r.resource);
        if (!o.success || !bundle.refersTo(o.data.subject?.reference, patientEntry)) break;
        const result = importPregnancyObservation(o.data);
        if (result) applyState(r, result);
        break;
      }
      case 'AllergyIntolerance': {
        const a = allergySchema.safeParse(r.resource);
        if (!a.success) miss(r, firstIssue(a.error));
        else if (bundle.refersTo(a.data.patient.reference, patientEntry)) {
          const result = importAllergy(a.data);
          if (result.kind === 'allergy') draft.allergies.push({ substance: result.substance });
          else miss(r, result.reason);
        }
        break;
      }
      case 'MedicationStatement': {
        const s = medicationStatementSchema.safeParse(r.resource);
        if (!s.success) miss(r, firstIssue(s.error));
        else if (bundle.refersTo(s.data.subject.reference, patientEntry)) {
          const result = importMedicationStatement(s.data, bundle);
          if (result.kind === 'medication') draft.medications.push(result.medication);
          else miss(r, result.reason);
        }
        break;
      }
      case 'Patient':
        break;
    }
  }
  return { patientId: patientEntry.id ?? patientEntry.fullUrl ?? '(no id)', patient: draft, unmapped };
}
