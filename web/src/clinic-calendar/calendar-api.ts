import { api, call } from '../api/client';
import type { CalendarSession, MoveTarget, ReschedulePreview } from './calendar-types';

/** The calendar's writes and the preview, each carrying the session's `updatedAt` as the desk saw it. */

/** The practitioner and room asked for, as the API takes them (absent: the session keeps its own). */
function targetOf({ practitionerId, roomId }: MoveTarget) {
  return { ...(practitionerId ? { practitionerId } : {}), ...(roomId ? { roomId } : {}) };
}

export function previewMove(
  session: CalendarSession,
  start: Date,
  target: MoveTarget = {},
): Promise<ReschedulePreview> {
  return call(
    api.GET('/api/sessions/{id}/reschedule-preview', {
      params: {
        path: { id: session.id },
        query: { start: start.toISOString(), expectedUpdatedAt: session.updatedAt, ...targetOf(target) },
      },
    }),
  );
}

export function confirmMove(preview: ReschedulePreview, start: Date, target: MoveTarget = {}) {
  return call(
    api.POST('/api/sessions/{id}/reschedule', {
      params: { path: { id: preview.sessionId } },
      body: {
        start: start.toISOString(),
        expectedUpdatedAt: preview.updatedAt,
        expectedMoves: preview.moves,
        ...targetOf(target),
      },
    }),
  );
}

export function closeSession(session: CalendarSession, how: 'cancel' | 'no_show', reason: string) {
  const body = { reason, expectedUpdatedAt: session.updatedAt };
  const params = { path: { id: session.id } };
  return call(
    how === 'cancel'
      ? api.POST('/api/sessions/{id}/cancel', { params, body })
      : api.POST('/api/sessions/{id}/no-show', { params, body }),
  );
}
