import { z } from 'zod';
import { id, text } from '../../validation/fields.js';
import { signatureImage } from './signature-image.js';
import { timestamp } from '../../views.js';

/** A procedure's code names its consent text, e.g. `mesotherapy`. */
export const procedureCode = z
  .string({ error: (issue) => (issue.input === undefined ? 'required' : 'must be a procedure code') })
  .regex(/^[a-z][a-z0-9_]{0,63}$/, {
    message: 'must be a procedure code such as mesotherapy (lower-case letters, digits and _, at most 64)',
  });

export const procedureParams = z.object({ procedure: procedureCode });

/** A text's language, as ISO 639 codes are written: `en`, `tr`. */
export const languageCode = z
  .string({ error: (issue) => (issue.input === undefined ? 'required' : 'must be a language code') })
  .regex(/^[a-z]{2,3}$/, { message: 'must be a language code such as en or tr (ISO 639, lower-case)' });

export const newConsentTextBody = z.object({
  text: text(50_000),
  /** `en` unless told: each language has its own current version. */
  language: languageCode.optional(),
});

export const languageQuery = z.object({ language: languageCode.optional() });

export const newSignatureBody = z.object({
  /** The exact version the signer was shown; it must still be the current one. */
  consentTextId: id,
  typedName: text(200),
  signatureImage,
});

export const consentTextView = z.object({
  id: z.string(),
  clinicId: z.string(),
  procedure: z.string(),
  language: z.string().describe('ISO 639 code; each language of a procedure has its current version'),
  version: z.number().int().describe('counted per procedure, across its languages'),
  text: z.string(),
  active: z.boolean().describe('true for the current version of the procedure in its language'),
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
  language: z.string().describe('ISO 639 code of the text the patient was shown and signed, kept with the signature'),
  consentText: z.object({
    procedure: z.string(),
    language: z.string(),
    version: z.number().int(),
    current: z.boolean().describe('whether the signed version is still the current one'),
  }),
});

const consentTextRef = z.object({
  consentTextId: z.string(),
  version: z.number().int(),
  language: z.string().describe('ISO 639 code'),
});

/** Where a patient stands with a procedure's consent (src/core/treatment/consent-standing.ts). */
export const consentStandingView = z.object({
  procedure: z.string(),
  status: z
    .enum(['signed', 'resign_needed', 'unsigned'])
    .describe('resign_needed: every version the patient signed has since been replaced'),
  signed: consentTextRef.extend({ signedAt: timestamp }).nullable().describe('the newest version the patient signed'),
  current: consentTextRef.describe(
    'the current version to sign, in the language of their latest signature if it has one',
  ),
});
