import { z } from 'zod';
import { isoDate, optionalText, text } from '../../validation/fields.js';

export const newProductBody = z.object({
  name: text(200),
  manufacturer: optionalText(200),
  ingredients: z
    .array(text(200), { error: 'must be a list of ingredient ids or names' })
    .min(1, { message: 'must name at least one ingredient' })
    .max(50, { message: 'must name at most 50 ingredients' }),
});

export const newLotBody = z.object({
  lotNumber: text(100),
  expiryDate: isoDate,
});

const timestamp = z.string().describe('ISO 8601 timestamp');

export const lotView = z.object({
  id: z.string(),
  productId: z.string(),
  lotNumber: z.string(),
  expiryDate: z.string().describe('YYYY-MM-DD; usable in sessions up to and including this date'),
  recalled: z.boolean(),
  recalledAt: timestamp.nullable(),
  createdAt: timestamp,
});

export const productView = z.object({
  id: z.string(),
  clinicId: z.string(),
  name: z.string(),
  manufacturer: z.string().nullable(),
  ingredients: z.array(z.string()).describe('knowledge-base ingredient ids'),
  createdAt: timestamp,
  lots: z.array(lotView).describe('soonest expiry first'),
});

export const recallView = z.object({
  lot: lotView,
  product: z.object({ id: z.string(), name: z.string(), manufacturer: z.string().nullable() }),
  patients: z.array(
    z.object({
      patientId: z.string(),
      firstName: z.string(),
      lastName: z.string(),
      phone: z.string().nullable(),
      email: z.string().nullable(),
      sessions: z
        .array(z.object({ sessionId: z.string(), scheduledAt: timestamp }))
        .describe('the sessions in which the patient received the lot'),
    }),
  ),
});
