import { z } from 'zod';
import { email, isoDate, optionalText, pageQuery, text } from '../../validation/fields.js';

const sex = z.enum(['female', 'male', 'other', 'unknown'], { error: 'must be one of: female, male, other, unknown' });
const optionalEmail = z
  .union([email, z.literal('').transform(() => null), z.null()], { error: 'must be an email address or null' })
  .optional();

export const newPatientBody = z.object({
  firstName: text(100),
  lastName: text(100),
  birthDate: isoDate,
  sex: sex.default('unknown'),
  phone: optionalText(40),
  email: optionalEmail,
});

export const patientPatchBody = z
  .object({
    firstName: text(100).optional(),
    lastName: text(100).optional(),
    birthDate: isoDate.optional(),
    sex: sex.optional(),
    phone: optionalText(40),
    email: optionalEmail,
  })
  .refine((patch) => Object.values(patch).some((v) => v !== undefined), { message: 'must change at least one field' });

export const patientSearchQuery = z.object({
  name: z.string().max(200, { message: 'must be at most 200 characters' }).optional(),
  birthDate: isoDate.optional(),
  phone: z.string().max(40, { message: 'must be at most 40 characters' }).optional(),
  ...pageQuery,
});
