import type {
  ClinicRecord,
  CourseRecord,
  LotRecord,
  PatientRecord,
  ProductRecord,
  UserRecord,
} from '../core/records/index.js';
import type { NewCourse } from '../storage/repositories/course-repository.js';
import type { NewPatient } from '../storage/repositories/patient-repository.js';
import type { Repositories } from '../storage/repositories/repositories.js';
import type { NewUser } from '../storage/repositories/user-repository.js';
import { assess } from '../core/assessment/assess.js';
import type { KnowledgeBase } from '../core/knowledge/knowledge-base.js';
import { makeIntake } from './intake-builder.js';
import { samplePlan } from './sample-assessment.js';
import { daysFromToday } from './relative-dates.js';

/**
 * Records stored straight through the repositories, for storage and service tests that need a
 * user or a course to hang other records on but do not test how those are made.
 */

/** A staff account that never signs in: a practitioner unless told, with a placeholder password hash. */
export function createStaff(
  repos: Pick<Repositories, 'users'>,
  user: Omit<NewUser, 'passwordHash' | 'role'> & Partial<Pick<NewUser, 'role'>>,
): Promise<UserRecord> {
  return repos.users.create({ passwordHash: 'h', role: 'practitioner', ...user });
}

/** A new clinic named `name` with one staff account in it (see createStaff). */
export async function createClinicWithStaff(
  repos: Pick<Repositories, 'clinics' | 'users'>,
  name: string,
  user: Omit<NewUser, 'passwordHash' | 'role' | 'clinicId'> & Partial<Pick<NewUser, 'role'>>,
): Promise<{ clinic: ClinicRecord; user: UserRecord }> {
  const clinic = await repos.clinics.create({ name });
  return { clinic, user: await createStaff(repos, { clinicId: clinic.id, ...user }) };
}

/** A patient of `clinicId` whose details do not matter to the test: born 1990-01-01, female, no contact details. */
export function createSamplePatient(
  repos: Pick<Repositories, 'patients'>,
  clinicId: string,
  patient: Partial<Omit<NewPatient, 'clinicId'>> = {},
): Promise<PatientRecord> {
  return repos.patients.create({
    clinicId,
    firstName: 'Sam',
    lastName: 'Sample',
    birthDate: '1990-01-01',
    sex: 'female',
    ...patient,
  });
}

/** A course on `samplePlan` (hair loss of the scalp unless told), made without an assessment. */
export function createSampleCourse(
  repos: Pick<Repositories, 'courses'>,
  patientId: string,
  options: Partial<Pick<NewCourse, 'indication' | 'area' | 'createdBy'>> = {},
): Promise<CourseRecord> {
  const { indication = 'hair_loss', area = 'scalp', createdBy = null } = options;
  return repos.courses.create({
    patientId,
    assessmentId: null,
    indication,
    area,
    plan: samplePlan(indication, area),
    createdBy,
  });
}

/** A product named "Theirs" with one lot, in the clinic given: stock of another clinic, for tests of what stays hidden. */
export async function createTheirProduct(
  repos: Pick<Repositories, 'products'>,
  clinicId: string,
): Promise<{ product: ProductRecord; lot: LotRecord }> {
  const product = await repos.products.createProduct({ clinicId, name: 'Theirs', ingredients: ['zinc'] });
  const lot = await repos.products.createLot({
    productId: product.id,
    lotNumber: 'T-1',
    expiryDate: daysFromToday(700),
  });
  return { product, lot };
}

/**
 * A course on the plan the knowledge base gives a healthy patient of this age, with a planned session at
 * each time given (no practitioner, no room); the sessions' ids in that order.
 */
export async function bookHealthyCourse(
  repos: Pick<Repositories, 'courses' | 'treatmentSessions'>,
  patient: Pick<PatientRecord, 'id' | 'birthDate'>,
  kb: KnowledgeBase,
  times: readonly string[],
): Promise<string[]> {
  const plan = assess(makeIntake({ patient: { birthDate: patient.birthDate } }), kb).plan;
  if (!plan) throw new Error('the healthy intake has no plan');
  const course = await repos.courses.create({
    patientId: patient.id,
    assessmentId: null,
    indication: plan.indication,
    area: plan.area,
    plan,
    createdBy: null,
  });
  const ids: string[] = [];
  for (const scheduledAt of times)
    ids.push((await repos.treatmentSessions.create({ courseId: course.id, scheduledAt })).id);
  return ids;
}

/** A charted point of `lot` on the scalp (0.1 ml at 2 mm by gun), at `x` across the area. */
export function scalpPoint(lot: Pick<LotRecord, 'id' | 'productId'>, x = 0.5) {
  return {
    area: 'scalp',
    x,
    y: 0.5,
    productId: lot.productId,
    lotId: lot.id,
    volumeMl: 0.1,
    depthMm: 2,
    technique: 'gun' as const,
  };
}
