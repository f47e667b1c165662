import { z } from 'zod';
import { describeWindow, type DateWindow } from '../../validation/date-window.js';
import { isoDate, optionalText, text, wholeInQuery } from '../../validation/fields.js';
import { patientToContact, timestamp } from '../../views.js';

/** The most one figure of stock may be: 100 litres, far beyond any clinic's shelf. */
const maxMillilitres = 100_000;

const millilitreNumber = z.number({
  error: (issue) => (issue.input === undefined ? 'required' : 'must be a number of millilitres'),
});

/** A quantity in millilitres, zero or more (stored to the microlitre). */
const millilitres = millilitreNumber
  .min(0, { message: 'must not be negative' })
  .max(maxMillilitres, { message: `must be at most ${maxMillilitres}` });

const lowStockMl = millilitres.describe('Low on stock at or below this many millilitres in usable lots');

export const newProductBody = z.object({
  name: text(200),
  manufacturer: optionalText(200),
  ingredients: z
    .array(text(200), { error: 'must be a list of ingredient ids or names' })
    .min(1, { message: 'must name at least one ingredient' })
    .max(50, { message: 'must name at most 50 ingredients' }),
  lowStockMl: lowStockMl.optional().describe('Low-stock threshold in millilitres (10 unless given)'),
});

export const productChangeBody = z.object({ lowStockMl });

/**
 * How far from today a lot's expiry date may lie: a lot entered late may have expired up to a year
 * ago (still traced by its number); no product keeps ten years. Beyond either end it is a typo.
 */
export const lotExpiryWindow: DateWindow = { yearsBack: 1, yearsAhead: 10 };

export const newLotBody = z.object({
  lotNumber: text(100),
  expiryDate: isoDate.describe(`YYYY-MM-DD, ${describeWindow(lotExpiryWindow)} (by the server's date)`),
  quantityMl: millilitreNumber
    .gt(0, { message: 'must be more than 0' })
    .max(maxMillilitres, { message: `must be at most ${maxMillilitres}` })
    .describe('What was received, in millilitres: charting draws from it'),
  supplier: optionalText(200),
  storageNote: optionalText(500).describe('Where and how it is kept (e.g. fridge 2, 2-8 °C)'),
});

export const stockCountBody = z.object({
  countedMl: millilitres.describe('What is on the shelf, in millilitres: the lot then holds this'),
  note: optionalText(1000),
});

export const expiringQuery = z.object({
  days: wholeInQuery(1, 730, 60, { whole: 'a whole number of days', least: 'at least 1' }),
});

export const lotView = z.object({
  id: z.string(),
  productId: z.string(),
  lotNumber: z.string(),
  expiryDate: z.string().describe('YYYY-MM-DD; usable in sessions up to and including this date'),
  recalled: z.boolean(),
  recalledAt: timestamp.nullable(),
  createdAt: timestamp,
  receivedMl: z.number(),
  remainingMl: z.number().describe('What charting has not drawn (or the last count found); never below zero'),
  supplier: z.string().nullable(),
  storageNote: z.string().nullable(),
});

export const productView = z.object({
  id: z.string(),
  clinicId: z.string(),
  name: z.string(),
  manufacturer: z.string().nullable(),
  ingredients: z.array(z.string()).describe('knowledge-base ingredient ids'),
  ingredientNames: z.array(z.string()).describe("each ingredient's knowledge-base name, in the same order"),
  createdAt: timestamp,
  lowStockMl: z.number(),
  stockMl: z.number().describe('What its lots that can be charted today hold together (not recalled or expired)'),
  lots: z.array(lotView).describe('soonest expiry first'),
});

export const stockCountView = z.object({
  id: z.string(),
  lotId: z.string(),
  countedMl: z.number(),
  expectedMl: z.number().describe('What the lot held by the records when counted'),
  differenceMl: z.number().describe('Counted minus expected: negative when stock went missing'),
  note: z.string().nullable(),
  countedBy: z.string().nullable(),
  countedByName: z.string().nullable(),
  countedAt: timestamp,
});

export const lowStockView = z.object({
  today: z.string().describe("The clinic's date"),
  products: z.array(
    z.object({
      productId: z.string(),
      name: z.string(),
      manufacturer: z.string().nullable(),
      stockMl: z.number(),
      lowStockMl: z.number(),
      usableLots: z.number().int(),
    }),
  ),
});

export const expiringView = z.object({
  today: z.string().describe("The clinic's date"),
  days: z.number().int(),
  lots: z.array(
    lotView.extend({
      productName: z.string(),
      daysLeft: z.number().int().describe('0 on its last usable day, negative once expired'),
    }),
  ),
});

export const recallView = z.object({
  lot: lotView,
  product: z.object({ id: z.string(), name: z.string(), manufacturer: z.string().nullable() }),
  patients: z.array(
    z.object({
      ...patientToContact,
      sessions: z
        .array(z.object({ sessionId: z.string(), scheduledAt: timestamp }))
        .describe('the sessions in which the patient received the lot'),
    }),
  ),
});
