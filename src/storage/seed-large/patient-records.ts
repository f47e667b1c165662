import { assess } from '../../core/assessment/assess.js';
import type { AssessmentResult } from '../../core/assessment/assessment-result.js';
import type { Intake } from '../../core/assessment/intake-schema.js';
import { ageInYears, dayNumber, fromDayNumber } from '../../core/dates/iso-date.js';
import type { SessionStatus } from '../database-schema.js';
import { namePairRows, nameWordRows } from '../repositories/patient-name-words.js';
import { nameKey, phoneDigits } from '../search-keys.js';
import type { BulkRows } from './bulk-tables.js';
import { DAY, iso, MINUTE, roundTo, type GeneratorContext } from './generator-context.js';
import { firstIntake, followUpIntake, laterIntake } from './intake-profiles.js';
import { person } from './people.js';
import { slotMinutes } from './practitioner-calendar.js';
import { treated } from './treated-session.js';

const userAgents = [
  'Mozilla/5.0 (iPad; CPU OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36',
];

const ageBands: readonly (readonly [readonly [number, number], number])[] = [
  [[16, 17], 1],
  [[18, 29], 22],
  [[30, 44], 38],
  [[45, 59], 28],
  [[60, 82], 11],
];

/** Registered patients who had a consultation, with an intake. */
const consultationRate = 0.7;
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
    // The patient's own practitioner, unless booked out and a colleague gives this session.
    const giver = setup.practitioners[booking.practitioner] ?? practitioner;
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
      practitioner_id: giver.id,
      location_id: giver.locationId,
      room_id: giver.roomId,
      status,
      flag_verdict: null,
      flag_reasons: null,
      flagged_at: null,
      created_at: iso(createdMs),
      updated_at: iso(status === 'planned' ? createdMs : Math.min(ctx.nowMs, Math.max(createdMs, closedMs))),
    });
    if (status === 'done') treated(ctx, rows, plan, sessionId, giver.id, booking.day, endMs);
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
    plan: ctx.planText(plan),
    status,
    created_by: practitioner.id,
    created_at: iso(createdMs),
    updated_at: iso(status === 'active' ? createdMs : Math.min(ctx.nowMs, lastMs)),
  });
  return status === 'completed' ? Math.floor(lastMs / DAY) : undefined;
}
