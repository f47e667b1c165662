import { z } from 'zod';

/**
 * Response shapes, for the OpenAPI document and for type-checking handlers. Plain objects: the
 * document still allows extra fields (see zod-openapi-transform.ts), as the contract does.
 */

const timestamp = z.string().describe('ISO 8601 timestamp');
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

export const patientView = z.object({
  id: z.string(),
  clinicId: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  birthDate: z.string(),
  sex: z.enum(['female', 'male', 'other', 'unknown']),
  phone: nullableText,
  email: nullableText,
  createdAt: timestamp,
  updatedAt: timestamp,
});

/** The contract's result; its many fields are described in shared/contract/assessment.md. */
export const assessmentResultView = z.object({
  verdict: z.enum(['contraindicated', 'defer', 'eligible_with_precautions', 'eligible']),
  reasons: z.array(
    z.object({
      code: z.string(),
      kind: z.enum(['absolute', 'temporary']),
      message: z.string(),
      sources: z.array(z.string()),
      questions: z.array(z.string()).optional().describe('SCREENING_INCOMPLETE: each open screening question by field path, e.g. patient.pregnant'),
    }),
  ),
  precautions: z.array(z.object({ code: z.string(), message: z.string(), sources: z.array(z.string()) })),
  plan: z.object({ indication: z.string(), area: z.string() }).optional(),
  conflicts: z.array(z.object({ id: z.string(), topic: z.string(), applied: z.string() })),
  knowledgeBase: z.object({ version: z.string() }),
});

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
  data: z
    .object({
      patient: z.object({ birthDate: z.string() }),
      request: z.object({ indication: z.string(), area: z.string(), date: z.string() }),
    })
    .describe("The contract's assessment request"),
  createdBy: nullableText,
  createdAt: timestamp,
});

export const courseView = z.object({
  id: z.string(),
  patientId: z.string(),
  assessmentId: nullableText,
  indication: z.string(),
  area: z.string(),
  plan: z.object({ indication: z.string(), area: z.string() }).describe("The assessment's plan"),
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

export const roomView = z.object({ id: z.string(), locationId: z.string(), name: z.string(), active: z.boolean(), createdAt: timestamp, updatedAt: timestamp });

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
    .describe('Every record the request read or changed (a page of results is one entry); filtered by patient, only theirs'),
});
