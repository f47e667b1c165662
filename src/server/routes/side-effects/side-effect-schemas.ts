import { z } from 'zod';
import { triageLevels, type TriageResult } from '../../../core/triage/triage-side-effect.js';
import {
  reportChannels,
  type SideEffectPhotoRecord,
  type SideEffectReportRecord,
} from '../../../core/records/index.js';
import type { AttentionReport, SessionLot } from '../../../storage/repositories/side-effect-repository.js';
import { isoTimestamp, oneOf, pageQuery, text } from '../../validation/fields.js';
import { timestamp } from '../../views.js';

export const severities = ['mild', 'moderate', 'severe'] as const;

const code = z
  .string({ error: 'must be a side-effect code' })
  .regex(/^[a-z0-9_]{1,64}$/, { message: 'must be a side-effect code such as redness' });

const symptomCode = z
  .string({ error: 'must be a symptom code' })
  .regex(/^[a-z][a-z0-9_]{0,63}$/, { message: 'must be a symptom code such as lump_nodule' });

export const reporters = ['patient', 'staff'] as const;

export const newReportBody = z.object({
  symptoms: z
    .array(symptomCode, { error: 'must be a list of symptom codes' })
    .max(40, { message: 'must list at most 40 symptoms' })
    .transform((codes) => [...new Set(codes)])
    .optional()
    .describe(
      'What the reporter ticked: symptom codes of the knowledge base (side-effects.yaml `signs`, e.g. redness, swelling, lump_nodule, discharge, fever); give these, `symptom`, or both',
    ),
  symptom: text(2000)
    .optional()
    .describe(
      'What the patient notices, in their own words, besides or instead of the ticked symptoms; the triage reads it and leaves out what it denies ("no lumps")',
    ),
  codes: z
    .array(code, { error: 'must be a list of side-effect codes' })
    .max(20, { message: 'must list at most 20 codes' })
    .transform((codes) => [...new Set(codes)])
    .optional()
    .describe('Older forms: side-effect codes of the knowledge base (e.g. nodule_or_abscess); prefer `symptoms`'),
  onsetDays: z
    .number({ error: 'must be a whole number of days' })
    .int({ message: 'must be a whole number of days' })
    .min(0, { message: 'must be 0 or more' })
    .max(3650, { message: 'must be at most 3650' })
    .optional()
    .describe(
      'How many days after the session it began (0: the same day); give this or `onset` (with both, the triage reads this)',
    ),
  onset: isoTimestamp
    .optional()
    .describe('When the symptom began, as an instant (older forms); give this or `onsetDays`'),
  severity: oneOf(severities),
  ongoing: z.boolean({ error: 'must be true or false' }).describe('Whether the symptom is still there'),
  reportedVia: oneOf(reportChannels)
    .optional()
    .describe(
      "How the report came in: staff give `phone` or `in_person`; a patient's report is `portal` (leave it out)",
    ),
});

export const attentionQuery = z.object({
  level: z.enum(['urgent', 'review'], { error: 'must be urgent or review' }).optional().describe('Both when left out'),
  ...pageQuery,
});

const sourced = { sources: z.array(z.string()), citations: z.array(z.string()) };

export const triageView = z
  .object({
    level: z.enum(triageLevels),
    why: z.array(z.string()),
    findings: z.array(
      z.object({
        code: z.string(),
        name: z.string(),
        kind: z.string(),
        advice: z.string(),
        signs: z
          .array(z.string())
          .optional()
          .describe('The symptom codes of this finding that the report named; absent on older reports'),
        ...sourced,
      }),
    ),
    ...sourced,
  })
  .describe("The knowledge base's triage when the report was made: expected, review (within days) or urgent (today)");

export const lotView = z.object({
  lotId: z.string(),
  lotNumber: z.string(),
  productId: z.string(),
  productName: z.string(),
});

export const reportPhotoView = z.object({
  id: z.string(),
  reportId: z.string(),
  mime: z.string(),
  createdAt: timestamp,
  url: z.string().describe('Where the image is served'),
});

const reportFields = {
  id: z.string(),
  sessionId: z.string(),
  patientId: z.string(),
  reporterUserId: z.string().nullable(),
  symptom: z.string().describe("The reporter's own words; empty when they only ticked symptoms"),
  symptoms: z.array(z.string()).describe('Symptom codes ticked; empty on older reports'),
  codes: z.array(z.string()),
  onset: timestamp.nullable().describe('When it began; for a report given in days, the session time plus those days'),
  onsetDays: z
    .number()
    .int()
    .nullable()
    .describe('Days after the session it began, as reported or worked out from `onset`; null on older reports'),
  reportedBy: z
    .enum(reporters)
    .nullable()
    .describe('Whether the patient or a member of staff made the report; null on older reports'),
  reportedVia: z
    .enum(reportChannels)
    .nullable()
    .describe('How it came in: the portal, a phone call or a visit; null on staff reports that did not say'),
  reporterName: z.string().nullable().describe("Who recorded it (the patient's account, or the member of staff)"),
  severity: z.string().nullable(),
  ongoing: z.boolean().nullable(),
  triage: triageView.nullable(),
  createdAt: timestamp,
};

export const reportView = z.object({
  ...reportFields,
  lots: z.array(lotView).describe("Lots injected in the session's chart"),
  photos: z.array(reportPhotoView),
});

export const attentionView = z.object({
  ...reportFields,
  patient: z.object({ id: z.string(), firstName: z.string(), lastName: z.string() }),
  sessionAt: timestamp,
});

export function reportPhotoFor(photo: SideEffectPhotoRecord): z.input<typeof reportPhotoView> {
  return {
    id: photo.id,
    reportId: photo.reportId,
    mime: photo.mime,
    createdAt: photo.createdAt,
    url: `/api/side-effects/${photo.reportId}/photos/${photo.id}`,
  };
}

/** Names of the users who recorded reports, by id (see reporter-names.ts). */
export type ReporterNames = ReadonlyMap<string, string>;

function reportFieldsFor(report: SideEffectReportRecord, patientId: string, names: ReporterNames) {
  return {
    id: report.id,
    sessionId: report.sessionId,
    patientId,
    reporterUserId: report.reporterUserId,
    symptom: report.symptom,
    symptoms: report.symptoms,
    codes: report.codes,
    onset: report.onset,
    onsetDays: report.onsetDays,
    reportedBy: report.reportedBy,
    reportedVia: report.reportedVia,
    reporterName: (report.reporterUserId && names.get(report.reporterUserId)) ?? null,
    severity: report.severity,
    ongoing: report.ongoing,
    // Only this server writes the triage column, always with a TriageResult.
    triage: report.triage as TriageResult | null,
    createdAt: report.createdAt,
  };
}

export function reportFor(
  report: SideEffectReportRecord,
  patientId: string,
  lots: readonly SessionLot[],
  photos: readonly SideEffectPhotoRecord[],
  names: ReporterNames,
): z.input<typeof reportView> {
  return { ...reportFieldsFor(report, patientId, names), lots: [...lots], photos: photos.map(reportPhotoFor) };
}

export function attentionFor(entry: AttentionReport, names: ReporterNames): z.input<typeof attentionView> {
  return {
    ...reportFieldsFor(entry.report, entry.patient.id, names),
    patient: entry.patient,
    sessionAt: entry.sessionAt,
  };
}
