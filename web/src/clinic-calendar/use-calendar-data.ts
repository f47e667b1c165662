import { useRef } from 'react';
import { api, call } from '../api/client';
import { useLoad, type LoadState } from '../hooks/use-load';
import type { CalendarData, ColumnFilter } from './calendar-types';

export interface CalendarQuery {
  from: string;
  to: string;
  locationId: string | undefined;
  /** A page of the week's columns: only these of the location's practitioners (or rooms); all when absent. */
  columns?: ColumnFilter | undefined;
}

/** Which window, location and page of columns an answer is for. */
export function calendarQueryKey({ from, to, locationId, columns }: CalendarQuery): string {
  return JSON.stringify([from, to, locationId ?? null, columns ? [columns.by, ...columns.ids] : null]);
}

function request({ from, to, locationId, columns }: CalendarQuery): Promise<CalendarData> {
  const page = columns ? { [columns.by === 'rooms' ? 'roomIds' : 'practitionerIds']: columns.ids.join(',') } : {};
  return call(
    api.GET('/api/calendar', { params: { query: { from, to, ...(locationId ? { locationId } : {}), ...page } } }),
  );
}

/** A request started ahead of the render that needs it: taken once, and only while fresh. */
let ahead: { key: string; at: number; answer: Promise<CalendarData> } | null = null;
const freshMs = 5_000;

/**
 * Starts asking for a window as soon as the user asks for it (a click on the toolbar), rather than
 * once the screen has rendered its loading state, which for a week that follows a busy day view is
 * a render of its own before the request would leave.
 */
export function prefetchCalendar(query: CalendarQuery): void {
  const key = calendarQueryKey(query);
  if (ahead?.key === key && performance.now() - ahead.at < freshMs) return;
  const answer = request(query);
  // Its failure is reported when it is taken; one never taken is of no interest.
  answer.catch(() => undefined);
  ahead = { key, at: performance.now(), answer };
}

/** The answer for `query`: the one started ahead for it if still fresh (once), else a new request. */
export function takeCalendar(query: CalendarQuery): Promise<CalendarData> {
  const key = calendarQueryKey(query);
  const started = ahead;
  if (started?.key === key) ahead = null;
  return started?.key === key && performance.now() - started.at < freshMs ? started.answer : request(query);
}

/**
 * The calendar's data for the window and location asked, as loading until an answer for exactly
 * those has arrived. useLoad only switches to loading in its effect, after the render that changed
 * the window: without the key, switching to the week view would first lay out the week's grid
 * (every practitioner's seven days) with the day's sessions, then ask for the week's.
 * A reload of the same window keeps the data shown, as useLoad does, and always asks again.
 * An answer with every column of the window serves each page of it: paging asks for nothing then.
 */
export function useCalendarData(query: CalendarQuery): LoadState<CalendarData> & {
  reload: () => void;
  /** The answer held, whatever its window, for what does not depend on it (the toolbar's locations). */
  last: CalendarData | undefined;
} {
  const whole: CalendarQuery = { from: query.from, to: query.to, locationId: query.locationId };
  const held = useRef<string | null>(null);
  const asked = held.current === calendarQueryKey(whole) ? whole : query;
  const key = calendarQueryKey(asked);
  const state = useLoad(async () => {
    const data = await takeCalendar(asked);
    // Before the render the answer causes, so that render already knows a whole window is held.
    held.current = key;
    return { key, data };
  }, [key]);
  const { reload } = state;
  const last = state.data?.data;
  if (state.status === 'error') return { status: 'error', error: state.error, reload, last };
  if (state.status === 'ready' && state.data.key === key)
    return { status: 'ready', data: state.data.data, reload, last };
  return { status: 'loading', reload, last };
}
