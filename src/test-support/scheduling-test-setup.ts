import type { WeeklyHours } from '../core/scheduling/availability.js';
import { healthyIntake } from './intake-examples.js';
import type { TestApp, TestClient } from './test-app.js';
import type { CourseRecord, LocationRecord, RoomRecord } from '../core/records/index.js';

/** Builders for the scheduling route tests (plain helpers, no test-runner imports). */

export const weekdaysNineToFive: WeeklyHours = Object.fromEntries(
  [1, 2, 3, 4, 5].map((d) => [d, [{ start: '09:00', end: '17:00' }]]),
);

export interface SchedulingClinic {
  location: LocationRecord;
  rooms: RoomRecord[];
}

/** The fixture's location in `timeZone`, with rooms, and the fixture practitioner working weekdays 09:00-17:00 there. */
export async function prepareLocation(
  testApp: TestApp,
  options: { timeZone?: string; roomNames?: string[] } = {},
): Promise<SchedulingClinic> {
  const { repos, fixture } = testApp;
  const location = (await repos.clinics.updateLocation(fixture.location.id, {
    timeZone: options.timeZone ?? 'Europe/Berlin',
  }))!;
  const rooms: RoomRecord[] = [];
  for (const name of options.roomNames ?? ['Room 1', 'Room 2'])
    rooms.push(await repos.availability.createRoom({ locationId: location.id, name }));
  await repos.availability.setPractitionerHours({
    practitionerId: fixture.users.practitioner.id,
    locationId: location.id,
    weeklyHours: weekdaysNineToFive,
  });
  return { location, rooms };
}

/** A course for the fixture patient from a fresh intake (healthy hair loss unless told otherwise), through the API. */
export async function startCourse(
  testApp: TestApp,
  clinician: TestClient,
  intake: object = healthyIntake('1990-04-12'),
): Promise<CourseRecord> {
  const patientUrl = `/api/patients/${testApp.fixture.patient.id}`;
  const saved = await clinician.inject({ method: 'POST', url: `${patientUrl}/intakes`, payload: intake });
  if (saved.statusCode !== 201) throw new Error(`intake: ${saved.statusCode} ${saved.body}`);
  const created = await clinician.inject({
    method: 'POST',
    url: `${patientUrl}/courses`,
    payload: { assessmentId: saved.json().assessment.id },
  });
  if (created.statusCode !== 201) throw new Error(`course: ${created.statusCode} ${created.body}`);
  return created.json() as CourseRecord;
}

/** Another active course on the same plan (straight into storage: many of them, quickly). */
export function copyCourse(testApp: TestApp, course: CourseRecord): Promise<CourseRecord> {
  const { patientId, assessmentId, indication, area, plan } = course;
  return testApp.repos.courses.create({ patientId, assessmentId, indication, area, plan, createdBy: null });
}

export interface ProposedSessionJson {
  start: string;
  end: string;
  practitionerId: string;
  roomId: string;
  localDate: string;
  localStart: string;
  daysAfterPrevious?: number;
}

/** The finder's proposal for a course from `earliestStart`, failing loudly when none is found. */
export async function proposal(
  client: TestClient,
  courseId: string,
  body: Record<string, unknown>,
): Promise<ProposedSessionJson[]> {
  const response = await client.inject({
    method: 'POST',
    url: `/api/courses/${courseId}/course-proposals`,
    payload: body,
  });
  const json = response.json() as { status?: string; course?: { sessions: ProposedSessionJson[] } };
  if (response.statusCode !== 200 || json.status !== 'found' || !json.course)
    throw new Error(`no proposal: ${response.statusCode} ${response.body}`);
  return json.course.sessions;
}

export const asBooking = (sessions: readonly ProposedSessionJson[]) =>
  sessions.map(({ start, practitionerId, roomId }) => ({ start, practitionerId, roomId }));

/** Whole local days between two ISO dates. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(b.slice(0, 10)) - Date.parse(a.slice(0, 10))) / 86_400_000);
}
