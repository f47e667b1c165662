import type { MedicationClass } from '../../core/assessment/intake-schema.js';
import type { Coding } from './fhir-types.js';

/**
 * Which code each mesodesk concept gets in FHIR, and whether that code is a standard one.
 *
 * Standard codes are used only where we are sure of the concept: SNOMED CT codes were checked
 * against published value sets and implementation guides, ATC groups against the WHO index.
 * Everything else gets a code in a mesodesk code system under https://mesodesk.org/fhir and a row
 * here with `standard: false`, so a receiving system knows it needs a local mapping
 * (code-maps.test.ts lists them all, so adding one is a visible decision).
 */

export const SNOMED = 'http://snomed.info/sct';
export const ATC = 'http://www.whocc.no/atc';
export const LOINC = 'http://loinc.org';

const LOCAL = 'https://mesodesk.org/fhir';

export const localSystems = {
  condition: `${LOCAL}/CodeSystem/condition`,
  medicationClass: `${LOCAL}/CodeSystem/medication-class`,
  substance: `${LOCAL}/CodeSystem/ingredient`,
  bodySite: `${LOCAL}/CodeSystem/area`,
  procedure: `${LOCAL}/CodeSystem/procedure`,
  indication: `${LOCAL}/CodeSystem/indication`,
  observation: `${LOCAL}/CodeSystem/observation`,
  product: `${LOCAL}/CodeSystem/product`,
  sideEffect: `${LOCAL}/CodeSystem/side-effect`,
  auditEntity: `${LOCAL}/CodeSystem/audit-entity`,
} as const;

/** Identifier systems for mesodesk's own record ids (UUIDs), and the intake questionnaire. */
export const localIdentifiers = {
  patient: `${LOCAL}/sid/patient`,
  user: `${LOCAL}/sid/user`,
  location: `${LOCAL}/sid/location`,
  record: `${LOCAL}/sid/record`,
  intakeQuestionnaire: `${LOCAL}/Questionnaire/intake`,
  consentText: `${LOCAL}/consent-text`,
} as const;

/** Condition flags of the contract that FHIR R4 has no element for. */
export const localExtensions = {
  controlled: `${LOCAL}/StructureDefinition/condition-controlled`,
  insulinDependent: `${LOCAL}/StructureDefinition/condition-insulin-dependent`,
  medicationCount: `${LOCAL}/StructureDefinition/condition-medication-count`,
} as const;

export type CodeTable =
  | 'condition'
  | 'medication-class'
  | 'body-site'
  | 'procedure'
  | 'observation'
  | 'substance'
  | 'indication'
  | 'product'
  | 'side-effect';

export interface CodeMapRow {
  table: CodeTable;
  /** mesodesk's own code; `*` stands for every code not listed elsewhere in the table. */
  key: string;
  coding: Required<Coding>;
  standard: boolean;
  note?: string;
}

const sct = (code: string, display: string): Required<Coding> => ({ system: SNOMED, code, display });
const atc = (code: string, display: string): Required<Coding> => ({ system: ATC, code, display });
const local = (system: string, code: string, display: string): Required<Coding> => ({ system, code, display });

export const codeMap: readonly CodeMapRow[] = [
  {
    table: 'condition',
    key: 'pregnancy',
    coding: sct('77386006', 'Pregnant'),
    standard: true,
    note: 'patient.pregnant; false is sent as a refuted Condition',
  },
  {
    table: 'condition',
    key: 'breastfeeding',
    coding: sct('169750002', 'Mother currently breast-feeding'),
    standard: true,
    note: 'patient.breastfeeding; false is sent as a refuted Condition',
  },
  { table: 'condition', key: 'stroke', coding: sct('230690007', 'Cerebrovascular accident'), standard: true },
  { table: 'condition', key: 'paralysis', coding: sct('44695005', 'Paralysis'), standard: true },
  { table: 'condition', key: 'diabetes', coding: sct('73211009', 'Diabetes mellitus'), standard: true },
  {
    table: 'condition',
    key: 'diabetes:insulin_dependent',
    coding: sct('46635009', 'Diabetes mellitus type 1'),
    standard: true,
    note: 'diabetes with insulinDependent: true; the exact flag also travels in an extension',
  },
  {
    table: 'condition',
    key: 'hypertension',
    coding: sct('38341003', 'Hypertensive disorder, systemic arterial'),
    standard: true,
  },
  { table: 'condition', key: 'heart_disease', coding: sct('56265001', 'Heart disease'), standard: true },
  { table: 'condition', key: 'cancer', coding: sct('363346000', 'Malignant neoplastic disease'), standard: true },
  {
    table: 'condition',
    key: 'bleeding_disorder',
    coding: sct('64779008', 'Blood coagulation disorder'),
    standard: true,
  },
  { table: 'condition', key: 'urticaria', coding: sct('126485001', 'Urticaria'), standard: true },
  {
    table: 'condition',
    key: 'hair_transplant',
    coding: local(localSystems.condition, 'hair_transplant', 'Hair transplant'),
    standard: false,
    note: 'a past procedure that the contract lists among conditions; its date is the onset',
  },
  {
    table: 'condition',
    key: '*',
    coding: local(localSystems.condition, '*', 'the intake code itself'),
    standard: false,
    note: 'any other condition code of the intake',
  },

  {
    table: 'medication-class',
    key: 'nsaid',
    coding: atc('M01A', 'Antiinflammatory and antirheumatic products, non-steroids'),
    standard: true,
    note: 'aspirin included, as in the contract',
  },
  {
    table: 'medication-class',
    key: 'anticoagulant',
    coding: atc('B01A', 'Antithrombotic agents'),
    standard: true,
    note: 'when the name does not tell the group',
  },
  {
    table: 'medication-class',
    key: 'anticoagulant:vitamin_k_antagonist',
    coding: atc('B01AA', 'Vitamin K antagonists'),
    standard: true,
  },
  { table: 'medication-class', key: 'anticoagulant:heparin', coding: atc('B01AB', 'Heparin group'), standard: true },
  {
    table: 'medication-class',
    key: 'anticoagulant:direct_thrombin_inhibitor',
    coding: atc('B01AE', 'Direct thrombin inhibitors'),
    standard: true,
  },
  {
    table: 'medication-class',
    key: 'anticoagulant:direct_factor_xa_inhibitor',
    coding: atc('B01AF', 'Direct factor Xa inhibitors'),
    standard: true,
  },
  {
    table: 'medication-class',
    key: 'antiplatelet',
    coding: atc('B01AC', 'Platelet aggregation inhibitors excl. heparin'),
    standard: true,
  },
  {
    table: 'medication-class',
    key: 'antibiotic',
    coding: atc('J01', 'Antibacterials for systemic use'),
    standard: true,
  },
  { table: 'medication-class', key: 'insulin', coding: atc('A10A', 'Insulins and analogues'), standard: true },
  {
    table: 'medication-class',
    key: 'other',
    coding: local(localSystems.medicationClass, 'other', 'Other medicine'),
    standard: false,
    note: 'none of the classes that bear on mesotherapy',
  },

  { table: 'body-site', key: 'scalp', coding: sct('41695006', 'Scalp structure'), standard: true },
  { table: 'body-site', key: 'face', coding: sct('89545001', 'Face structure'), standard: true },
  { table: 'body-site', key: 'neck', coding: sct('45048000', 'Neck structure'), standard: true },
  {
    table: 'body-site',
    key: '*',
    coding: local(localSystems.bodySite, '*', 'the area code itself'),
    standard: false,
    note: 'periorbital, decollete, hands, abdomen and the other areas of the knowledge base',
  },

  {
    table: 'procedure',
    key: 'mesotherapy',
    coding: local(localSystems.procedure, 'mesotherapy', 'Mesotherapy'),
    standard: false,
  },
  {
    table: 'indication',
    key: '*',
    coding: local(localSystems.indication, '*', 'the indication code itself'),
    standard: false,
    note: 'CarePlan.category',
  },
  {
    table: 'observation',
    key: 'treatment-outcome',
    coding: local(localSystems.observation, 'treatment-outcome', 'Treatment outcome rating'),
    standard: false,
  },
  {
    table: 'observation',
    key: 'patient-rating',
    coding: local(localSystems.observation, 'patient-rating', 'Outcome rated by the patient'),
    standard: false,
  },
  {
    table: 'observation',
    key: 'practitioner-rating',
    coding: local(localSystems.observation, 'practitioner-rating', 'Outcome rated by the practitioner'),
    standard: false,
  },
  {
    table: 'substance',
    key: '*',
    coding: local(localSystems.substance, '*', 'the allergy substance as written'),
    standard: false,
    note: 'knowledge-base ingredient ids and names; `unknown` for an unidentified component',
  },
  { table: 'product', key: '*', coding: local(localSystems.product, '*', 'the product id'), standard: false },
  {
    table: 'side-effect',
    key: '*',
    coding: local(localSystems.sideEffect, '*', 'the symptom as reported'),
    standard: false,
    note: 'AdverseEvent.event carries the words as text',
  },
];

/** Standard codes from FHIR's own terminology and elsewhere that are used as they are. */
export const fhirTerminology = {
  conditionClinical: 'http://terminology.hl7.org/CodeSystem/condition-clinical',
  conditionVerification: 'http://terminology.hl7.org/CodeSystem/condition-ver-status',
  allergyClinical: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical',
  allergyVerification: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-verification',
  adverseEventSeverity: 'http://terminology.hl7.org/CodeSystem/adverse-event-severity',
  consentScope: 'http://terminology.hl7.org/CodeSystem/consentscope',
  observationCategory: 'http://terminology.hl7.org/CodeSystem/observation-category',
  auditEventType: 'http://terminology.hl7.org/CodeSystem/audit-event-type',
  objectRole: 'http://terminology.hl7.org/CodeSystem/object-role',
  signatureType: 'urn:iso-astm:E1762-95:2013',
} as const;

export const consentCategory: Required<Coding> = { system: LOINC, code: '59284-0', display: 'Patient Consent' };
export const consentSignatureType: Required<Coding> = {
  system: fhirTerminology.signatureType,
  code: '1.2.840.10065.1.12.1.7',
  display: 'Consent Signature',
};
/** Read on import only: the IPS way of stating pregnancy (LOINC 82810-3 with a SNOMED CT answer). */
export const pregnancyStatus = {
  code: { system: LOINC, code: '82810-3' },
  pregnant: '77386006',
  notPregnant: '60001007',
} as const;

/** Codes read on import that mesodesk never writes: more specific SNOMED CT concepts of a condition it knows. */
export const conditionImportAliases: ReadonlyMap<string, string> = new Map([
  ['44054006', 'diabetes'], // Diabetes mellitus type 2
  ['59621000', 'hypertension'], // Essential hypertension
]);

function row(table: CodeTable, key: string): CodeMapRow | undefined {
  return codeMap.find((r) => r.table === table && r.key === key);
}

/** The coding for a code of a table, falling back to the table's local `*` row with the code itself. */
export function codingFor(table: CodeTable, key: string, display?: string): Required<Coding> {
  const exact = row(table, key);
  if (exact) return exact.coding;
  const any = row(table, '*');
  if (!any) throw new RangeError(`no ${table} code for ${key}`);
  return { system: any.coding.system, code: key, display: display ?? key };
}

export function conditionCoding(code: string, insulinDependent: boolean | undefined): Required<Coding> {
  return codingFor('condition', code === 'diabetes' && insulinDependent === true ? 'diabetes:insulin_dependent' : code);
}

/** mesodesk's condition code for a SNOMED CT or mesodesk coding, if it has one. */
export function conditionFromCoding(coding: Coding): { code: string; insulinDependent?: true } | undefined {
  if (!coding.code) return undefined;
  if (coding.system === localSystems.condition) return { code: coding.code };
  if (coding.system !== SNOMED) return undefined;
  const hit = codeMap.find((r) => r.table === 'condition' && r.standard && r.coding.code === coding.code);
  if (hit)
    return hit.key === 'diabetes:insulin_dependent' ? { code: 'diabetes', insulinDependent: true } : { code: hit.key };
  const alias = conditionImportAliases.get(coding.code);
  return alias ? { code: alias } : undefined;
}

// Named anticoagulants whose ATC group is certain; any other anticoagulant is sent as B01A.
const anticoagulantGroups: ReadonlyMap<string, string> = new Map([
  ...['warfarin', 'acenocoumarol', 'phenprocoumon'].map((n) => [n, 'anticoagulant:vitamin_k_antagonist'] as const),
  ...['heparin', 'enoxaparin', 'dalteparin', 'tinzaparin', 'nadroparin'].map(
    (n) => [n, 'anticoagulant:heparin'] as const,
  ),
  ...['dabigatran', 'argatroban', 'bivalirudin'].map((n) => [n, 'anticoagulant:direct_thrombin_inhibitor'] as const),
  ...['rivaroxaban', 'apixaban', 'edoxaban'].map((n) => [n, 'anticoagulant:direct_factor_xa_inhibitor'] as const),
]);

export function medicationClassCoding(medicationClass: MedicationClass, name: string | undefined): Required<Coding> {
  const group =
    medicationClass === 'anticoagulant' && name ? anticoagulantGroups.get(name.trim().toLowerCase()) : undefined;
  return codingFor('medication-class', group ?? medicationClass);
}

// Longest prefix first. N02BA (salicylates, e.g. aspirin as a painkiller) counts as an NSAID, as
// the contract does; every other B01A group is treated as an anticoagulant, which the assessment
// handles exactly as it handles antiplatelets (the most restrictive reading).
const atcPrefixes: readonly (readonly [string, MedicationClass])[] = [
  ['B01AC', 'antiplatelet'],
  ['N02BA', 'nsaid'],
  ['M01A', 'nsaid'],
  ['A10A', 'insulin'],
  ['B01A', 'anticoagulant'],
  ['J01', 'antibiotic'],
];

export type ClassFromCoding = { class: MedicationClass } | { ambiguous: string } | undefined;

/**
 * The medication class for an ATC or mesodesk coding. A specific ATC code outside every group above
 * is `other`; a code too general to tell (B01, A10, M) is ambiguous rather than guessed.
 */
export function medicationClassFromCoding(coding: Coding): ClassFromCoding {
  const code = coding.code?.trim().toUpperCase();
  if (!code) return undefined;
  if (coding.system === localSystems.medicationClass) {
    const known = ['nsaid', 'anticoagulant', 'antiplatelet', 'antibiotic', 'insulin', 'other'] as const;
    const hit = known.find((k) => k === code.toLowerCase());
    return hit ? { class: hit } : undefined;
  }
  if (coding.system !== ATC) return undefined;
  const match = atcPrefixes.find(([prefix]) => code.startsWith(prefix));
  if (match) return { class: match[1] };
  if (atcPrefixes.some(([prefix]) => prefix.startsWith(code)))
    return { ambiguous: `ATC ${code} is too general to tell the medicine class` };
  return code.length >= 4 ? { class: 'other' } : { ambiguous: `ATC ${code} is too general to tell the medicine class` };
}
