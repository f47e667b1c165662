import { api, call } from '../api/client';
import { useLoad, type LoadState } from '../hooks/use-load';
import type { CalendarData } from './calendar-types';

interface CalendarQuery {
  from: string;
  to: string;
  locationId: string | undefined;
}

/** Which window and location an answer is for. */
export function calendarQueryKey({ from, to, locationId }: CalendarQuery): string {
  return JSON.stringify([from, to, locationId ?? null]);
}

/**
 * The calendar's data for the window and location asked, as loading until an answer for exactly
 * those has arrived. useLoad only switches to loading in its effect, after the render that changed
 * the window: without the key, switching to the week view would first lay out the week's grid
 * (every practitioner's seven days) with the day's sessions, then ask for the week's.
 * A reload of the same window keeps the data shown, as useLoad does.
 */
export function useCalendarData(query: CalendarQuery): LoadState<CalendarData> & {
  reload: () => void;
  /** The answer held, whatever its window, for what does not depend on it (the toolbar's locations). */
  last: CalendarData | undefined;
} {
  const { from, to, locationId } = query;
  const key = calendarQueryKey(query);
  const state = useLoad(
    async () => ({
      key,
      data: await call(
        api.GET('/api/calendar', { params: { query: { from, to, ...(locationId ? { locationId } : {}) } } }),
      ),
    }),
    [key],
  );
  const { reload } = state;
  const last = state.data?.data;
  if (state.status === 'error') return { status: 'error', error: state.error, reload, last };
  if (state.status === 'ready' && state.data.key === key)
    return { status: 'ready', data: state.data.data, reload, last };
  return { status: 'loading', reload, last };
}
