import type { LightMyRequestResponse } from 'fastify';
import type { PatientRecord } from '../../../../core/records/index.js';
import { argon2idHasher } from '../../../../services/accounts/password-hasher.js';
import { healthyIntake } from '../../../../test-support/intake-examples.js';
import { daysFromToday } from '../../../../test-support/relative-dates.js';
import { testPassword, testPasswordHashing, type TestApp, type TestClient } from '../../../../test-support/test-app.js';

/** A patient of the fixture clinic with a portal account, signed in. */
export interface PortalPatient {
  patient: PatientRecord;
  client: TestClient;
}

let hash: Promise<string> | undefined;
let count = 0;

/** `n` new patients of the fixture clinic, each with a portal account, signed in side by side. */
export async function newPortalPatients(testApp: TestApp, n: number): Promise<PortalPatient[]> {
  hash ??= argon2idHasher(testPasswordHashing).hash(testPassword);
  const passwordHash = await hash;
  const { repos, fixture } = testApp;
  return Promise.all(
    Array.from({ length: n }, async () => {
      const tag = `${process.pid}-${++count}`;
      const email = `portal-${tag}-${testApp.engine}@portal.test`;
      const patient = await repos.patients.create({
        clinicId: fixture.clinic.id,
        firstName: 'Portia',
        lastName: `Portal ${tag}`,
        birthDate: '1988-06-01',
        sex: 'female',
        phone: '+49 30 5550000',
        email,
      });
      await repos.users.create({
        clinicId: fixture.clinic.id,
        email,
        displayName: `Portia Portal ${tag}`,
        passwordHash,
        role: 'patient',
        patientId: patient.id,
      });
      return { patient, client: await testApp.signInAs(email, testPassword) };
    }),
  );
}

/** A healthy hair-loss intake of the patient, asking to start `startInDays` days from today. */
export function portalIntake(patient: PatientRecord, startInDays = 1, patientOverrides: object = {}) {
  const intake = healthyIntake(patient.birthDate, daysFromToday(startInDays));
  return { ...intake, patient: { ...intake.patient, ...patientOverrides } };
}

/** Sends the intake through the portal; fails loudly unless it was stored and screened. */
export async function screenThroughPortal(client: TestClient, intake: object): Promise<ScreeningJson> {
  const response = await client.inject({ method: 'POST', url: '/api/portal/intakes', payload: intake });
  if (response.statusCode !== 201) throw new Error(`portal intake: ${response.statusCode} ${response.body}`);
  return response.json() as ScreeningJson;
}

export interface ScreeningJson {
  assessmentId: string;
  outcome: string;
  verdict: string;
  reasons: { code: string }[];
  openQuestions: string[];
  locations: { id: string; name: string }[];
}

export interface OfferedSessionJson {
  number: number;
  start: string;
  localDate: string;
  localStart: string;
  practitionerId: string;
  practitionerName: string;
  roomId: string;
  roomName: string;
  daysAfterPrevious?: number;
}

/** The offered courses for the screening at the location, failing loudly when none was found. */
export async function offers(
  client: TestClient,
  body: { assessmentId: string; locationId: string } & Record<string, unknown>,
): Promise<OfferedSessionJson[][]> {
  const response = await client.inject({ method: 'POST', url: '/api/portal/course-proposals', payload: body });
  const json = response.json() as { status?: string; courses?: { sessions: OfferedSessionJson[] }[] };
  if (response.statusCode !== 200 || json.status !== 'found' || !json.courses)
    throw new Error(`no offer: ${response.statusCode} ${response.body}`);
  return json.courses.map((c) => c.sessions);
}

export const asPortalBooking = (assessmentId: string, locationId: string, sessions: readonly OfferedSessionJson[]) => ({
  assessmentId,
  locationId,
  sessions: sessions.map(({ start, practitionerId, roomId }) => ({ start, practitionerId, roomId })),
});

/** The body of a refusal, for assertions. */
export const refusal = (response: LightMyRequestResponse) =>
  response.json() as { error: string; message: string; next?: string; problems?: unknown[] };
