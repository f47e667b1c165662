import { z } from 'zod';
import { pageQuery } from '../../validation/fields.js';
import { timestamp } from '../../views.js';

export const flagListQuery = z.object({ ...pageQuery });

const flagReason = z.object({
  code: z.string(),
  kind: z.enum(['absolute', 'temporary']),
  until: z.string().optional().describe('ISO date the reason lasts until (temporary reasons)'),
  message: z.string(),
  sources: z.array(z.string()).describe('Knowledge-base seed files the reason rests on'),
  citations: z.array(z.string()).describe('The exact passages, as file:line'),
});

export const flagEntry = z.object({
  session: z.object({
    id: z.string(),
    courseId: z.string(),
    scheduledAt: timestamp,
    date: z.string().describe("The session's calendar date in its location's time zone: the date it was judged as of"),
    timeZone: z.string(),
    practitionerId: z.string().nullable(),
    locationId: z.string().nullable(),
  }),
  patient: z.object({ id: z.string(), firstName: z.string(), lastName: z.string() }),
  verdict: z
    .string()
    .describe(
      "The re-screening verdict: contraindicated, defer, or cannot_screen (the knowledge base no longer knows the course's treatment)",
    ),
  reasons: z.array(flagReason),
  flaggedAt: timestamp.nullable(),
});

export const flagList = z.object({ flags: z.array(flagEntry) });

export const rescreenSummary = z.object({
  knowledgeBaseVersion: z.string(),
  patients: z.number().int(),
  sessions: z.number().int(),
  changed: z.number().int().describe('Flags set, changed or cleared'),
  failed: z.number().int(),
});
