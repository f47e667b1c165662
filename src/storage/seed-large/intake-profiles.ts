import type { Intake, Medication, Patient, PatientCondition } from '../../core/assessment/intake-schema.js';
import { addDays, addMonths } from '../../core/dates/iso-date.js';
import type { KnowledgeBase } from '../../core/knowledge/knowledge-base.js';
import type { Sex } from '../../core/records/index.js';
import type { SeededRandom } from './seeded-random.js';

/**
 * Intakes as a busy clinic sees them: mostly healthy adults, with the conditions, medicines,
 * allergies, recent procedures and site problems that the contraindication and precaution rules
 * exist for, at rough real-world rates. Every intake has the shape `parseIntake` returns, so the
 * stored data is exactly what the API would have stored.
 */

/** How often each indication is asked for, and in which of its areas (first listed: most often). */
const indicationWeights: readonly (readonly [string, number])[] = [
  ['skin_rejuvenation', 28],
  ['hair_loss', 22],
  ['cellulite', 14],
  ['localized_fat', 10],
  ['pigmentation', 7],
  ['stretch_marks', 6],
  ['under_eye', 5],
  ['scars', 4],
  ['hyperhidrosis', 2],
  ['pain', 2],
];

const allergens = [
  'penicillin',
  'latex',
  'nickel',
  'pollen',
  'lidocaine',
  'hyaluronidase',
  'hyaluronic acid',
  'vitamin c',
  'sulphur',
  'unknown',
];
/** Allergies the knowledge base does not know, which the clinician has reviewed (judged irrelevant to mesotherapy). */
const reviewedAllergens = new Set(['penicillin', 'latex', 'nickel', 'pollen']);
const laterProcedures = ['laser', 'peel'];
const combined = ['botox', 'filler', 'microneedling'];

export interface IntakeSubject {
  birthDate: string;
  sex: Sex;
  age: number;
}

function request(kb: KnowledgeBase, random: SeededRandom, date: string): Intake['request'] {
  const known = indicationWeights.filter(([id]) => kb.indications.has(id));
  const indicationId = known.length ? random.weighted(known) : random.pick([...kb.indications.keys()]);
  const indication = kb.indications.get(indicationId);
  const listed = indication?.areas ?? [...kb.areas.keys()];
  // Front-loaded: the first area of an indication is the one most patients ask about.
  const r = random.next();
  let area = listed[Math.floor(r * r * listed.length)] ?? [...kb.areas.keys()][0] ?? 'face';
  // Now and then an area the indication does not describe (a precaution, not a refusal).
  if (random.chance(0.01)) area = random.pick([...kb.areas.keys()]);
  return { indication: indicationId, area, date, combineWith: random.chance(0.03) ? [random.pick(combined)] : [] };
}

function conditions(random: SeededRandom, date: string): PatientCondition[] {
  const list: PatientCondition[] = [];
  if (random.chance(0.09)) list.push({ code: 'hypertension', controlled: !random.chance(0.1) });
  if (random.chance(0.05)) {
    const insulin = random.chance(0.2);
    list.push(
      random.chance(0.1)
        ? { code: 'diabetes' }
        : { code: 'diabetes', insulinDependent: insulin, controlled: !random.chance(0.08) },
    );
  }
  if (random.chance(0.02))
    list.push({
      code: 'heart_disease',
      medicationCount: random.weighted([
        [0, 1],
        [1, 3],
        [2, 1],
      ]),
      controlled: true,
    });
  // Not a condition the knowledge base knows: the clinician has reviewed it (else the intake would stay open).
  if (random.chance(0.04)) list.push({ code: 'hypothyroidism', controlled: true, reviewed: true });
  if (random.chance(0.005)) list.push({ code: 'urticaria' });
  if (random.chance(0.003)) list.push({ code: 'bleeding_disorder' });
  if (random.chance(0.004))
    list.push({ code: 'cancer', active: random.chance(0.4), date: addMonths(date, -random.int(6, 120)) });
  if (random.chance(0.002)) list.push({ code: 'stroke', date: addMonths(date, -random.int(6, 200)) });
  return list;
}

function medications(random: SeededRandom, date: string, conditionList: readonly PatientCondition[]): Medication[] {
  const list: Medication[] = [];
  if (random.chance(0.06))
    list.push({
      name: random.pick(['ibuprofen', 'diclofenac', 'naproxen', 'aspirin']),
      class: 'nsaid',
      lastDose: addDays(date, -random.int(0, 20)),
    });
  if (random.chance(0.01))
    list.push({ name: random.pick(['apixaban', 'rivaroxaban', 'warfarin']), class: 'anticoagulant', ongoing: true });
  if (random.chance(0.012)) list.push({ name: 'clopidogrel', class: 'antiplatelet', ongoing: true });
  if (random.chance(0.02))
    list.push({
      name: random.pick(['amoxicillin', 'doxycycline', 'azithromycin']),
      class: 'antibiotic',
      lastDose: addDays(date, -random.int(0, 21)),
    });
  if (conditionList.some((c) => c.code === 'diabetes' && c.insulinDependent === true))
    list.push({ name: 'insulin glargine', class: 'insulin', ongoing: true });
  if (conditionList.some((c) => c.code === 'hypertension'))
    list.push({ name: random.pick(['ramipril', 'amlodipine', 'bisoprolol']), class: 'other', ongoing: true });
  if (random.chance(0.08))
    list.push({
      name: random.pick(['levothyroxine', 'cetirizine', 'oral contraceptive', 'vitamin d']),
      class: 'other',
      ongoing: true,
    });
  return list;
}

function recentProcedures(random: SeededRandom, date: string, indication: string): Patient['recentProcedures'] {
  const list: Patient['recentProcedures'] = [];
  if (random.chance(0.04)) list.push({ type: random.pick(laterProcedures), date: addDays(date, -random.int(1, 40)) });
  if (indication === 'hair_loss' && random.chance(0.03))
    list.push({ type: 'hair_transplant', date: addMonths(date, -random.int(2, 24)) });
  return list;
}

const allergy = (substance: string) =>
  reviewedAllergens.has(substance) ? { substance, reviewed: true } : { substance };

/** A first intake for a patient, on `date`. */
export function firstIntake(kb: KnowledgeBase, random: SeededRandom, subject: IntakeSubject, date: string): Intake {
  const req = request(kb, random, date);
  const conditionList = conditions(random, date);
  const childbearing = subject.sex === 'female' && subject.age >= 18 && subject.age <= 45;
  const patient: Patient = {
    birthDate: subject.birthDate,
    sex: subject.sex,
    pregnant: childbearing && random.chance(0.015),
    breastfeeding: childbearing && random.chance(0.015),
    conditions: conditionList,
    medications: medications(random, date, conditionList),
    allergies: random.chance(0.08) ? [allergy(random.pick(allergens))] : [],
    recentProcedures: recentProcedures(random, date, req.indication),
    site: { inflammation: random.chance(0.015), skinDamage: random.chance(0.01) },
    needleFear: random.chance(0.1),
  };
  return { patient, request: req };
}

/**
 * The intake of a patient who comes back once what deferred them has passed (the medicine was
 * stopped, the site healed, the baby weaned): temporary findings cleared, a later date.
 */
export function followUpIntake(previous: Intake, date: string): Intake {
  const p = previous.patient;
  return {
    patient: {
      ...p,
      pregnant: false,
      breastfeeding: false,
      // The disease is now controlled, and the questions left open last time are answered.
      conditions: p.conditions.map((c) =>
        c.code === 'diabetes'
          ? { insulinDependent: false, ...c, controlled: true }
          : c.controlled === false
            ? { ...c, controlled: true }
            : c,
      ),
      medications: p.medications.filter((m) => m.ongoing === true && m.class !== 'antibiotic'),
      recentProcedures: p.recentProcedures.filter(
        (r) => r.type === 'hair_transplant' && r.date !== undefined && addMonths(r.date, 6) <= date,
      ),
      site: { inflammation: false, skinDamage: false },
    },
    request: { ...previous.request, date, combineWith: [] },
  };
}

/** A returning patient asking for something new, a year or more later. */
export function laterIntake(kb: KnowledgeBase, random: SeededRandom, previous: Intake, date: string): Intake {
  const req = request(kb, random, date);
  return {
    patient: {
      ...previous.patient,
      pregnant: false,
      breastfeeding: false,
      recentProcedures: recentProcedures(random, date, req.indication),
      site: { inflammation: false, skinDamage: false },
    },
    request: req,
  };
}
