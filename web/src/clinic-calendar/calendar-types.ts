import type { Ok } from '../api/api-types';

/** The calendar's data (GET /api/calendar) and a move's preview (GET /api/sessions/{id}/reschedule-preview). */
export type CalendarData = Ok<'/api/calendar', 'get'>;
export type CalendarSession = CalendarData['sessions'][number];
export type ReschedulePreview = Ok<'/api/sessions/{id}/reschedule-preview', 'get'>;
export type PreviewProblem = ReschedulePreview['problems'][number];

export type CalendarView = 'day' | 'week';
/** The columns: one per practitioner, or one per room. */
export type CalendarGrouping = 'practitioners' | 'rooms';
/** A page of the week's columns as the server is asked for it: these practitioners (or rooms) only. */
export interface ColumnFilter {
  by: CalendarGrouping;
  ids: string[];
}

/** A session as the calendar component places it. */
export interface CalendarEvent {
  id: string;
  title: string;
  start: Date;
  end: Date;
  resourceId: string;
  session: CalendarSession;
  /** Only planned sessions still to come can be dragged. */
  movable: boolean;
}

export interface CalendarResource {
  id: string;
  title: string;
}

/** Where a session is asked to go: from a drag or the Move… dialog. */
export interface MoveRequest {
  session: CalendarSession;
  start: Date;
  /** Another practitioner (a drag into their column, or chosen in the dialog). */
  practitionerId?: string;
  /** Another room (a drag into its column in the room view). */
  roomId?: string;
}

/** Where else a session is asked to go, besides its time: whom with, which room. */
export type MoveTarget = Pick<MoveRequest, 'practitionerId' | 'roomId'>;
