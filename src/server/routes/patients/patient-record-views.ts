import { z } from 'zod';
import { patientHistoryFields } from '../../../core/patients/contact-changes.js';
import { duplicateReasons } from '../../../core/patients/duplicate-match.js';
import { reversibleUntil } from '../../../core/patients/merge-window.js';
import type { PatientChangeRecord, PatientMergeRecord, PatientRecord } from '../../../core/records/index.js';
import type { Repositories } from '../../../storage/repositories/repositories.js';
import { errorResponse } from '../../validation/fields.js';
import { mergedPatientFields } from '../../validation/merged-patient-response.js';
import { patientView, timestamp } from '../../views.js';

const staffMember = z.object({ id: z.string(), displayName: z.string() }).nullable().describe('Null when unknown');

export const duplicateCandidateView = z.object({
  patient: patientView,
  reasons: z
    .array(z.enum(duplicateReasons))
    .describe('Why the patient may be the same person: name and birth date, phone, email'),
});

export const patientChangeView = z.object({
  id: z.string(),
  editId: z.string().describe('Shared by the fields one edit changed'),
  field: z.enum(patientHistoryFields),
  oldValue: z.string().nullable(),
  newValue: z.string().nullable(),
  changedBy: staffMember,
  changedAt: timestamp,
});

const patientSummary = z.object({
  id: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  birthDate: z.string(),
});

export const patientMergeView = z.object({
  id: z.string(),
  survivor: patientSummary.describe('The record kept'),
  merged: patientSummary.describe('The record merged into it, kept but hidden'),
  moved: z.record(z.string(), z.array(z.string())).describe('The ids of the rows moved, by table'),
  mergedBy: staffMember,
  mergedAt: timestamp,
  reversibleUntil: timestamp.describe('An admin may reverse the merge until then'),
  reversedAt: timestamp.nullable(),
  reversedBy: staffMember,
});

/** A refusal, with what the client needs to explain it: the merge's dates, or the record a merged one went into. */
export const patientConflictResponse = errorResponse.extend({
  ...mergedPatientFields,
  mergedAt: timestamp.optional(),
  reversibleUntil: timestamp.optional(),
  reversedAt: timestamp.optional(),
  sessionIds: z.array(z.string()).optional(),
});

type StaffMember = z.infer<typeof staffMember>;

/** The display names of the staff a list names, looked up once each. */
export async function staffNames(
  repos: Repositories,
  ids: readonly (string | null)[],
): Promise<(id: string | null) => StaffMember> {
  const names = new Map<string, string>();
  for (const id of new Set(ids))
    if (id !== null) {
      const user = await repos.users.findById(id);
      if (user) names.set(id, user.displayName);
    }
  return (id) => {
    const displayName = id === null ? undefined : names.get(id);
    return id !== null && displayName !== undefined ? { id, displayName } : null;
  };
}

export async function changeViews(repos: Repositories, changes: readonly PatientChangeRecord[]) {
  const staff = await staffNames(
    repos,
    changes.map((c) => c.changedBy),
  );
  return changes.map((c) => ({ ...c, changedBy: staff(c.changedBy) }));
}

export async function mergeViews(repos: Repositories, merges: readonly PatientMergeRecord[]) {
  const staff = await staffNames(
    repos,
    merges.flatMap((m) => [m.mergedBy, m.reversedBy]),
  );
  const patients = new Map<string, PatientRecord>();
  for (const id of new Set(merges.flatMap((m) => [m.survivorId, m.mergedId]))) {
    const patient = await repos.patients.findById(id);
    if (patient) patients.set(id, patient);
  }
  const summary = (id: string) => {
    const p = patients.get(id);
    return { id, firstName: p?.firstName ?? '', lastName: p?.lastName ?? '', birthDate: p?.birthDate ?? '' };
  };
  return merges.map((m) => ({
    id: m.id,
    survivor: summary(m.survivorId),
    merged: summary(m.mergedId),
    moved: Object.fromEntries(Object.entries(m.moved).map(([table, ids]) => [table, [...ids]])),
    mergedBy: staff(m.mergedBy),
    mergedAt: m.mergedAt,
    reversibleUntil: reversibleUntil(m.mergedAt),
    reversedAt: m.reversedAt,
    reversedBy: staff(m.reversedBy),
  }));
}

export async function mergeView(repos: Repositories, merge: PatientMergeRecord) {
  const [view] = await mergeViews(repos, [merge]);
  if (!view) throw new Error('a merge without its view');
  return view;
}
