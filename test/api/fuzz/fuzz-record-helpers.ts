import { healthyIntake } from '../../../src/test-support/intake-examples.js';
import type { TestClient } from '../../../src/test-support/test-app.js';
import type { multipartPayload } from '../../../src/server/uploads/test-support/multipart-payload.js';

/** A healthy intake with the pregnancy and breastfeeding questions answered (no). */
export function answeredIntake(birthDate: string) {
  const intake = healthyIntake(birthDate);
  return { ...intake, patient: { ...intake.patient, pregnant: false, breastfeeding: false } };
}

/**
 * The day `offset` days after the first Monday of January four years on: far enough ahead that
 * nothing else of the fixture is booked then, inside the booking window (five years ahead) whatever
 * today is, and still winter time in Berlin (the location's zone) on the last day used (+63).
 */
export function farDay(offset: number): string {
  const year = new Date().getUTCFullYear() + 4;
  const january = new Date(Date.UTC(year, 0, 1));
  const firstMonday = 1 + ((8 - january.getUTCDay()) % 7);
  return new Date(Date.UTC(year, 0, firstMonday + offset)).toISOString().slice(0, 10);
}

/** Sends a JSON or multipart body that must succeed; what the route answers. */
export async function created(
  client: TestClient,
  method: 'POST' | 'PUT',
  url: string,
  payload: object | ReturnType<typeof multipartPayload>,
): Promise<{ id: string } & Record<string, unknown>> {
  const options = 'headers' in payload && 'payload' in payload ? { method, url, ...payload } : { method, url, payload };
  const response = await client.inject(options as Parameters<TestClient['inject']>[0]);
  if (response.statusCode >= 300) throw new Error(`${method} ${url}: ${response.statusCode} ${response.body}`);
  return response.json();
}

/** A FHIR bundle of one patient, as an import is sent. */
export const fhirImportBundle = {
  resourceType: 'Bundle',
  entry: [
    {
      fullUrl: 'urn:uuid:p1',
      resource: { resourceType: 'Patient', id: 'p1', birthDate: '1990-04-12', gender: 'female' },
    },
  ],
};
