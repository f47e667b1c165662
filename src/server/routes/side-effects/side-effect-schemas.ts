import { z } from 'zod';
import { triageLevels, type TriageResult } from '../../../core/triage/triage-side-effect.js';
import type { SideEffectPhotoRecord, SideEffectReportRecord } from '../../../storage/repositories/records.js';
import type { AttentionReport, SessionLot } from '../../../storage/repositories/side-effect-repository.js';
import { isoTimestamp, pageQuery, text } from '../../validation/fields.js';

export const severities = ['mild', 'moderate', 'severe'] as const;

const code = z
  .string({ error: 'must be a side-effect code' })
  .regex(/^[a-z0-9_]{1,64}$/, { message: 'must be a side-effect code such as redness' });

export const newReportBody = z.object({
  symptom: text(2000).describe("What the patient notices, in their own words; the triage reads it"),
  codes: z
    .array(code, { error: 'must be a list of side-effect codes' })
    .max(20, { message: 'must list at most 20 codes' })
    .transform((codes) => [...new Set(codes)])
    .optional()
    .describe('Side-effect codes of the knowledge base, when chosen from a list'),
  onset: isoTimestamp.describe('When the symptom began'),
  severity: z.enum(severities, { error: `must be one of: ${severities.join(', ')}` }),
  ongoing: z.boolean({ error: 'must be true or false' }).describe('Whether the symptom is still there'),
});

export const attentionQuery = z.object({
  level: z.enum(['urgent', 'review'], { error: 'must be urgent or review' }).optional().describe('Both when left out'),
  ...pageQuery,
});

const timestamp = z.string().describe('ISO 8601 timestamp');
const sourced = { sources: z.array(z.string()), citations: z.array(z.string()) };

export const triageView = z
  .object({
    level: z.enum(triageLevels),
    why: z.array(z.string()),
    findings: z.array(z.object({ code: z.string(), name: z.string(), kind: z.string(), advice: z.string(), ...sourced })),
    ...sourced,
  })
  .describe("The knowledge base's triage when the report was made: expected, review (within days) or urgent (today)");

export const lotView = z.object({ lotId: z.string(), lotNumber: z.string(), productId: z.string(), productName: z.string() });

export const reportPhotoView = z.object({ id: z.string(), reportId: z.string(), mime: z.string(), createdAt: timestamp, url: z.string().describe('Where the image is served') });

const reportFields = {
  id: z.string(),
  sessionId: z.string(),
  patientId: z.string(),
  reporterUserId: z.string().nullable(),
  symptom: z.string(),
  codes: z.array(z.string()),
  onset: timestamp.nullable(),
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
  return { id: photo.id, reportId: photo.reportId, mime: photo.mime, createdAt: photo.createdAt, url: `/api/side-effects/${photo.reportId}/photos/${photo.id}` };
}

function reportFieldsFor(report: SideEffectReportRecord, patientId: string) {
  const { id, sessionId, reporterUserId, symptom, codes, onset, severity, ongoing, createdAt } = report;
  // Only this server writes the triage column, always with a TriageResult.
  const triage = report.triage as TriageResult | null;
  return { id, sessionId, patientId, reporterUserId, symptom, codes, onset, severity, ongoing, triage, createdAt };
}

export function reportFor(report: SideEffectReportRecord, patientId: string, lots: readonly SessionLot[], photos: readonly SideEffectPhotoRecord[]): z.input<typeof reportView> {
  return { ...reportFieldsFor(report, patientId), lots: [...lots], photos: photos.map(reportPhotoFor) };
}

export function attentionFor(entry: AttentionReport): z.input<typeof attentionView> {
  return { ...reportFieldsFor(entry.report, entry.patient.id), patient: entry.patient, sessionAt: entry.sessionAt };
}
