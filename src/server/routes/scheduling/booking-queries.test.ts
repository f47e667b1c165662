import { afterAll, beforeAll, expect, it } from 'vitest';
import type { CompiledQuery } from 'kysely';
import { buildApp } from '../../build-app.js';
import type { App } from '../../app-types.js';
import { recordingQueries } from '../../../test-support/recorded-queries.js';
import { asBooking, proposal } from '../../../test-support/scheduling-test-setup.js';
import {
  forEachApp,
  signInClient,
  testAppConfig,
  testKnowledgeBase,
  testPassword,
} from '../../../test-support/test-app.js';
import { useSchedulingRoutes } from './test-support/scheduling-routes-setup.js';

/** Booking a whole course, counted query by query on a second app over the same database. */
forEachApp('queries of a whole-course booking', (get) => {
  const { setup, locationId } = useSchedulingRoutes(get);
  let recorded: { app: App; queries: CompiledQuery[] };

  beforeAll(async () => {
    const { db, queries } = recordingQueries(get().db);
    const app = await buildApp({ db, knowledgeBase: testKnowledgeBase(), config: testAppConfig() });
    recorded = { app, queries };
  });
  afterAll(async () => {
    await recorded?.app.close();
  });

  it('reads the course, patient, clinic and location once, not again for every session booked', async () => {
    const { practitioner, course } = setup();
    const proposed = (
      await proposal(practitioner, course.id, {
        locationId: locationId(),
        earliestStart: '2030-06-03',
        sessions: 4,
      })
    ).slice(0, 4);
    expect(proposed).toHaveLength(4);
    const client = await signInClient(recorded.app, get().fixture.users.practitioner.email, testPassword);
    recorded.queries.length = 0;
    const booked = await client.inject({
      method: 'POST',
      url: `/api/courses/${course.id}/bookings`,
      payload: { locationId: locationId(), sessions: asBooking(proposed) },
    });
    expect(booked.statusCode, booked.body).toBe(201);
    const reads = (table: string) =>
      recorded.queries.filter((q) => new RegExp(`^select \\* from "${table}" where "id" = `).test(q.sql)).length;
    // Each read once for the whole booking (the course and patient by the access check, the
    // location by the booking), where messages alone once read all of them again for every session.
    expect({
      courses: reads('courses'),
      patients: reads('patients'),
      clinics: reads('clinics'),
      locations: reads('locations'),
    }).toEqual({ courses: 1, patients: 1, clinics: 1, locations: 1 });
    // 84 on both engines when messages re-read the session and its records for every session; 56 since.
    expect(recorded.queries.length).toBeLessThan(84 - 3 * 4);
  });
});
