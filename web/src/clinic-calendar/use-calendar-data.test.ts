import { afterEach, describe, expect, it, vi } from 'vitest';

const requests: unknown[] = [];
vi.mock('../api/client', () => ({
  api: {
    GET: (path: string, options: { params: { query: unknown } }) => {
      requests.push(options.params.query);
      return Promise.resolve({ data: { path, n: requests.length }, response: { ok: true } });
    },
  },
  call: (request: Promise<{ data: unknown }>) => request.then((r) => r.data),
}));

const { prefetchCalendar, takeCalendar } = await import('./use-calendar-data');

const week = { from: '2026-12-06T23:00:00.000Z', to: '2026-12-13T23:00:00.000Z', locationId: 'l1' };

describe('calendar requests started ahead', () => {
  afterEach(() => {
    requests.length = 0;
    vi.useRealTimers();
  });

  it('serves the render the request the click started, once', async () => {
    prefetchCalendar(week);
    prefetchCalendar(week);
    expect(requests).toEqual([week]);
    expect(await takeCalendar(week)).toEqual({ path: '/api/calendar', n: 1 });
    // Taken: a reload asks again.
    expect(await takeCalendar(week)).toEqual({ path: '/api/calendar', n: 2 });
  });

  it('asks for a page of practitioners or rooms, a request of its own', async () => {
    const page = { ...week, columns: { by: 'practitioners' as const, ids: ['dr1', 'dr2'] } };
    prefetchCalendar(page);
    await takeCalendar(week);
    expect(await takeCalendar(page)).toEqual({ path: '/api/calendar', n: 1 });
    await takeCalendar({ ...week, columns: { by: 'rooms', ids: ['r1'] } });
    expect(requests).toEqual([{ ...week, practitionerIds: 'dr1,dr2' }, week, { ...week, roomIds: 'r1' }]);
  });

  it('asks afresh for another window, or once the one started ahead is stale', async () => {
    prefetchCalendar(week);
    await takeCalendar({ ...week, locationId: 'l2' });
    expect(requests).toEqual([week, { ...week, locationId: 'l2' }]);
    requests.length = 0;
    vi.useFakeTimers({ toFake: ['performance'] });
    prefetchCalendar({ ...week, locationId: 'l3' });
    vi.advanceTimersByTime(6_000);
    expect(await takeCalendar({ ...week, locationId: 'l3' })).toEqual({ path: '/api/calendar', n: 2 });
  });
});
