import { z } from 'zod';
import { email, id, isoDate, optionalText, pageQuery, text } from '../../validation/fields.js';
import { preferredLanguageField } from '../../validation/language-field.js';
import { queryFlag } from '../../validation/query-flag.js';

const sex = z.enum(['female', 'male', 'other', 'unknown'], { error: 'must be one of: female, male, other, unknown' });
const optionalEmail = z
  .union([email, z.literal('').transform(() => null), z.null()], { error: 'must be an email address or null' })
  .optional();

/** A new patient; `languages` are the knowledge library's, which a patient's language must be one of. */
export const newPatientBody = (languages: readonly string[]) =>
  z.object({
    firstName: text(100),
    lastName: text(100),
    birthDate: isoDate,
    sex: sex.default('unknown'),
    phone: optionalText(40),
    email: optionalEmail,
    preferredLanguage: preferredLanguageField(languages)
      .optional()
      .describe(
        "The language of the patient's portal, sheets and messages; the clinic's message language unless given",
      ),
  });

export const patientPatchBody = (languages: readonly string[]) =>
  z
    .object({
      firstName: text(100).optional(),
      lastName: text(100).optional(),
      birthDate: isoDate.optional(),
      sex: sex.optional(),
      phone: optionalText(40),
      email: optionalEmail,
      preferredLanguage: preferredLanguageField(languages).optional(),
    })
    .refine((patch) => Object.values(patch).some((v) => v !== undefined), {
      message: 'must change at least one field',
    });

export const patientSearchQuery = z.object({
  name: z.string().max(200, { message: 'must be at most 200 characters' }).optional(),
  birthDate: isoDate.optional(),
  phone: z.string().max(40, { message: 'must be at most 40 characters' }).optional(),
  includeInactive: queryFlag('true: deactivated patients too (merged records never)'),
  ...pageQuery,
});

/** Free text of a query: NUL refused, since PostgreSQL cannot compare it. */
const queryText = (max: number) =>
  z
    .string()
    .max(max, { message: `must be at most ${max} characters` })
    .refine((s) => !s.includes('\0'), { message: 'must not contain NUL characters' });

export const duplicateQuery = z.object({
  firstName: text(100).optional(),
  lastName: text(100).optional(),
  birthDate: isoDate.optional(),
  phone: queryText(40).optional(),
  email: queryText(254).optional(),
  excludeId: id.optional().describe('A patient not to offer (the one being edited)'),
});

export const mergeBody = z.object({
  mergedPatientId: id.describe('The other record of the same person: its records move to the one kept'),
});

export const mergeParams = z.object({ id, mergeId: id });
