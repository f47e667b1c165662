import { healthyIntake } from '../../../src/test-support/intake-examples.js';
import { signInClient } from '../../../src/test-support/test-app.js';
import type { E2eServer } from './e2e-server.js';

/**
 * A course for the fixture patient from a healthy intake, made through the API by the practitioner
 * as the clinic would make it; gives the course's id.
 */
export async function fixturePatientCourse(server: E2eServer): Promise<string> {
  const practitioner = await signInClient(server.app, server.email('practitioner'), server.password);
  const patientUrl = `/api/patients/${server.fixture.patient.id}`;
  const intake = await practitioner.inject({
    method: 'POST',
    url: `${patientUrl}/intakes`,
    payload: healthyIntake(server.fixture.patient.birthDate),
  });
  const course = await practitioner.inject({
    method: 'POST',
    url: `${patientUrl}/courses`,
    payload: { assessmentId: intake.json().assessment.id },
  });
  if (course.statusCode !== 201) throw new Error(`no course: ${course.body}`);
  return course.json().id;
}
