import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { TestApp } from './test-app.js';

/** What the concurrency tests check of many simultaneous bookings of the same time. */

/** Exactly one booking won (201) and every other was refused (409); the winner's index. */
export function expectOneWinner(responses: readonly LightMyRequestResponse[]): number {
  const statuses = responses.map((r) => r.statusCode);
  expect(statuses.filter((s) => s === 201)).toHaveLength(1);
  expect(statuses.filter((s) => s === 409)).toHaveLength(responses.length - 1);
  return statuses.indexOf(201);
}

/** How many losers a unique index refused rather than the check before it, when MESODESK_DEBUG_RACES is set. */
export function logIndexRefusals(testApp: TestApp, errorCodes: readonly string[]): void {
  if (process.env.MESODESK_DEBUG_RACES)
    console.log(testApp.engine, 'refused by unique index:', errorCodes.filter((c) => c === 'slot_taken').length);
}

/** The clinic's booked slots that start at `start` (to the second). */
export function slotsStartingAt(testApp: TestApp, start: string) {
  return testApp.repos.availability.bookedSlots({
    clinicId: testApp.fixture.clinic.id,
    from: new Date(start).toISOString(),
    to: new Date(Date.parse(start) + 1000).toISOString(),
  });
}
