import type { AssessmentResult } from '../../core/assessment/assessment-result.js';
import type { Intake } from '../../core/assessment/intake-schema.js';
import { formatProblem, parseIntake } from '../../core/assessment/parse-intake.js';
import { addDays, dayNumber } from '../../core/dates/iso-date.js';
import type { UserRecord } from '../../core/records/index.js';
import type { Repositories } from '../repositories/repositories.js';
import {
  demoClinic,
  demoConsentText,
  demoHours,
  demoPatients,
  demoProducts,
  demoStaff,
  type DemoPatient,
} from './demo-data.js';

export interface DemoLogin {
  role: UserRecord['role'];
  email: string;
  password: string;
}

export interface SeedDemoOptions {
  /** Passwords by staff email; generate random ones in production starts. */
  passwordFor(email: string): string;
  hashPassword(password: string): Promise<string>;
  /** The clinical core's `assess`, with the knowledge base bound. */
  assess(intake: Intake): AssessmentResult;
  /** Today, as YYYY-MM-DD: sessions and intakes are placed around it. */
  today: string;
}

/** ISO weekday (Monday 1 ... Sunday 7); 1970-01-01 was a Thursday. */
function weekday(date: string): number {
  return ((((dayNumber(date) + 3) % 7) + 7) % 7) + 1;
}

/** The first day on or after `date` on which the practitioner works. */
function nextWorkingDay(date: string, practitioner: string): string {
  const hours = demoHours[practitioner] ?? {};
  let day = date;
  for (let i = 0; i < 7 && !hours[weekday(day)]?.length; i++) day = addDays(day, 1);
  return day;
}

/** The demo patient's intake, through the same parser as the API's, so the demo never stores what a user could not. */
function intakeOf(patient: DemoPatient, today: string): Intake {
  const extra = patient.intake.patient?.(today) ?? {};
  const parsed = parseIntake({
    patient: {
      birthDate: patient.birthDate,
      sex: patient.sex,
      pregnant: false,
      breastfeeding: false,
      conditions: [],
      medications: [],
      allergies: [],
      recentProcedures: [],
      site: { inflammation: false, skinDamage: false },
      needleFear: false,
      ...extra,
    },
    request: { indication: patient.intake.indication, area: patient.intake.area, date: today, combineWith: [] },
  });
  if (!parsed.ok)
    throw new Error(
      `demo intake of ${patient.firstName} ${patient.lastName} is invalid: ${parsed.problems.map(formatProblem).join('; ')}`,
    );
  return parsed.value;
}

/**
 * The demo clinic: staff of every role, patients with assessed intakes, courses and sessions
 * around today, a product catalogue with lots (one recalled) and an active consent text. All in
 * one transaction. Returns the staff logins.
 */
export async function seedDemo(repos: Repositories, options: SeedDemoOptions): Promise<DemoLogin[]> {
  const { today } = options;
  const logins = demoStaff.map((s) => ({ role: s.role, email: s.email, password: options.passwordFor(s.email) }));
  const hashes = await Promise.all(logins.map((l) => options.hashPassword(l.password)));
  // Assess before the transaction: a knowledge base that rejects the demo fails before writing.
  const assessed = demoPatients
    .map((p) => ({ patient: p, intake: intakeOf(p, today) }))
    .map((x) => ({ ...x, result: options.assess(x.intake) }));

  await repos.transaction(async (tx) => {
    const clinic = await tx.clinics.create({ name: demoClinic.name });
    const location = await tx.clinics.createLocation({ clinicId: clinic.id, ...demoClinic.location });
    const rooms = [];
    for (const name of demoClinic.rooms)
      rooms.push(await tx.availability.createRoom({ locationId: location.id, name }));
    const staff = new Map<string, UserRecord>();
    for (const [i, member] of demoStaff.entries())
      staff.set(
        member.key,
        await tx.users.create({
          clinicId: clinic.id,
          email: member.email,
          displayName: member.displayName,
          role: member.role,
          passwordHash: hashes[i] ?? '',
        }),
      );
    for (const [key, weeklyHours] of Object.entries(demoHours)) {
      const practitioner = staff.get(key);
      if (practitioner)
        await tx.availability.setPractitionerHours({
          practitionerId: practitioner.id,
          locationId: location.id,
          weeklyHours,
        });
    }
    const year = Number(today.slice(0, 4));
    await tx.availability.addException({
      locationId: location.id,
      practitionerId: null,
      kind: 'days',
      from: `${year}-12-24`,
      to: `${year}-12-26`,
      reason: 'Christmas closure',
    });

    await tx.consent.createText({ clinicId: clinic.id, procedure: 'mesotherapy', text: demoConsentText, active: true });
    for (const product of demoProducts) {
      const created = await tx.products.createProduct({
        clinicId: clinic.id,
        name: product.name,
        manufacturer: product.manufacturer,
        ingredients: product.ingredients,
      });
      for (const lot of product.lots) {
        const stored = await tx.products.createLot({
          productId: created.id,
          lotNumber: lot.lotNumber,
          expiryDate: addDays(today, lot.expiresInDays),
        });
        if ('recalled' in lot && lot.recalled) await tx.products.setLotRecalled(stored.id, true);
      }
    }

    for (const { patient, intake, result } of assessed) {
      const practitioner = staff.get(patient.practitioner);
      const createdBy = practitioner?.id ?? null;
      const record = await tx.patients.create({
        clinicId: clinic.id,
        firstName: patient.firstName,
        lastName: patient.lastName,
        birthDate: patient.birthDate,
        sex: patient.sex,
        phone: patient.phone,
        email: patient.email,
      });
      const storedIntake = await tx.intakes.create({ patientId: record.id, data: intake, createdBy });
      const assessment = await tx.assessments.create({
        intakeId: storedIntake.id,
        patientId: record.id,
        result,
        createdBy,
      });
      if (!result.plan || patient.sessionDays.length === 0) continue;
      const course = await tx.courses.create({
        patientId: record.id,
        assessmentId: assessment.id,
        indication: result.plan.indication,
        area: result.plan.area,
        plan: result.plan,
        createdBy,
      });
      for (const [i, days] of patient.sessionDays.entries()) {
        const session = await tx.treatmentSessions.create({
          courseId: course.id,
          // Mornings in Berlin (UTC+1 or +2), on the practitioner's working days.
          scheduledAt: `${nextWorkingDay(addDays(today, days), patient.practitioner)}T${String(8 + (i % 3)).padStart(2, '0')}:00:00.000Z`,
          durationMinutes: 30,
          practitionerId: createdBy,
          locationId: location.id,
          roomId: rooms[patient.practitioner === 'weber' ? 0 : 1]?.id ?? null,
        });
        if (days < 0) await tx.treatmentSessions.update(session.id, { status: 'done' });
      }
    }
  });
  return logins;
}
