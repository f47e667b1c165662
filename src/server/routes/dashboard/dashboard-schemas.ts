import { z } from 'zod';
import { isoDate } from '../../validation/fields.js';
import { sideEffectLevels } from '../../../services/dashboard/dashboard.js';
import { maxWindowDays } from '../../../services/dashboard/dashboard-window.js';

export const dashboardQuery = z.object({
  from: isoDate.optional().describe('First clinic-local date (default: 29 days before `to`)'),
  to: isoDate
    .optional()
    .describe(
      `Last clinic-local date, included (default: today, or 29 days after \`from\`); at most ${maxWindowDays} days after \`from\``,
    ),
});

const rate = z.number().nullable();
const statusCounts = {
  planned: z.number().int(),
  done: z.number().int(),
  cancelled: z.number().int(),
  noShow: z.number().int(),
  total: z.number().int(),
};

const utilisationRow = z.object({
  id: z.string(),
  name: z.string(),
  location: z.string().optional().describe("Rooms: the location's name"),
  sessions: z.number().int(),
  bookedMinutes: z.number().describe('Minutes of planned, done and missed sessions that start in the window'),
  availableMinutes: z.number().describe('Working (practitioners) or opening (rooms) minutes in the window'),
  utilisation: rate.describe('bookedMinutes / availableMinutes; null without working time'),
});

const methods = { cash: z.number().int(), card: z.number().int(), transfer: z.number().int() };

export const dashboardView = z.object({
  from: z.string(),
  to: z.string(),
  timeZone: z.string().describe('The zone the days are counted in (the clinic’s first location)'),
  sessions: z.object({
    days: z.array(z.object({ date: z.string(), ...statusCounts })),
    totals: z.object(statusCounts),
  }),
  noShows: z.object({
    days: z.array(z.object({ date: z.string(), noShows: z.number().int(), rate })),
    total: z.number().int(),
    rate: rate.describe('Missed of the sessions done or missed'),
  }),
  utilisation: z.object({ practitioners: z.array(utilisationRow), rooms: z.array(utilisationRow) }),
  coursesCompleted: z.object({
    days: z.array(z.object({ date: z.string(), courses: z.number().int() })),
    total: z.number().int(),
  }),
  takings: z.object({
    currencies: z.array(
      z.object({
        currency: z.string(),
        totalMinor: z.number().int(),
        payments: z.number().int(),
        byMethod: z.object(methods),
        days: z.array(z.object({ date: z.string(), totalMinor: z.number().int(), ...methods })),
      }),
    ),
  }),
  sideEffects: z
    .object({
      levels: z.array(z.object({ level: z.enum(sideEffectLevels), reports: z.number().int(), open: z.number().int() })),
      reports: z.number().int(),
      open: z.number().int().describe('Reports whose symptom was still there when reported'),
    })
    .optional()
    .describe('Admins only: side-effect reports made in the window, by triage level'),
  signals: z
    .object({
      open: z.number().int().describe('Raised, nobody on them yet'),
      acknowledged: z.number().int().describe('Someone is on them; not closed yet'),
    })
    .optional()
    .describe('Admins only: safety signals not yet closed'),
});
