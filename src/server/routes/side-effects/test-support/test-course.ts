import { healthyIntake } from '../../../../test-support/intake-examples.js';
import { signInRoles, type TestApp, type TestClient } from '../../../../test-support/test-app.js';
import type { PatientRecord } from '../../../../core/records/index.js';

const hour = 3_600_000;

/** An instant `hours` before now (negative: in the future), as the API writes it. */
export const hoursAgo = (hours: number) => new Date(Date.now() - hours * hour).toISOString();

/**
 * For tests: a scalp course for the patient (through the API, so it has a real plan) and sessions
 * `hoursAgo` hours before now, written directly since booking in the past is not the API's business.
 */
export async function courseWithSessions(
  test: TestApp,
  clinician: TestClient,
  patient: PatientRecord,
  sessionHoursAgo: readonly number[],
) {
  const url = `/api/patients/${patient.id}`;
  const intake = await clinician.inject({
    method: 'POST',
    url: `${url}/intakes`,
    payload: healthyIntake(patient.birthDate),
  });
  const course = await clinician.inject({
    method: 'POST',
    url: `${url}/courses`,
    payload: { assessmentId: intake.json().assessment.id },
  });
  if (course.statusCode !== 201) throw new Error(`no course: ${course.body}`);
  const courseId: string = course.json().id;
  const sessionIds: string[] = [];
  for (const hours of sessionHoursAgo)
    sessionIds.push((await test.repos.treatmentSessions.create({ courseId, scheduledAt: hoursAgo(hours) })).id);
  return { courseId, sessionIds };
}

/**
 * The clients of the report and photo tests (the practitioner, reception and the fixture patient),
 * with sessions `hoursAgo` in a course of the fixture patient's (`own`) and of the other patient's
 * (`others`, none unless asked).
 */
export async function signedInWithSessions(
  test: TestApp,
  ownHoursAgo: readonly number[],
  othersHoursAgo: readonly number[] = [],
) {
  const clients = await signInRoles(test, ['practitioner', 'reception', 'patient']);
  const sessionsOf = async (patient: PatientRecord, hours: readonly number[]) =>
    hours.length ? (await courseWithSessions(test, clients.practitioner, patient, hours)).sessionIds : [];
  const own = await sessionsOf(test.fixture.patient, ownHoursAgo);
  return { ...clients, own, others: await sessionsOf(test.fixture.otherPatient, othersHoursAgo) };
}
