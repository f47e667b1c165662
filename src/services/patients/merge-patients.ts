import type { KnowledgeBase } from '../../core/knowledge/knowledge-base.js';
import { mayReverseMerge, mergeReversalDays, reversibleUntil } from '../../core/patients/merge-window.js';
import type { MovedRecords, PatientMergeRecord, PatientRecord, UserRecord } from '../../core/records/index.js';
import type { AuditEvent } from '../../storage/repositories/audit-entries.js';
import { patientOwnedTables } from '../../storage/repositories/patient-owned-tables.js';
import type { Repositories } from '../../storage/repositories/repositories.js';
import { loadAccessiblePatient } from '../access/patient-access.js';
import { conflict, invalidField, notFound } from '../domain-errors.js';
import { rescreenPatient, screeningAuditEvent } from '../rescreening/rescreen-patient.js';
import { assertNotMerged } from '../access/merged-patient.js';

export interface MergeOutcome {
  merge: PatientMergeRecord;
  survivor: PatientRecord;
  merged: PatientRecord;
  audit: AuditEvent[];
}

const entityOfTable = new Map(patientOwnedTables.map((t) => [t.table, t.entity]));

/** Each moved row as an update of its record, now the patient's `patientId`. */
function movedEvents(moved: MovedRecords, patientId: string): AuditEvent[] {
  return Object.entries(moved).flatMap(([table, ids]) =>
    ids.map((entityId) => ({
      action: 'update' as const,
      entity: entityOfTable.get(table) ?? table,
      entityId,
      patientId,
    })),
  );
}

/** Portal accounts move through the user repository, which the session cache watches: no stale patient is served. */
async function moveRows(tx: Repositories, records: MovedRecords, from: string, to: string): Promise<MovedRecords> {
  const { users: accounts = [], ...rest } = records;
  const moved: Record<string, readonly string[]> = { ...(await tx.patientMerges.move(rest, from, to)) };
  const movedAccounts: string[] = [];
  for (const id of accounts) {
    const account = await tx.users.findById(id);
    if (account?.patientId !== from) continue;
    await tx.users.update(id, { patientId: to });
    movedAccounts.push(id);
  }
  if (movedAccounts.length) moved.users = movedAccounts;
  return moved;
}

/**
 * After records moved between two patients, each one's intakes in time order and its booked
 * sessions screened against its latest intake: a merge can bring in a newer intake (a pregnancy,
 * say) that the sessions must now answer to.
 */
async function settle(
  tx: Repositories,
  knowledgeBase: KnowledgeBase,
  patientIds: readonly string[],
  now: Date,
): Promise<AuditEvent[]> {
  const audit: AuditEvent[] = [];
  for (const patientId of patientIds) {
    const renumbered = await tx.patientMerges.renumberIntakes(patientId);
    audit.push(...renumbered.map((id) => ({ action: 'update' as const, entity: 'intake', entityId: id, patientId })));
    const intake = await tx.intakes.latestForPatient(patientId);
    if (!intake) continue;
    const screening = await rescreenPatient(tx, knowledgeBase, { patientId, intake: intake.data, now });
    audit.push(...screening.changes.map(screeningAuditEvent));
  }
  return audit;
}

/**
 * Makes two records of one person one (call inside a transaction): every row of `mergedId` moves
 * to `survivorId` (patient-owned-tables.ts), the merged record is kept, marked merged and out of
 * every search, and the merge is stored with the ids it moved, for a reversal within 30 days.
 */
export async function mergePatients(
  tx: Repositories,
  knowledgeBase: KnowledgeBase,
  input: { user: UserRecord; survivorId: string; mergedId: string; now: Date },
): Promise<MergeOutcome> {
  const { user, survivorId, mergedId, now } = input;
  if (survivorId === mergedId) throw invalidField('mergedPatientId', 'must be another record than the one kept');
  await tx.patients.lock([survivorId, mergedId]);
  const survivor = await loadAccessiblePatient(tx, user, survivorId);
  const merging = await loadAccessiblePatient(tx, user, mergedId);
  assertNotMerged(survivor);
  if (merging.mergedIntoId !== null)
    throw conflict('already_merged', 'that record was already merged into another', {
      mergedIntoId: merging.mergedIntoId,
    });
  if (!survivor.active)
    throw conflict('patient_inactive', 'the record kept is inactive: reactivate it before merging into it');

  const moved = await moveRows(tx, await tx.patientMerges.recordsOf(merging.id), merging.id, survivor.id);
  const merged = (await tx.patients.setMergedInto(merging.id, survivor.id)) ?? merging;
  const merge = await tx.patientMerges.create({
    clinicId: user.clinicId,
    survivorId: survivor.id,
    mergedId: merged.id,
    moved,
    mergedBy: user.id,
  });
  const settled = await settle(tx, knowledgeBase, [survivor.id], now);
  return {
    merge,
    survivor,
    merged,
    audit: [
      { action: 'create', entity: 'patient_merge', entityId: merge.id, patientId: survivor.id },
      { action: 'create', entity: 'patient_merge', entityId: merge.id, patientId: merged.id },
      { action: 'update', entity: 'patient', entityId: merged.id, patientId: merged.id },
      ...movedEvents(moved, survivor.id),
      ...settled,
    ],
  };
}

/** A merge of the user's clinic, or "not found" (another clinic's merges are not confirmed). */
export async function loadMerge(repos: Repositories, user: UserRecord, mergeId: string): Promise<PatientMergeRecord> {
  const merge = await repos.patientMerges.findById(mergeId);
  if (!merge || merge.clinicId !== user.clinicId) throw notFound('merge');
  return merge;
}

/**
 * Undoes a merge within 30 days (call inside a transaction): exactly the rows it moved go back
 * (those still with the record kept; what was added to it since stays), and the merged record
 * stands on its own again. Later, or once reversed, it is refused with 409.
 */
export async function reverseMerge(
  tx: Repositories,
  knowledgeBase: KnowledgeBase,
  input: { user: UserRecord; patientId: string; mergeId: string; now: Date },
): Promise<MergeOutcome> {
  const { user, now } = input;
  const found = await loadMerge(tx, user, input.mergeId);
  if (found.survivorId !== input.patientId && found.mergedId !== input.patientId) throw notFound('merge');
  await tx.patients.lock([found.survivorId, found.mergedId]);
  if (found.reversedAt !== null)
    throw conflict('merge_reversed', 'this merge was already reversed', { reversedAt: found.reversedAt });
  if (!mayReverseMerge(found.mergedAt, now))
    throw conflict(
      'merge_reversal_expired',
      `a merge can be reversed for ${mergeReversalDays} days; this one was made on ${found.mergedAt.slice(0, 10)}`,
      { mergedAt: found.mergedAt, reversibleUntil: reversibleUntil(found.mergedAt) },
    );
  const survivor = await loadAccessiblePatient(tx, user, found.survivorId);
  if (survivor.mergedIntoId !== null)
    throw conflict(
      'patient_merged',
      `the record kept, patient ${survivor.id}, was merged into patient ${survivor.mergedIntoId} since: reverse that merge first`,
      { patientId: survivor.id, mergedIntoId: survivor.mergedIntoId },
    );
  const merging = await loadAccessiblePatient(tx, user, found.mergedId);
  const moved = await moveRows(tx, found.moved, found.survivorId, found.mergedId);
  const restored = (await tx.patients.setMergedInto(merging.id, null)) ?? merging;
  const merge = (await tx.patientMerges.markReversed(found.id, user.id)) ?? found;
  const settled = await settle(tx, knowledgeBase, [found.survivorId, found.mergedId], now);
  return {
    merge,
    survivor,
    merged: restored,
    audit: [
      { action: 'update', entity: 'patient_merge', entityId: merge.id, patientId: survivor.id },
      { action: 'update', entity: 'patient_merge', entityId: merge.id, patientId: restored.id },
      { action: 'update', entity: 'patient', entityId: restored.id, patientId: restored.id },
      ...movedEvents(moved, restored.id),
      ...settled,
    ],
  };
}
