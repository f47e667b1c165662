import { z } from 'zod';
import { isTaxRate } from '../../../core/money/money-lines.js';
import { owedBucketLabels } from '../../../core/money/owed-ageing.js';
import {
  invoiceKinds,
  invoiceStatuses,
  paymentMethods,
  priceKinds,
  quoteStatuses,
} from '../../../core/money/money-types.js';
import { maxDocumentMinor } from '../../../services/money/line-input.js';
import { documentLanguages } from '../../../services/documents/document-language.js';
import { email, id, isoDate, isoTimestamp, oneOf, optionalText, text } from '../../validation/fields.js';

const whole = (what: string) =>
  z
    .number({ error: (issue) => (issue.input === undefined ? 'required' : `must be ${what}`) })
    .int({ message: `must be ${what}` });

/** An amount in minor units (cents, kuruş): a whole number, never negative. */
const amountMinor = whole('a whole number of minor units (cents, kuruş)')
  .min(0, { message: 'must not be negative' })
  .max(maxDocumentMinor, { message: `must be at most ${maxDocumentMinor}` });
const positiveAmount = whole('a whole number of minor units (cents, kuruş)')
  .min(1, { message: 'must be more than 0' })
  .max(maxDocumentMinor, { message: `must be at most ${maxDocumentMinor}` });

export const currency = z
  .string({ error: (issue) => (issue.input === undefined ? 'required' : 'must be an ISO 4217 code such as EUR') })
  .regex(/^[A-Z]{3}$/, { message: 'must be an ISO 4217 code of three capitals, such as EUR or TRY' })
  .describe('ISO 4217 currency code, e.g. EUR, TRY');

const taxRatePercent = z
  .number({ error: (issue) => (issue.input === undefined ? 'required' : 'must be a percentage from 0 to 100') })
  .refine(isTaxRate, { message: 'must be a percentage from 0 to 100 with at most two decimals' })
  .describe('Tax rate in percent, e.g. 20 or 7.5');

const sessions = whole('a whole number of sessions')
  .min(1, { message: 'must be at least 1' })
  .max(100, { message: 'must be at most 100' });

/** A day a report is about: within the years any clinic's books can hold, so the day's bounds can be worked out. */
const reportDate = isoDate.refine((date) => date >= '2000-01-01' && date <= '2999-12-31', {
  message: 'must be between 2000-01-01 and 2999-12-31',
});

// ---- views -------------------------------------------------------------------------------------

export const moneyLineView = z.object({
  description: z.string(),
  quantity: z.number(),
  unitPriceMinor: z.number(),
  taxRatePercent: z.number(),
  netMinor: z.number(),
  taxMinor: z.number(),
  totalMinor: z.number(),
  priceId: z.string().nullable(),
});
const totalsView = z.object({ netMinor: z.number(), taxMinor: z.number(), totalMinor: z.number() });
const taxBandView = z.object({ taxRatePercent: z.number(), netMinor: z.number(), taxMinor: z.number() });

export const priceView = z.object({
  id: z.string(),
  clinicId: z.string(),
  kind: z.enum(priceKinds),
  name: z.string(),
  indication: z.string().nullable(),
  sessions: z.number().nullable(),
  productId: z.string().nullable(),
  area: z.string().nullable(),
  unitPriceMinor: z.number(),
  currency: z.string(),
  taxRatePercent: z.number(),
  active: z.boolean(),
});

export const quoteView = z.object({
  id: z.string(),
  clinicId: z.string(),
  patientId: z.string(),
  courseId: z.string().nullable(),
  currency: z.string(),
  lines: z.array(moneyLineView),
  totals: totalsView,
  depositMinor: z.number(),
  status: z.enum(quoteStatuses),
  validUntil: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
});

export const paymentView = z.object({
  id: z.string(),
  invoiceId: z.string(),
  patientId: z.string(),
  amountMinor: z.number(),
  currency: z.string(),
  method: z.enum(paymentMethods),
  receivedAt: z.string(),
  reference: z.string().nullable(),
  recordedBy: z.string().nullable(),
});

export const creditNoteView = z.object({
  id: z.string(),
  number: z.string(),
  invoiceId: z.string(),
  patientId: z.string(),
  issueDate: z.string(),
  reason: z.string(),
  currency: z.string(),
  lines: z.array(moneyLineView),
  totals: totalsView,
  createdAt: z.string(),
  createdBy: z.string().nullable(),
});

export const invoiceView = z.object({
  id: z.string(),
  clinicId: z.string(),
  number: z.string(),
  kind: z.enum(invoiceKinds),
  patientId: z.string(),
  courseId: z.string().nullable(),
  quoteId: z.string().nullable(),
  issueDate: z.string(),
  dueDate: z.string().nullable(),
  currency: z.string(),
  lines: z.array(moneyLineView),
  taxBands: z.array(taxBandView),
  totals: totalsView,
  paidMinor: z.number(),
  creditedMinor: z.number(),
  balanceMinor: z.number(),
  status: z.enum(invoiceStatuses),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  patientName: z.string(),
});

/** One invoice with what was paid and credited against it. */
export const invoiceDetailView = invoiceView.extend({
  payments: z.array(paymentView),
  creditNotes: z.array(creditNoteView),
});

export const receivedPaymentView = paymentView.extend({ invoiceNumber: z.string(), patientName: z.string() });

export const takingsView = z.object({
  date: z.string(),
  currency: z.string(),
  byMethod: z.object({ cash: z.number(), card: z.number(), transfer: z.number() }),
  totalMinor: z.number(),
  payments: z.array(receivedPaymentView),
});

export const owedView = z.object({
  asOf: z.string(),
  buckets: z.array(z.object({ label: z.enum(owedBucketLabels), totalMinor: z.number() })),
  items: z.array(
    z.object({
      invoiceId: z.string(),
      number: z.string(),
      patientId: z.string(),
      patientName: z.string(),
      issueDate: z.string(),
      dueDate: z.string().nullable(),
      currency: z.string(),
      balanceMinor: z.number(),
      daysOverdue: z.number(),
      bucket: z.enum(owedBucketLabels),
    }),
  ),
});

export const billingDetailsView = z.object({
  clinicId: z.string(),
  legalName: z.string().nullable(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  taxId: z.string().nullable(),
  currency: z.string().nullable(),
  paymentTermDays: z.number().nullable(),
});

// ---- requests ----------------------------------------------------------------------------------

export const priceBody = z.object({
  kind: oneOf(priceKinds),
  name: text(200),
  indication: optionalText(100).describe('Indication code, for session and course_package prices of one indication'),
  sessions: sessions.nullable().optional().describe('course_package only: how many sessions it covers'),
  productId: id.nullable().optional(),
  area: optionalText(100),
  unitPriceMinor: amountMinor.describe('Price before tax, in minor units'),
  currency,
  taxRatePercent,
});

export const pricePatchBody = z
  .object({
    name: text(200).optional(),
    unitPriceMinor: amountMinor.optional(),
    taxRatePercent: taxRatePercent.optional(),
    active: z.boolean({ error: 'must be true or false' }).optional(),
  })
  .refine((body) => Object.values(body).some((v) => v !== undefined), {
    message: 'must set at least one of name, unitPriceMinor, taxRatePercent, active',
  });

export const pricesQuery = z.object({
  active: z
    .enum(['true', 'false'], { error: 'must be true or false' })
    .transform((v) => v === 'true')
    .optional()
    .describe('Only active (true) or inactive (false) prices'),
});

const lineBody = z.object({
  priceId: id.optional().describe('From the price list: its name, amount and tax rate unless given here'),
  description: text(300).optional(),
  quantity: whole('a whole number')
    .min(1, { message: 'must be at least 1' })
    .max(1000, { message: 'must be at most 1000' })
    .default(1),
  unitPriceMinor: amountMinor.optional(),
  taxRatePercent: taxRatePercent.optional(),
});
const lines = z
  .array(lineBody, { error: 'must be a list of lines' })
  .max(50, { message: 'must have at most 50 lines' });

export const quoteBody = z.object({
  patientId: id,
  courseId: id.optional(),
  indication: text(100).optional(),
  sessions: sessions.optional(),
  lines: lines.optional(),
  depositMinor: amountMinor.optional(),
  validUntil: isoDate.nullable().optional(),
  currency: currency.optional().describe("For written-out lines; priced lines carry their price's currency"),
});

export const quotesQuery = z.object({
  patientId: id.optional(),
  courseId: id.optional(),
  status: oneOf(quoteStatuses).optional(),
});

export const invoiceBody = z.object({
  patientId: id,
  courseId: id.optional(),
  quoteId: id.optional(),
  kind: oneOf(invoiceKinds).optional(),
  lines: lines.optional(),
  dueDate: isoDate.optional(),
  currency: currency.optional(),
});

export const invoicesQuery = z.object({
  patientId: id.optional(),
  status: oneOf(invoiceStatuses).optional(),
  from: reportDate.optional().describe('Issued on or after'),
  to: reportDate.optional().describe('Issued on or before'),
});

export const paymentBody = z.object({
  amountMinor: positiveAmount,
  method: oneOf(paymentMethods),
  receivedAt: isoTimestamp.optional().describe('When it was received; now unless given'),
  reference: optionalText(200),
  acceptOverpayment: z.boolean({ error: 'must be true or false' }).optional(),
});

export const creditNoteBody = z.object({
  amountMinor: positiveAmount.optional().describe('Tax included; without it (and without lines) all that is left'),
  lines: lines.optional(),
  reason: text(1000),
});

export const documentLanguageQuery = z.object({
  lang: oneOf(documentLanguages)
    .optional()
    .describe(
      "Language of the document's own words: en or tr; when left out, the language the clinic writes to patients in",
    ),
});

export const takingsQuery = z.object({
  date: reportDate.optional().describe("The clinic's calendar day; today unless given"),
  currency: currency.optional(),
});
export const owedQuery = z.object({
  asOf: reportDate.optional().describe('Owed at the end of this day; today unless given'),
});
export const exportQuery = z.object({
  from: reportDate.optional().describe("First day; the month's first unless given"),
  to: reportDate.optional().describe('Last day (included); today unless given'),
});

export const billingDetailsBody = z.object({
  legalName: optionalText(200),
  address: optionalText(500),
  phone: optionalText(50),
  email: z
    .union([email, z.literal('').transform(() => null), z.null()], { error: 'must be an email address or null' })
    .optional(),
  taxId: optionalText(50),
  currency: currency.nullable().optional(),
  paymentTermDays: whole('a whole number of days')
    .min(0, { message: 'must not be negative' })
    .max(365, { message: 'must be at most 365' })
    .nullable()
    .optional(),
});
