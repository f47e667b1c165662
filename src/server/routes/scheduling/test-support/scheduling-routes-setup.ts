import { beforeAll } from 'vitest';
import type { CourseRecord, Role } from '../../../../core/records/index.js';
import { prepareLocation, startCourse, type SchedulingClinic } from '../../../../test-support/scheduling-test-setup.js';
import { signInRoles, type TestApp, type TestClient } from '../../../../test-support/test-app.js';

/** A signed-in client for each role, with the clinic and course the tests book into. */
export interface SchedulingRoutesSetup extends Record<Role, TestClient> {
  /** The fixture location in Berlin with two rooms; the fixture practitioner works weekdays 09:00-17:00. */
  clinic: SchedulingClinic;
  /** An active course for the fixture patient (healthy hair loss), made through the API. */
  course: CourseRecord;
}

/** A session's message to the patient as the API lists it. */
export interface ListedMessage {
  id: string;
  kind: string;
  status: string;
  dueAt: string;
  subject: string;
  body: string;
}

/** The messages planned (or sent, or cancelled) for a session, as `client` sees them. */
export async function listMessages(client: TestClient, sessionId: string): Promise<ListedMessage[]> {
  return (await client.inject({ method: 'GET', url: `/api/sessions/${sessionId}/messages` })).json().messages;
}

/**
 * Registers the set-up every scheduling route test starts from (a `beforeAll`) in the calling
 * block, and returns the requests those tests send, all at the fixture location.
 */
export function useSchedulingRoutes(get: () => TestApp) {
  let ready: SchedulingRoutesSetup | undefined;

  beforeAll(async () => {
    const clients = await signInRoles(get());
    const clinic = await prepareLocation(get());
    ready = { ...clients, clinic, course: await startCourse(get(), clients.practitioner) };
  });

  const setup = (): SchedulingRoutesSetup => {
    if (!ready) throw new Error('the scheduling set-up is not ready: call setup() inside a test');
    return ready;
  };
  const locationId = () => setup().clinic.location.id;

  const findFor = (client: TestClient, courseId: string, body: object) =>
    client.inject({
      method: 'POST',
      url: `/api/courses/${courseId}/course-proposals`,
      payload: { locationId: locationId(), ...body },
    });
  const book = (client: TestClient, courseId: string, sessions: object[], extra: object = {}) =>
    client.inject({
      method: 'POST',
      url: `/api/courses/${courseId}/bookings`,
      payload: { locationId: locationId(), sessions, ...extra },
    });
  /** The course's sessions as the practitioner sees them. */
  const sessionsOf = async (courseId: string) =>
    (await setup().practitioner.inject({ method: 'GET', url: `/api/courses/${courseId}/sessions` })).json()
      .sessions as Array<{
      id: string;
      scheduledAt: string;
      status: string;
      roomId: string;
    }>;
  /** A single session booked by reception, outside a whole-course booking. */
  const manual = (courseId: string, body: object) =>
    setup().reception.inject({ method: 'POST', url: `/api/courses/${courseId}/sessions`, payload: body });

  return { setup, locationId, findFor, book, sessionsOf, manual };
}
