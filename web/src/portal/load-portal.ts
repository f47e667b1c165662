import type { Course, TreatmentSession } from '../api/api-types';
import { api, call } from '../api/client';

export interface PortalData {
  patient: { id: string; firstName: string; lastName: string };
  sessions: TreatmentSession[];
  courses: Map<string, Course>;
}

/** Everything the portal shows, all of it the signed-in patient's own (the server allows nothing else). */
export async function loadPortal(patientId: string): Promise<PortalData> {
  const path = { params: { path: { id: patientId } } };
  const [patient, { sessions }, { courses }] = await Promise.all([
    call(api.GET('/api/patients/{id}', path)),
    call(api.GET('/api/patients/{id}/sessions', path)),
    call(api.GET('/api/patients/{id}/courses', path)),
  ]);
  return { patient, sessions, courses: new Map(courses.map((c) => [c.id, c as unknown as Course])) };
}

/** Planned sessions still ahead, soonest first. */
export function upcomingSessions(sessions: readonly TreatmentSession[], now: number): TreatmentSession[] {
  return sessions
    .filter((s) => s.status === 'planned' && Date.parse(s.scheduledAt) > now)
    .sort((a, b) => a.scheduledAt.localeCompare(b.scheduledAt));
}

/** Sessions that took place (not cancelled or missed, and not in the future), latest first. */
export function heldSessions(sessions: readonly TreatmentSession[], now: number): TreatmentSession[] {
  return sessions
    .filter((s) => (s.status === 'planned' || s.status === 'done') && Date.parse(s.scheduledAt) <= now)
    .sort((a, b) => b.scheduledAt.localeCompare(a.scheduledAt));
}
