/**
 * The parts of FHIR R4 (https://hl7.org/fhir/R4/) that mesodesk writes. Only the elements used are
 * declared; the official JSON schema (checked in tests) is the authority on the rest.
 */

export interface Coding {
  system?: string;
  code?: string;
  display?: string;
}

export interface CodeableConcept {
  coding?: Coding[];
  text?: string;
}

export interface Identifier {
  system?: string;
  value?: string;
}

export interface Reference {
  reference?: string;
  type?: string;
  identifier?: Identifier;
  display?: string;
}

export interface Extension {
  url: string;
  valueBoolean?: boolean;
  valueInteger?: number;
  valueString?: string;
}

export interface Period {
  start?: string;
  end?: string;
}

export interface Annotation {
  text: string;
  time?: string;
  authorString?: string;
  authorReference?: Reference;
}

export interface Attachment {
  contentType?: string;
  data?: string;
  title?: string;
  creation?: string;
}

interface ResourceBase {
  id: string;
  meta?: { lastUpdated?: string };
  extension?: Extension[];
}

export interface Patient extends ResourceBase {
  resourceType: 'Patient';
  identifier?: Identifier[];
  name?: { family?: string; given?: string[]; text?: string }[];
  telecom?: { system: 'phone' | 'email'; value: string }[];
  gender?: 'male' | 'female' | 'other' | 'unknown';
  birthDate?: string;
}

export interface Condition extends ResourceBase {
  resourceType: 'Condition';
  clinicalStatus?: CodeableConcept;
  verificationStatus?: CodeableConcept;
  code: CodeableConcept;
  subject: Reference;
  onsetDateTime?: string;
  recordedDate?: string;
}

export interface AllergyIntolerance extends ResourceBase {
  resourceType: 'AllergyIntolerance';
  clinicalStatus?: CodeableConcept;
  verificationStatus?: CodeableConcept;
  code: CodeableConcept;
  patient: Reference;
  recordedDate?: string;
}

export interface MedicationStatement extends ResourceBase {
  resourceType: 'MedicationStatement';
  status: 'active' | 'completed' | 'entered-in-error' | 'intended' | 'stopped' | 'on-hold' | 'unknown' | 'not-taken';
  medicationCodeableConcept: CodeableConcept;
  subject: Reference;
  effectiveDateTime?: string;
  dateAsserted?: string;
}

export type QuestionnaireAnswer =
  | { valueBoolean: boolean }
  | { valueInteger: number }
  | { valueDecimal: number }
  | { valueDate: string }
  | { valueString: string };

export interface QuestionnaireResponseItem {
  linkId: string;
  answer?: QuestionnaireAnswer[];
  item?: QuestionnaireResponseItem[];
}

export interface QuestionnaireResponse extends ResourceBase {
  resourceType: 'QuestionnaireResponse';
  questionnaire: string;
  status: 'completed';
  subject: Reference;
  authored: string;
  item: QuestionnaireResponseItem[];
}

export interface CarePlan extends ResourceBase {
  resourceType: 'CarePlan';
  status: 'draft' | 'active' | 'on-hold' | 'revoked' | 'completed' | 'entered-in-error' | 'unknown';
  intent: 'plan';
  category?: CodeableConcept[];
  title?: string;
  description?: string;
  subject: Reference;
  created?: string;
  activity?: { reference: Reference }[];
  note?: Annotation[];
}

export interface Appointment extends ResourceBase {
  resourceType: 'Appointment';
  status:
    | 'proposed'
    | 'pending'
    | 'booked'
    | 'arrived'
    | 'fulfilled'
    | 'cancelled'
    | 'noshow'
    | 'entered-in-error'
    | 'checked-in'
    | 'waitlist';
  serviceType?: CodeableConcept[];
  start: string;
  end?: string;
  minutesDuration?: number;
  created?: string;
  supportingInformation?: Reference[];
  participant: { actor: Reference; required?: 'required'; status: 'accepted' }[];
}

export interface Procedure extends ResourceBase {
  resourceType: 'Procedure';
  status: 'completed';
  code: CodeableConcept;
  subject: Reference;
  basedOn?: Reference[];
  performedPeriod?: Period;
  performedDateTime?: string;
  performer?: { actor: Reference }[];
  bodySite?: CodeableConcept[];
  note?: Annotation[];
  usedReference?: Reference[];
  usedCode?: CodeableConcept[];
}

export interface Medication extends ResourceBase {
  resourceType: 'Medication';
  code: CodeableConcept;
  manufacturer?: Reference;
  ingredient?: { itemCodeableConcept: CodeableConcept }[];
  batch: { lotNumber: string; expirationDate: string };
}

export interface AdverseEvent extends ResourceBase {
  resourceType: 'AdverseEvent';
  actuality: 'actual';
  event: CodeableConcept;
  subject: Reference;
  date?: string;
  detected?: string;
  recordedDate?: string;
  severity?: CodeableConcept;
  suspectEntity?: { instance: Reference }[];
}

export interface Consent extends ResourceBase {
  resourceType: 'Consent';
  status: 'active';
  scope: CodeableConcept;
  category: CodeableConcept[];
  patient: Reference;
  dateTime: string;
  performer?: Reference[];
  sourceAttachment: Attachment;
  policy: { uri: string }[];
}

export interface Provenance extends ResourceBase {
  resourceType: 'Provenance';
  target: Reference[];
  recorded: string;
  agent: { who: Reference }[];
  signature: { type: Coding[]; when: string; who: Reference; sigFormat: string; data: string }[];
}

export interface Observation extends ResourceBase {
  resourceType: 'Observation';
  status: 'final';
  category?: CodeableConcept[];
  code: CodeableConcept;
  subject: Reference;
  partOf?: Reference[];
  effectiveDateTime?: string;
  issued?: string;
  component?: { code: CodeableConcept; valueInteger: number }[];
  note?: Annotation[];
}

export interface AuditEvent extends ResourceBase {
  resourceType: 'AuditEvent';
  type: Coding;
  action: 'C' | 'R' | 'U' | 'D' | 'E';
  recorded: string;
  outcome: '0';
  agent: { who: Reference; role?: CodeableConcept[]; requestor: boolean }[];
  source: { observer: Reference };
  entity?: { what: Reference; role?: Coding; description?: string }[];
}

export type ExportedResource =
  | Patient
  | Condition
  | AllergyIntolerance
  | MedicationStatement
  | QuestionnaireResponse
  | CarePlan
  | Appointment
  | Procedure
  | Medication
  | AdverseEvent
  | Consent
  | Provenance
  | Observation
  | AuditEvent;

export interface BundleEntry<R = ExportedResource> {
  fullUrl: string;
  resource: R;
}

export interface Bundle {
  resourceType: 'Bundle';
  type: 'collection';
  timestamp: string;
  entry: BundleEntry[];
}
