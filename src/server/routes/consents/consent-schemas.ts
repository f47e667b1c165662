import { z } from 'zod';
import { id, text } from '../../validation/fields.js';
import { signatureImage } from './signature-image.js';

/** A procedure's code names its consent text, e.g. `mesotherapy`. */
export const procedureCode = z
  .string({ error: (issue) => (issue.input === undefined ? 'required' : 'must be a procedure code') })
  .regex(/^[a-z][a-z0-9_]{0,63}$/, {
    message: 'must be a procedure code such as mesotherapy (lower-case letters, digits and _, at most 64)',
  });

export const procedureParams = z.object({ procedure: procedureCode });

export const newConsentTextBody = z.object({ text: text(50_000) });

export const newSignatureBody = z.object({
  /** The exact version the signer was shown; it must still be the current one. */
  consentTextId: id,
  typedName: text(200),
  signatureImage,
});

const timestamp = z.string().describe('ISO 8601 timestamp');

export const consentTextView = z.object({
  id: z.string(),
  clinicId: z.string(),
  procedure: z.string(),
  version: z.number().int(),
  text: z.string(),
  active: z.boolean().describe('true for the current version of the procedure'),
  createdAt: timestamp,
});

export const signatureView = z.object({
  id: z.string(),
  patientId: z.string(),
  consentTextId: z.string(),
  typedName: z.string(),
  signatureImage: z.string().nullable().describe('PNG data URL of the drawn signature'),
  signedAt: timestamp.describe('server time of signing'),
  userAgent: z.string().nullable(),
  userId: z.string().nullable().describe('the signed-in user who recorded the signature'),
  consentText: z.object({
    procedure: z.string(),
    version: z.number().int(),
    current: z.boolean().describe('whether the signed version is still the current one'),
  }),
});
