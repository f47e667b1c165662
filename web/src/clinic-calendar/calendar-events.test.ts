import { describe, expect, it } from 'vitest';
import {
  calendarEvents,
  calendarResources,
  columnPage,
  columnsPerPage,
  dropTarget,
  pageColumns,
  slotShade,
  unassigned,
} from './calendar-events';
import type { CalendarData, CalendarSession } from './calendar-types';

const session = (over: Partial<CalendarSession>): CalendarSession => ({
  id: 's1',
  courseId: 'c1',
  patient: { id: 'p', firstName: 'Paula', lastName: 'Patient' },
  scheduledAt: '2030-06-03T08:00:00.000Z',
  endsAt: '2030-06-03T08:30:00.000Z',
  durationMinutes: 30,
  practitionerId: 'dr1',
  practitionerName: 'Dr One',
  locationId: 'loc',
  roomId: 'r1',
  roomName: 'Room 1',
  status: 'planned',
  number: 1,
  of: 4,
  closure: null,
  updatedAt: '2030-05-01T00:00:00.000Z',
  ...over,
});

const data: CalendarData = {
  location: { id: 'loc', name: 'Main', timeZone: 'UTC' },
  locations: [{ id: 'loc', name: 'Main' }],
  practitioners: [
    { id: 'dr1', name: 'Dr One', working: [{ start: '2030-06-03T08:00:00.000Z', end: '2030-06-03T12:00:00.000Z' }] },
  ],
  rooms: [{ id: 'r1', name: 'Room 1' }],
  open: [{ start: '2030-06-03T07:00:00.000Z', end: '2030-06-03T18:00:00.000Z' }],
  closures: [{ start: '2030-06-04T00:00:00.000Z', end: '2030-06-05T00:00:00.000Z', reason: 'Holiday' }],
  sessions: [
    session({}),
    session({ id: 's2', practitionerId: 'dr9', practitionerName: 'Dr Nine', roomId: null, roomName: null }),
    session({ id: 's3', practitionerId: null, practitionerName: null, status: 'cancelled', number: null }),
  ],
};

describe('calendar events', () => {
  it('makes a column for each practitioner or room, then those only sessions name, then "not assigned"', () => {
    expect(calendarResources(data, 'practitioners', 'Not assigned')).toEqual([
      { id: 'dr1', title: 'Dr One' },
      { id: 'dr9', title: 'Dr Nine' },
      { id: unassigned, title: 'Not assigned' },
    ]);
    expect(calendarResources(data, 'rooms', 'Not assigned').map((r) => r.id)).toEqual(['r1', unassigned]);
  });

  it('places sessions in their column, lets only planned ones to come be dragged, and hides closed ones unless asked', () => {
    const now = new Date('2030-06-01T00:00:00Z');
    const shown = calendarEvents(data, 'practitioners', now, false);
    expect(shown.map((e) => [e.id, e.resourceId, e.movable])).toEqual([
      ['s1', 'dr1', true],
      ['s2', 'dr9', true],
    ]);
    expect(calendarEvents(data, 'rooms', now, true).map((e) => [e.id, e.resourceId, e.movable])).toEqual([
      ['s1', 'r1', true],
      ['s2', unassigned, true],
      ['s3', 'r1', false],
    ]);
    expect(calendarEvents(data, 'practitioners', new Date('2030-06-03T09:00:00Z'), false)[0]!.movable).toBe(false);
  });

  it('shades closed days, time outside a practitioner’s hours, and a room’s column outside opening hours', () => {
    const slot = 15 * 60_000;
    const at = (iso: string) => new Date(iso);
    expect(slotShade(data, 'practitioners', at('2030-06-03T09:00:00Z'), 'dr1', slot)).toBeNull();
    expect(slotShade(data, 'practitioners', at('2030-06-03T11:50:00Z'), 'dr1', slot)).toBe('off');
    expect(slotShade(data, 'practitioners', at('2030-06-03T13:00:00Z'), 'dr1', slot)).toBe('off');
    expect(slotShade(data, 'rooms', at('2030-06-03T13:00:00Z'), 'r1', slot)).toBeNull();
    expect(slotShade(data, 'rooms', at('2030-06-03T19:00:00Z'), 'r1', slot)).toBe('off');
    expect(slotShade(data, 'practitioners', at('2030-06-04T09:00:00Z'), 'dr1', slot)).toBe('closed');
  });
});

describe('columnPage', () => {
  const columns = Array.from({ length: 12 }, (_, i) => ({ id: `dr${i + 1}`, title: `Dr ${i + 1}` }));
  it('shows a week a page of columns at a time, and a day all of them', () => {
    expect(columnsPerPage).toBe(5);
    const first = columnPage(columns, 'week', 1);
    expect(first.columns.map((c) => c.id)).toEqual(['dr1', 'dr2', 'dr3', 'dr4', 'dr5']);
    expect([first.page, first.pages, first.first, first.last, first.count, first.all]).toEqual([1, 3, 1, 5, 12, false]);
    const last = columnPage(columns, 'week', 3);
    expect(last.columns.map((c) => c.id)).toEqual(['dr11', 'dr12']);
    expect([last.first, last.last]).toEqual([11, 12]);
    // Out of range: the nearest page.
    expect(columnPage(columns, 'week', 9).page).toBe(3);
    expect(columnPage(columns, 'week', 0).page).toBe(1);
    expect(columnPage(columns, 'day', 2).columns).toHaveLength(12);
  });
  it('shows all columns of a week when asked, or when they fit on one page', () => {
    const all = columnPage(columns, 'week', 'all');
    expect([all.columns.length, all.all, all.pages]).toEqual([12, true, 3]);
    const few = columnPage(columns.slice(0, 4), 'week', 1);
    expect([few.columns.length, few.pages, few.all]).toEqual([4, 1, false]);
  });
});

describe('pageColumns', () => {
  // Seven listed practitioners and one from elsewhere who only a session names: two pages.
  const team: CalendarData = {
    ...data,
    practitioners: Array.from({ length: 7 }, (_, i) => ({ id: `dr${i + 1}`, name: `Dr ${i + 1}`, working: [] })),
    rooms: Array.from({ length: 7 }, (_, i) => ({ id: `r${i + 1}`, name: `Room ${i + 1}` })),
    sessions: [session({ practitionerId: 'guest', practitionerName: 'Guest', roomId: null })],
  };
  const week = { locationId: 'loc', view: 'week', grouping: 'practitioners', page: 1 } as const;
  it('asks for the listed practitioners or rooms of the page shown', () => {
    expect(pageColumns(team, week)).toEqual({ by: 'practitioners', ids: ['dr1', 'dr2', 'dr3', 'dr4', 'dr5'] });
    // The second page also holds the guest, whose sessions always come.
    expect(pageColumns(team, { ...week, page: 2 })).toEqual({ by: 'practitioners', ids: ['dr6', 'dr7'] });
    expect(pageColumns(team, { ...week, grouping: 'rooms' })?.ids).toEqual(['r1', 'r2', 'r3', 'r4', 'r5']);
    // Without a location: the clinic's first, which `team` is.
    expect(pageColumns(team, { ...week, locationId: undefined })?.ids).toHaveLength(5);
  });
  it('asks for everything for a day, all columns, a page of none listed, or an unknown location', () => {
    expect(pageColumns(team, { ...week, view: 'day' })).toBeUndefined();
    expect(pageColumns(team, { ...week, page: 'all' })).toBeUndefined();
    expect(pageColumns(undefined, week)).toBeUndefined();
    expect(pageColumns(team, { ...week, locationId: 'another' })).toBeUndefined();
    expect(
      pageColumns(
        { ...team, locations: [{ id: 'first', name: 'First' }, ...team.locations] },
        { ...week, locationId: undefined },
      ),
    ).toBeUndefined();
    // One page holds every listed column: nothing to leave out.
    expect(pageColumns({ ...team, practitioners: team.practitioners.slice(0, 3) }, week)).toBeUndefined();
    const onlyGuests = { ...team, practitioners: team.practitioners.slice(0, 5) };
    expect(pageColumns(onlyGuests, { ...week, page: 2 })).toBeUndefined();
  });
});

describe('dropTarget', () => {
  const planned = session({});
  it('moves to the room of another room column, in the room view', () => {
    expect(dropTarget('rooms', planned, 'r2')).toEqual({ roomId: 'r2' });
    expect(dropTarget('rooms', planned, 'r1')).toEqual({});
  });
  it('moves to the practitioner of another practitioner column, in the practitioner view', () => {
    expect(dropTarget('practitioners', planned, 'dr2')).toEqual({ practitionerId: 'dr2' });
    expect(dropTarget('practitioners', planned, 'dr1')).toEqual({});
  });
  it('keeps practitioner and room for the "not assigned" column or a drop outside any column', () => {
    expect(dropTarget('rooms', planned, unassigned)).toEqual({});
    expect(dropTarget('practitioners', planned, undefined)).toEqual({});
  });
});
