import { assess } from '../../core/assessment/assess.js';
import type { AssessmentResult, Plan } from '../../core/assessment/assessment-result.js';
import type { Intake } from '../../core/assessment/intake-schema.js';
import { ageInYears, dayNumber, fromDayNumber } from '../../core/dates/iso-date.js';
import type { KnowledgeBase } from '../../core/knowledge/knowledge-base.js';
import { triageSideEffect } from '../../core/triage/triage-side-effect.js';
import type { InjectionTechnique, SessionStatus } from '../database-schema.js';
import { namePairRows, nameWordRows } from '../repositories/patient-name-words.js';
import { nameKey, phoneDigits } from '../search-keys.js';
import type { BulkRows } from './bulk-tables.js';
import { frozenAwareJson } from './frozen-json.js';
import { firstIntake, followUpIntake, laterIntake } from './intake-profiles.js';
import type { LargeClinicSetup, SetupLot } from './large-clinic-setup.js';
import { person } from './people.js';
import { slotMinutes, type PractitionerCalendar } from './practitioner-calendar.js';
import type { SeededRandom } from './seeded-random.js';

/** Everything one patient's records are generated from; shared by all patients of a run. */
export interface GeneratorContext {
  kb: KnowledgeBase;
  random: SeededRandom;
  newId: (ms: number) => string;
  setup: LargeClinicSetup;
  calendar: PractitionerCalendar;
  /** Day numbers of the first day of the history and of today; `nowMs` is the generation's "now". */
  historyStartDay: number;
  todayDay: number;
  nowMs: number;
  passwordHash: string;
  emailDomain: string;
  /** How many patients the run generates: registrations are spread over the history in serial order. */
  totalPatients: number;
  /** Triage results by their inputs (the core's result depends on nothing else). */
  triageTexts: Map<string, string>;
  /** JSON of assessment results, one shared string per distinct result (see frozen-json.ts). */
  resultText: (result: AssessmentResult) => string;
}

const DAY = 86_400_000;
const MINUTE = 60_000;
let lastIsoMs = Number.NaN;
let lastIso = '';
/** ISO text of a time; rows made together share their times, so the last one is remembered. */
function iso(ms: number): string {
  if (ms !== lastIsoMs) {
    lastIsoMs = ms;
    lastIso = new Date(ms).toISOString();
  }
  return lastIso;
}

const chartNotes = [
  'Well tolerated.',
  'Patient comfortable throughout.',
  'Slight bleeding at two points, stopped with pressure.',
  'Aftercare explained again.',
  'Patient reports improvement since the last session.',
  'Short pause halfway at the patient’s request.',
];
const outcomeNotes = [
  'Visible improvement.',
  'Patient very satisfied.',
  'Little change so far.',
  'Good progress.',
  'Wants to continue with maintenance.',
];
const userAgents = [
  'Mozilla/5.0 (iPad; CPU OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36',
];

/** Reported side effects, in patients' words; the triage core sorts them. */
const symptoms: readonly (readonly [string, 'mild' | 'moderate' | 'severe', number])[] = [
  ['redness around the injection points', 'mild', 30],
  ['some swelling and tenderness', 'mild', 25],
  ['small bruises on the treated area', 'mild', 20],
  ['itching where I was treated', 'mild', 10],
  ['a painful lump under the skin', 'moderate', 6],
  ['a rash spreading beyond the treated area', 'moderate', 4],
  ['dark patches where the injections were', 'moderate', 3],
  ['hot, red and swollen with fever', 'severe', 2],
];

const ageBands: readonly (readonly [readonly [number, number], number])[] = [
  [[16, 17], 1],
  [[18, 29], 22],
  [[30, 44], 38],
  [[45, 59], 28],
  [[60, 82], 11],
];

/** The lot of a product in use on `day`: the newest one already delivered and not yet expired or recalled. */
function lotOn(lots: readonly SetupLot[], day: number): SetupLot | undefined {
  let found: SetupLot | undefined;
  for (const lot of lots) if (lot.firstDay <= day && day < lot.endDay) found = lot;
  return found;
}

/** Registered patients who had a consultation, with an intake. */
const consultationRate = 0.7;

const roundTo = (value: number, step: number) => Math.round(value / step) * step;
const isTreatable = (result: AssessmentResult) =>
  result.plan !== undefined && (result.verdict === 'eligible' || result.verdict === 'eligible_with_precautions');

interface PatientState {
  id: string;
  fullName: string;
  practitioner: number;
  preferredSlot: number;
  intakes: number;
  consentSigned: boolean;
}

/**
 * Appends one patient's whole history to `rows`: the registration, one to three intakes each
 * assessed by the clinical core, a course for most treatable assessments with its sessions (done,
 * missed, cancelled or planned around today), charts with injection points, products and lots for
 * the sessions done, the side effects patients reported (triaged by the core) and outcomes.
 */
export function addPatient(ctx: GeneratorContext, serial: number, rows: BulkRows): void {
  const { random, newId, setup } = ctx;
  const historyDays = ctx.todayDay - ctx.historyStartDay;
  // Registrations in serial order (so ids, which start with the time, are mostly appended), more
  // of them in recent years than in the first: clinics grow.
  const share = (serial - 1 + random.next()) / ctx.totalPatients;
  const registrationDay = ctx.historyStartDay + Math.min(historyDays, Math.floor(Math.sqrt(share) * (historyDays + 1)));
  const registrationMs = Math.min(
    ctx.nowMs - 2 * 3_600_000,
    registrationDay * DAY + random.int(7 * 60, 17 * 60) * MINUTE,
  );
  const registrationDate = fromDayNumber(registrationDay);
  const [low, high] = random.weighted(ageBands);
  const birthDate = fromDayNumber(dayNumber(registrationDate) - random.int(low * 365 + 1, high * 365 + 364));
  const who = person(random, serial);

  const patientId = newId(registrationMs);
  const updatedMs = random.chance(0.1)
    ? Math.min(ctx.nowMs, registrationMs + random.int(1, historyDays + 1) * DAY)
    : registrationMs;
  const patient = {
    id: patientId,
    clinic_id: setup.clinicId,
    first_name: who.firstName,
    last_name: who.lastName,
    first_name_key: nameKey(who.firstName),
    last_name_key: nameKey(who.lastName),
    birth_date: birthDate,
    sex: who.sex,
    phone: who.phone,
    phone_digits: who.phone === null ? null : phoneDigits(who.phone) || null,
    email: who.email,
    created_at: iso(registrationMs),
    updated_at: iso(updatedMs),
  };
  rows.patients.push(patient);
  rows.patient_name_words.push(...nameWordRows(patient));
  rows.patient_name_pairs.push(...namePairRows(patient));
  if (who.email !== null && random.chance(0.03)) {
    rows.users.push({
      id: newId(registrationMs + MINUTE),
      clinic_id: setup.clinicId,
      email: `patient-${serial}@${ctx.emailDomain}`,
      display_name: `${who.firstName} ${who.lastName}`,
      password_hash: ctx.passwordHash,
      role: 'patient',
      patient_id: patientId,
      active: 1,
      created_at: iso(registrationMs + MINUTE),
      updated_at: iso(registrationMs + MINUTE),
    });
  }

  const state: PatientState = {
    id: patientId,
    fullName: `${who.firstName} ${who.lastName}`,
    practitioner: random.int(0, setup.practitioners.length - 1),
    preferredSlot: random.int(0, 15),
    intakes: 0,
    consentSigned: false,
  };
  const subject = (date: string) => ({ birthDate, sex: who.sex, age: ageInYears(birthDate, date) });
  // The rest registered without coming to a consultation (enquiries, cancelled first visits).
  if (!random.chance(consultationRate)) return;

  let intake = firstIntake(ctx.kb, random, subject(registrationDate), registrationDate);
  let assessed = record(ctx, state, rows, intake, registrationMs + 5 * MINUTE);
  let lastDay = registrationDay;
  if (assessed.result.verdict === 'defer' && random.chance(0.6)) {
    // Back once the temporary reason has passed.
    const day = registrationDay + random.int(21, 90);
    if (day < ctx.todayDay) {
      intake = followUpIntake(intake, fromDayNumber(day));
      assessed = record(ctx, state, rows, intake, day * DAY + random.int(8 * 60, 17 * 60) * MINUTE);
      lastDay = day;
    }
  }
  if (!isTreatable(assessed.result) || !random.chance(0.85)) return;
  const end = course(ctx, state, rows, assessed, lastDay);
  // Some come back a year or two later for something else.
  if (end === undefined || !random.chance(0.08)) return;
  const day = end + random.int(180, 720);
  if (day >= ctx.todayDay) return;
  intake = laterIntake(ctx.kb, random, intake, fromDayNumber(day));
  assessed = record(ctx, state, rows, intake, day * DAY + random.int(8 * 60, 17 * 60) * MINUTE);
  if (isTreatable(assessed.result) && random.chance(0.85)) course(ctx, state, rows, assessed, day);
}

interface Assessed {
  result: AssessmentResult;
  id: string;
  atMs: number;
}

/** Stores the intake (next version) and its assessment by the clinical core. */
function record(ctx: GeneratorContext, state: PatientState, rows: BulkRows, intake: Intake, atMs: number): Assessed {
  const practitionerId = ctx.setup.practitioners[state.practitioner]?.id ?? null;
  const intakeId = ctx.newId(atMs);
  state.intakes += 1;
  rows.intakes.push({
    id: intakeId,
    patient_id: state.id,
    version: state.intakes,
    data: JSON.stringify(intake),
    created_by: practitionerId,
    created_at: iso(atMs),
  });
  const result = assess(intake, ctx.kb);
  const assessedMs = atMs + MINUTE;
  const id = ctx.newId(assessedMs);
  rows.assessments.push({
    id,
    intake_id: intakeId,
    patient_id: state.id,
    result: ctx.resultText(result),
    verdict: result.verdict,
    knowledge_base_version: result.knowledgeBase.version,
    created_by: practitionerId,
    created_at: iso(assessedMs),
  });
  return { result, id, atMs: assessedMs };
}

/** Books a course from the assessment's plan, starting within three weeks of `day`; returns the day of its last session. */
function course(
  ctx: GeneratorContext,
  state: PatientState,
  rows: BulkRows,
  assessed: Assessed,
  day: number,
): number | undefined {
  const { random, newId, setup } = ctx;
  const plan = assessed.result.plan;
  if (!plan) return undefined;
  const practitioner = setup.practitioners[state.practitioner];
  if (!practitioner) return undefined;
  const createdMs = assessed.atMs + 5 * MINUTE;
  const courseId = newId(createdMs);
  const receptionId = setup.receptionIds.length ? random.pick(setup.receptionIds) : null;
  if (!state.consentSigned) {
    state.consentSigned = true;
    rows.consent_signatures.push({
      id: newId(createdMs - MINUTE),
      patient_id: state.id,
      consent_text_id: setup.consentTextId,
      typed_name: state.fullName,
      signature_image: null,
      signed_at: iso(createdMs - MINUTE),
      user_agent: random.pick(userAgents),
      user_id: receptionId,
    });
  }

  const count = random.int(plan.sessions.min, plan.sessions.max);
  const cancelAfter = random.chance(0.04) ? random.int(1, Math.max(1, count - 1)) : count;
  const duration = Math.max(
    5,
    Math.min(480, roundTo(random.int(plan.durationMinutes.min, plan.durationMinutes.max), 5)),
  );
  const length = duration > slotMinutes ? 2 : 1;
  let target = day + random.int(0, 21);
  let lastMs = createdMs;
  let allPast = true;
  for (let k = 0; k < count; k++) {
    const booking = ctx.calendar.book(state.practitioner, target, state.preferredSlot, length);
    const endMs = booking.startMs + duration * MINUTE;
    const past = endMs < ctx.nowMs;
    let status: SessionStatus;
    if (k >= cancelAfter) status = 'cancelled';
    else if (!past) status = 'planned';
    else
      status = random.weighted<SessionStatus>([
        ['done', 93],
        ['no_show', 4],
        ['cancelled', 3],
      ]);
    if (!past) allPast = false;
    const sessionId = newId(createdMs);
    const closedMs = past ? endMs : createdMs;
    rows.treatment_sessions.push({
      id: sessionId,
      course_id: courseId,
      scheduled_at: iso(booking.startMs),
      duration_minutes: duration,
      practitioner_id: practitioner.id,
      location_id: practitioner.locationId,
      room_id: practitioner.roomId,
      status,
      flag_verdict: null,
      flag_reasons: null,
      flagged_at: null,
      created_at: iso(createdMs),
      updated_at: iso(status === 'planned' ? createdMs : Math.min(ctx.nowMs, Math.max(createdMs, closedMs))),
    });
    if (status === 'done') treated(ctx, rows, plan, sessionId, practitioner.id, booking.day, endMs);
    if (past) lastMs = Math.max(lastMs, endMs);
    // Spaced out once the skin responds, in the second half of the course.
    const interval = plan.laterIntervalDays && k >= count / 2 ? plan.laterIntervalDays : plan.intervalDays;
    target = booking.day + random.int(interval.min, interval.max);
  }
  const status = cancelAfter < count ? 'cancelled' : allPast ? 'completed' : 'active';
  rows.courses.push({
    id: courseId,
    patient_id: state.id,
    assessment_id: assessed.id,
    indication: plan.indication,
    area: plan.area,
    plan: frozenAwareJson(plan),
    status,
    created_by: practitioner.id,
    created_at: iso(createdMs),
    updated_at: iso(status === 'active' ? createdMs : Math.min(ctx.nowMs, lastMs)),
  });
  return status === 'completed' ? Math.floor(lastMs / DAY) : undefined;
}

/** The chart of a session done, and what followed it: an outcome, sometimes a side-effect report. */
function treated(
  ctx: GeneratorContext,
  rows: BulkRows,
  plan: Plan,
  sessionId: string,
  practitionerId: string,
  day: number,
  endMs: number,
): void {
  const { random, newId } = ctx;
  const chartId = newId(endMs);
  const cream = plan.anaesthesia.creamOffered && random.chance(0.5);
  rows.chart_entries.push({
    id: chartId,
    session_id: sessionId,
    anaesthesia_used: cream ? 1 : 0,
    anaesthesia_agent: cream ? plan.anaesthesia.agent : null,
    notes: random.chance(0.3) ? random.pick(chartNotes) : null,
    created_by: practitionerId,
    created_at: iso(endMs),
    updated_at: iso(endMs),
    // Depths are drawn inside the plan's range below.
    outside_plan_confirmed: 0,
  });
  const products = ctx.setup.products.get(plan.mixture.id) ?? [];
  const product = products.length ? random.pick(products) : undefined;
  const lot = product && lotOn(product.lots, day);
  const technique = random.weighted<InjectionTechnique>([
    ['manual', 60],
    ['gun', 35],
    ['needle_free', 5],
  ]);
  // Charted by zone: each point is one injected zone of the area, with its volume.
  const points = random.int(1, 4);
  for (let i = 0; i < points; i++) {
    rows.injection_points.push({
      id: newId(endMs),
      chart_entry_id: chartId,
      area: plan.area,
      x: Math.round(random.next() * 1000) / 1000,
      y: Math.round(random.next() * 1000) / 1000,
      product_id: product?.id ?? null,
      lot_id: lot?.id ?? null,
      volume_ml: roundTo(random.between(0.05, 0.5), 0.05),
      depth_mm: roundTo(random.between(plan.depthMm.min, plan.depthMm.max), 0.5),
      technique,
    });
  }

  if (random.chance(0.7)) {
    const atMs = endMs + random.int(0, 14) * DAY + random.int(0, 600) * MINUTE;
    if (atMs < ctx.nowMs)
      rows.outcomes.push({
        id: newId(atMs),
        session_id: sessionId,
        patient_rating: random.weighted([
          [5, 1],
          [6, 2],
          [7, 4],
          [8, 5],
          [9, 3],
          [10, 2],
          [3, 1],
        ]),
        practitioner_rating: random.int(5, 9),
        notes: random.chance(0.2) ? random.pick(outcomeNotes) : null,
        created_at: iso(atMs),
        updated_at: iso(atMs),
      });
  }

  if (random.chance(0.05)) {
    const [symptom, severity] = random.weighted(symptoms.map((s) => [s, s[2]] as const));
    const onsetHours = random.pick([1, 3, 6, 12, 24, 48, 72]);
    const reportedAfter = random.pick([1, 3, 8, 24, 48]);
    const onsetMs = endMs + onsetHours * 3_600_000;
    const reportedMs = onsetMs + reportedAfter * 3_600_000;
    if (reportedMs < ctx.nowMs) {
      const key = `${symptom}|${severity}|${plan.area}|${onsetHours}|${reportedAfter}`;
      let triage = ctx.triageTexts.get(key);
      if (triage === undefined) {
        const found = triageSideEffect(
          {
            text: symptom,
            severity,
            area: plan.area,
            sessionAt: iso(endMs),
            onsetAt: iso(onsetMs),
            now: iso(reportedMs),
            ongoing: true,
          },
          ctx.kb,
        );
        ctx.triageTexts.set(key, (triage = JSON.stringify(found)));
      }
      rows.side_effect_reports.push({
        id: newId(reportedMs),
        session_id: sessionId,
        reporter_user_id: null,
        symptom,
        onset: iso(onsetMs),
        severity,
        triage,
        created_at: iso(reportedMs),
      });
    }
  }
}
