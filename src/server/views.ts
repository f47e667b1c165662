import { z } from 'zod';
import type { AssessmentResult, Plan } from '../core/assessment/assessment-result.js';
import type { Intake } from '../core/assessment/intake-schema.js';

/**
 * Response shapes, for the OpenAPI document, for type-checking handlers, and for the answer itself:
 * the serializer leaves out every field a plain object does not declare, so a record never leaks a
 * column its view does not name. The contract's own documents (the assessment request and result,
 * and the plan a course keeps) are loose objects instead: the contract welcomes extra fields, a
 * stored document keeps the fields of the knowledge base it was made with, and all of it is sent.
 * The document still allows extra fields everywhere (plugins/openapi.ts), as the contract does.
 */

/** Every instant the API gives, as `toISOString()` writes it. */
export const timestamp = z.string().describe('ISO 8601 timestamp');
const nullableText = z.string().nullable();

export const roleEnum = z.enum(['admin', 'practitioner', 'reception', 'patient']);

export const userView = z.object({
  id: z.string(),
  clinicId: z.string(),
  email: z.string(),
  displayName: z.string(),
  role: roleEnum,
  patientId: nullableText,
  active: z.boolean(),
  preferredLanguage: z
    .string()
    .describe(
      "The language the user reads in (a language of the knowledge base: GET /api/health). In the signed-in user's own profile a patient account shows its patient record's",
    ),
  createdAt: timestamp,
  updatedAt: timestamp,
});

export const clinicView = z.object({ id: z.string(), name: z.string(), createdAt: timestamp, updatedAt: timestamp });

export const locationView = z.object({
  id: z.string(),
  clinicId: z.string(),
  name: z.string(),
  address: nullableText,
  timeZone: z.string().describe('IANA time zone'),
  createdAt: timestamp,
  updatedAt: timestamp,
});

/** A patient to call about a lot or a safety signal, and how to reach them. */
export const patientToContact = {
  patientId: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
};

export const patientView = z.object({
  id: z.string(),
  clinicId: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  birthDate: z.string(),
  sex: z.enum(['female', 'male', 'other', 'unknown']),
  phone: nullableText,
  email: nullableText,
  active: z.boolean().describe('False once deactivated: kept, but left out of searches unless asked for'),
  mergedIntoId: nullableText.describe('The record this one was merged into; null while it stands on its own'),
  preferredLanguage: z.string().describe("The language of the patient's portal, sheets and messages"),
  createdAt: timestamp,
  updatedAt: timestamp,
});

/**
 * A contract document: `schema` documents some of its fields, and every field is sent; handlers and
 * the serializer see it as the core's own type.
 */
const sentWhole = <T>(schema: z.ZodObject) => schema as unknown as z.ZodType<T>;

/** The assessment's plan (src/core/assessment/assessment-result.ts), sent whole. */
const planView = sentWhole<Plan>(z.looseObject({ indication: z.string(), area: z.string() }));

/** The contract's result, sent whole; its many fields are described in shared/contract/assessment.md. */
export const assessmentResultView = sentWhole<AssessmentResult>(
  z.looseObject({
    verdict: z.enum(['contraindicated', 'defer', 'eligible_with_precautions', 'eligible']),
    reasons: z.array(
      z.looseObject({
        code: z.string(),
        kind: z.enum(['absolute', 'temporary']),
        message: z.string(),
        sources: z.array(z.string()),
        questions: z
          .array(z.string())
          .optional()
          .describe('SCREENING_INCOMPLETE: each open screening question by field path, e.g. patient.pregnant'),
      }),
    ),
    precautions: z.array(z.looseObject({ code: z.string(), message: z.string(), sources: z.array(z.string()) })),
    plan: planView.optional(),
    conflicts: z.array(z.looseObject({ id: z.string(), topic: z.string(), applied: z.string() })),
    knowledgeBase: z.looseObject({ version: z.string() }),
  }),
);

export const storedAssessmentView = z.object({
  id: z.string(),
  intakeId: nullableText,
  patientId: nullableText,
  verdict: z.string(),
  knowledgeBaseVersion: z.string(),
  result: assessmentResultView,
  createdBy: nullableText,
  createdAt: timestamp,
});

export const intakeView = z.object({
  id: z.string(),
  patientId: z.string(),
  version: z.number().int(),
  data: sentWhole<Intake>(
    z.looseObject({
      patient: z.looseObject({ birthDate: z.string() }),
      request: z.looseObject({ indication: z.string(), area: z.string(), date: z.string() }),
    }),
  ).describe("The contract's assessment request, sent whole"),
  createdBy: nullableText,
  createdAt: timestamp,
});

export const courseView = z.object({
  id: z.string(),
  patientId: z.string(),
  assessmentId: nullableText,
  indication: z.string(),
  area: z.string(),
  plan: planView.describe("The assessment's plan"),
  status: z.enum(['active', 'completed', 'cancelled']),
  createdBy: nullableText,
  createdAt: timestamp,
  updatedAt: timestamp,
});

export const sessionView = z.object({
  id: z.string(),
  courseId: z.string(),
  patientId: z.string(),
  scheduledAt: timestamp,
  durationMinutes: z.number().int().nullable(),
  practitionerId: nullableText,
  locationId: nullableText,
  roomId: nullableText,
  status: z.enum(['planned', 'done', 'cancelled', 'no_show']),
  flag: z
    .object({ verdict: z.string(), reasons: z.unknown(), flaggedAt: timestamp.nullable() })
    .nullable()
    .optional()
    .describe('Re-screening flag; left out for reception'),
  createdAt: timestamp,
  updatedAt: timestamp,
});

export const roomView = z.object({
  id: z.string(),
  locationId: z.string(),
  name: z.string(),
  active: z.boolean(),
  createdAt: timestamp,
  updatedAt: timestamp,
});

export const auditView = z.object({
  id: z.string(),
  at: timestamp,
  clinicId: nullableText,
  userId: nullableText,
  role: nullableText,
  action: z.enum(['read', 'create', 'update', 'delete']),
  entity: z.string(),
  entityId: nullableText.describe('The record, when the entry names just one'),
  patientId: nullableText.describe('The patient, when every record named is theirs'),
  route: nullableText,
  records: z
    .array(z.object({ entityId: nullableText, patientId: nullableText }))
    .describe(
      'Every record the request read or changed (a page of results is one entry); filtered by patient, only theirs',
    ),
  reason: z
    .string()
    .optional()
    .describe(
      'Why the request was refused, when it was: a failed sign-in, or denied access (not_signed_in, wrong_role, not_their_record, other_clinic, refused)',
    ),
  clientAddress: z
    .string()
    .optional()
    .describe("The client's address, for sign-in attempts, refused requests and calendar-feed reads"),
  via: z
    .string()
    .optional()
    .describe('How the request got in without a sign-in: `calendar_feed:<id>` for a calendar app fetching that feed'),
  mergedFrom: z
    .array(z.string())
    .optional()
    .describe(
      'Filtered by patient: the records merged into theirs that the entry was written about (ids as in `patientId` and `records`)',
    ),
});
