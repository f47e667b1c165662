import type { IntakeRequest } from '../api/api-types';
import { localToday } from '../dates/local-date';

/** A yes / no / don't know answer. "Don't know" leaves the attribute out, as the contract reads it. */
export type Answer = 'yes' | 'no' | 'unknown';

export const knownConditions = [
  'diabetes',
  'hypertension',
  'heart_disease',
  'cancer',
  'stroke',
  'paralysis',
  'bleeding_disorder',
  'urticaria',
  'hair_transplant',
] as const;
export type KnownCondition = (typeof knownConditions)[number];

export const medicationClasses = ['nsaid', 'anticoagulant', 'antiplatelet', 'antibiotic', 'insulin', 'other'] as const;
export type MedicationClass = (typeof medicationClasses)[number];

export const procedureTypes = ['laser', 'peel', 'botox', 'filler', 'hair_transplant', 'mesotherapy'] as const;
export const combinableProcedures = ['botox', 'filler', 'prp'] as const;

export interface ConditionDraft {
  checked: boolean;
  insulinDependent: Answer;
  controlled: Answer;
  active: Answer;
  medicationCount: string;
  date: string;
}

export interface MedicationDraft {
  class: MedicationClass;
  name: string;
  ongoing: boolean;
  lastDose: string;
}

/**
 * A condition typed in. `reviewed`: a clinician judged it irrelevant to mesotherapy. The server only
 * heeds that for a condition its knowledge base does not recognise; until then, such a condition
 * leaves the screening open and treatment waits.
 */
export interface OtherConditionDraft {
  code: string;
  controlled: Answer;
  reviewed: boolean;
}

export interface ProcedureDraft {
  type: string;
  date: string;
}

/** The intake form's state: strings and flags as the inputs hold them, turned into the request on submit. */
export interface IntakeDraft {
  indication: string;
  area: string;
  date: string;
  combineWith: string[];
  pregnant: boolean;
  breastfeeding: boolean;
  needleFear: boolean;
  conditions: Record<KnownCondition, ConditionDraft>;
  otherConditions: OtherConditionDraft[];
  medications: MedicationDraft[];
  allergies: string[];
  /** Allergies a clinician has reviewed and judged irrelevant to mesotherapy (sent as `reviewed: true`). */
  reviewedAllergies: string[];
  procedures: ProcedureDraft[];
  inflammation: boolean;
  skinDamage: boolean;
}

const blankCondition: ConditionDraft = {
  checked: false,
  insulinDependent: 'unknown',
  controlled: 'unknown',
  active: 'unknown',
  medicationCount: '',
  date: '',
};

export function emptyDraft(): IntakeDraft {
  return {
    indication: '',
    area: '',
    date: localToday(),
    combineWith: [],
    pregnant: false,
    breastfeeding: false,
    needleFear: false,
    conditions: Object.fromEntries(knownConditions.map((c) => [c, { ...blankCondition }])) as Record<
      KnownCondition,
      ConditionDraft
    >,
    otherConditions: [],
    medications: [],
    allergies: [],
    reviewedAllergies: [],
    procedures: [],
    inflammation: false,
    skinDamage: false,
  };
}

export function emptyMedication(): MedicationDraft {
  return { class: 'nsaid', name: '', ongoing: false, lastDose: '' };
}

const answerOf = (value: unknown): Answer => (value === true ? 'yes' : value === false ? 'no' : 'unknown');
const flagOf = (answer: Answer): boolean | undefined => (answer === 'unknown' ? undefined : answer === 'yes');

function isKnown(code: string): code is KnownCondition {
  return (knownConditions as readonly string[]).includes(code);
}

type Loose = Record<string, unknown>;
const text = (value: unknown) => (typeof value === 'string' ? value : '');

/**
 * The draft for an earlier intake, so a new version starts from what is on record. The treatment
 * date is today's: an old date would assess the wrong day.
 */
export function draftFromIntake(data: IntakeRequest | Loose): IntakeDraft {
  const draft = emptyDraft();
  const patient = ((data as Loose).patient ?? {}) as Loose;
  const request = ((data as Loose).request ?? {}) as Loose;
  draft.indication = text(request.indication);
  draft.area = text(request.area);
  draft.combineWith = Array.isArray(request.combineWith) ? request.combineWith.map(String) : [];
  draft.pregnant = patient.pregnant === true;
  draft.breastfeeding = patient.breastfeeding === true;
  draft.needleFear = patient.needleFear === true;
  for (const condition of (patient.conditions ?? []) as Loose[]) {
    const code = text(condition.code);
    if (isKnown(code))
      draft.conditions[code] = {
        checked: true,
        insulinDependent: answerOf(condition.insulinDependent),
        controlled: answerOf(condition.controlled),
        active: answerOf(condition.active),
        medicationCount: typeof condition.medicationCount === 'number' ? String(condition.medicationCount) : '',
        date: text(condition.date),
      };
    else if (code)
      draft.otherConditions.push({
        code,
        controlled: answerOf(condition.controlled),
        reviewed: condition.reviewed === true,
      });
  }
  draft.medications = ((patient.medications ?? []) as Loose[]).map((m) => ({
    class: (medicationClasses as readonly string[]).includes(text(m.class)) ? (m.class as MedicationClass) : 'other',
    name: text(m.name),
    ongoing: m.ongoing === true,
    lastDose: text(m.lastDose),
  }));
  const allergies = (patient.allergies ?? []) as Loose[];
  draft.allergies = allergies.map((a) => text(a.substance)).filter(Boolean);
  draft.reviewedAllergies = allergies
    .filter((a) => a.reviewed === true)
    .map((a) => text(a.substance))
    .filter(Boolean);
  draft.procedures = ((patient.recentProcedures ?? []) as Loose[]).map((p) => ({
    type: text(p.type),
    date: text(p.date),
  }));
  const site = (patient.site ?? {}) as Loose;
  draft.inflammation = site.inflammation === true;
  draft.skinDamage = site.skinDamage === true;
  return draft;
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** The contract's request. Questions that were hidden (e.g. pregnancy for a man) send nothing. */
export function draftToRequest(
  draft: IntakeDraft,
  patient: { birthDate: string; sex: 'female' | 'male' | 'other' | 'unknown' },
): IntakeRequest {
  const canBePregnant = patient.sex !== 'male';
  const conditions: NonNullable<IntakeRequest['patient']['conditions']> = knownConditions
    .filter((code) => draft.conditions[code].checked)
    .map((code) => {
      const c = draft.conditions[code];
      const count = c.medicationCount.trim() === '' ? undefined : Number(c.medicationCount);
      return withoutUndefined({
        code,
        insulinDependent: code === 'diabetes' ? flagOf(c.insulinDependent) : undefined,
        controlled: ['diabetes', 'hypertension', 'heart_disease'].includes(code) ? flagOf(c.controlled) : undefined,
        medicationCount: code === 'heart_disease' && count !== undefined && Number.isFinite(count) ? count : undefined,
        active: code === 'cancer' ? flagOf(c.active) : undefined,
        date: code === 'hair_transplant' && c.date ? c.date : undefined,
      });
    });
  for (const other of draft.otherConditions)
    if (other.code.trim())
      conditions.push(
        withoutUndefined({
          code: other.code.trim().toLowerCase().replace(/\s+/g, '_'),
          controlled: flagOf(other.controlled),
          reviewed: other.reviewed || undefined,
        }),
      );

  return {
    patient: withoutUndefined({
      birthDate: patient.birthDate,
      sex: patient.sex,
      pregnant: canBePregnant ? draft.pregnant : undefined,
      breastfeeding: canBePregnant ? draft.breastfeeding : undefined,
      needleFear: draft.needleFear,
      conditions,
      medications: draft.medications.map((m) =>
        withoutUndefined({
          class: m.class,
          name: m.name.trim() || undefined,
          ongoing: m.ongoing || undefined,
          lastDose: !m.ongoing && m.lastDose ? m.lastDose : undefined,
        }),
      ),
      allergies: draft.allergies.map((substance) =>
        draft.reviewedAllergies.includes(substance) ? { substance, reviewed: true } : { substance },
      ),
      recentProcedures: draft.procedures
        .filter((p) => p.type)
        .map((p) => withoutUndefined({ type: p.type, date: p.date || undefined })),
      site: { inflammation: draft.inflammation, skinDamage: draft.skinDamage },
    }),
    request: { indication: draft.indication, area: draft.area, date: draft.date, combineWith: draft.combineWith },
  };
}
