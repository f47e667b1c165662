import { expect } from 'vitest';
import { asBooking, copyCourse, proposal } from '../../../../test-support/scheduling-test-setup.js';
import type { TestApp, TestClient } from '../../../../test-support/test-app.js';
import { useSchedulingRoutes } from '../../scheduling/test-support/scheduling-routes-setup.js';

/** A booked session as the booking answer lists it. */
export interface Booked {
  id: string;
  scheduledAt: string;
  updatedAt: string;
  practitionerId: string;
  roomId: string;
}

/**
 * The scheduling set-up (a `beforeAll` in the calling block), with the two requests of a move from the
 * calendar: its preview (a dry run) and its confirmation.
 */
export function useSessionMoves(get: () => TestApp) {
  const routes = useSchedulingRoutes(get);
  const preview = (client: TestClient, id: string, query: Record<string, string>) =>
    client.inject({ method: 'GET', url: `/api/sessions/${id}/reschedule-preview?${new URLSearchParams(query)}` });
  const move = (client: TestClient, id: string, payload: object) =>
    client.inject({ method: 'POST', url: `/api/sessions/${id}/reschedule`, payload });

  /** A four-session course (7-14 days apart) booked by the finder from `earliestStart` (a Monday). */
  async function bookedCourse(earliestStart: string): Promise<{ courseId: string; sessions: Booked[] }> {
    const { practitioner, course } = routes.setup();
    const copy = await copyCourse(get(), course);
    const proposed = await proposal(practitioner, copy.id, { locationId: routes.locationId(), earliestStart });
    const response = await routes.book(practitioner, copy.id, asBooking(proposed));
    expect(response.statusCode, response.body).toBe(201);
    return { courseId: copy.id, sessions: response.json().sessions };
  }

  return { ...routes, preview, move, bookedCourse };
}
