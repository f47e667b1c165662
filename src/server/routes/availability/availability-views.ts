import { z } from 'zod';
import { roomView, timestamp } from '../../views.js';

export const hoursView = z.object({
  id: z.string(),
  practitionerId: z.string(),
  locationId: z.string(),
  weeklyHours: z
    .unknown()
    .describe(
      'ISO weekday ("1" = Monday ... "7") → local wall-clock spans, e.g. {"1": [{"start": "09:00", "end": "13:00"}]}',
    ),
  roomIds: z.array(z.string()).nullable().describe('Rooms in order of preference; null: any room of the location'),
  updatedAt: timestamp,
});

export const exceptionView = z.object({
  id: z.string(),
  locationId: z.string(),
  practitionerId: z.string().nullable().describe('null: the whole location is closed'),
  kind: z.enum(['days', 'hours']),
  from: z.string().optional().describe('days: first local date'),
  to: z.string().optional().describe('days: last local date (included)'),
  start: z.string().optional().describe('hours: local date-time'),
  end: z.string().optional().describe('hours: local date-time (excluded)'),
  reason: z.string().nullable(),
  createdAt: timestamp,
});

const weeklyHoursView = z
  .unknown()
  .describe(
    'ISO weekday ("1" = Monday ... "7") → local wall-clock spans, e.g. {"1": [{"start": "09:00", "end": "13:00"}]}',
  );

export const openingHoursView = z.object({
  locationId: z.string(),
  weeklyHours: weeklyHoursView
    .nullable()
    .describe('When the location is open (a missing weekday: closed); null: no opening hours, always open'),
  updatedAt: timestamp.nullable(),
});

export const availabilityView = z.object({
  location: z.object({
    id: z.string(),
    name: z.string(),
    timeZone: z.string().describe('IANA time zone every wall-clock time here is read in'),
    openingHours: weeklyHoursView
      .nullable()
      .describe('When the location is open; nobody is booked outside these hours. null: always open'),
  }),
  rooms: z.array(roomView),
  hours: z.array(hoursView),
  exceptions: z.array(exceptionView),
});
