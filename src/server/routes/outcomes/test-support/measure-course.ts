import type { PatientRecord } from '../../../../core/records/index.js';
import { healthyIntake } from '../../../../test-support/intake-examples.js';
import type { TestApp, TestClient } from '../../../../test-support/test-app.js';
import { hoursAgo } from '../../side-effects/test-support/test-course.js';

/**
 * For tests: a course of `indication` at `area` for the patient (through the API, so it has a real
 * plan), with sessions `hoursAgo` hours before now held by `practitionerId`, written directly since
 * booking in the past is not the API's business.
 */
export async function measureCourse(
  test: TestApp,
  clinician: TestClient,
  patient: PatientRecord,
  options: { indication: string; area: string; sessionHoursAgo: readonly number[]; practitionerId?: string | null },
): Promise<{ courseId: string; sessionIds: string[] }> {
  const url = `/api/patients/${patient.id}`;
  const intake = healthyIntake(patient.birthDate);
  intake.request = { ...intake.request, indication: options.indication, area: options.area };
  const assessed = await clinician.inject({ method: 'POST', url: `${url}/intakes`, payload: intake });
  const course = await clinician.inject({
    method: 'POST',
    url: `${url}/courses`,
    payload: { assessmentId: assessed.json().assessment.id },
  });
  if (course.statusCode !== 201) throw new Error(`no ${options.indication} course: ${course.body}`);
  const courseId: string = course.json().id;
  const sessionIds: string[] = [];
  for (const hours of options.sessionHoursAgo)
    sessionIds.push(
      (
        await test.repos.treatmentSessions.create({
          courseId,
          scheduledAt: hoursAgo(hours),
          practitionerId: options.practitionerId ?? null,
        })
      ).id,
    );
  return { courseId, sessionIds };
}
