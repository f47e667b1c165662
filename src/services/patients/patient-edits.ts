import { activeChange, contactChanges, type PatientDetails } from '../../core/patients/contact-changes.js';
import type { PatientChangeRecord, PatientRecord, UserRecord } from '../../core/records/index.js';
import type { AuditEvent } from '../../storage/repositories/audit-entries.js';
import type { Repositories } from '../../storage/repositories/repositories.js';
import { loadWritablePatient } from '../access/patient-access.js';
import { conflict } from '../domain-errors.js';

export interface PatientEdited {
  patient: PatientRecord;
  /** The fields the edit changed (none when it sent only what was there). */
  changes: PatientChangeRecord[];
  audit: AuditEvent[];
}

/** The audit entry of a change of the record; its history rows are what the change was, not records of their own. */
const updateOf = (patient: PatientRecord): AuditEvent => ({
  action: 'update',
  entity: 'patient',
  entityId: patient.id,
  patientId: patient.id,
});

/**
 * Changes a patient's details and keeps each changed field's old and new value, who and when; call
 * inside a transaction. The record is locked first, so that two edits at once each see the other's
 * result as their "old" value: the history reads as one line of changes.
 */
export async function editPatient(
  tx: Repositories,
  input: { user: UserRecord; patientId: string; patch: Partial<PatientDetails> },
): Promise<PatientEdited> {
  const { user } = input;
  await tx.patients.lock([input.patientId]);
  const current = await loadWritablePatient(tx, user, input.patientId);
  const fieldChanges = contactChanges(current, input.patch);
  const patient = fieldChanges.length ? ((await tx.patients.update(current.id, input.patch)) ?? current) : current;
  const changes = await tx.patientChanges.record({ patientId: current.id, changedBy: user.id, changes: fieldChanges });
  return { patient, changes, audit: [updateOf(current)] };
}

/**
 * Deactivates (kept, out of searches) or reactivates a patient; call inside a transaction. A
 * patient with sessions still booked is not deactivated: those are cancelled or moved first.
 */
export async function setPatientActive(
  tx: Repositories,
  input: { user: UserRecord; patientId: string; active: boolean; now: string },
): Promise<PatientEdited> {
  const { user, active } = input;
  await tx.patients.lock([input.patientId]);
  const current = await loadWritablePatient(tx, user, input.patientId);
  if (current.active === active)
    throw conflict(
      active ? 'patient_active' : 'patient_inactive',
      active ? 'the patient is already active' : 'the patient is already inactive',
    );
  if (!active) {
    const booked = (await tx.treatmentSessions.listByPatient(current.id)).filter(
      (s) => s.status === 'planned' && s.scheduledAt >= input.now,
    );
    if (booked.length)
      throw conflict(
        'has_booked_sessions',
        `the patient has ${booked.length} session(s) booked: cancel or move them before deactivating`,
        { sessionIds: booked.map((s) => s.id) },
      );
  }
  const patient = (await tx.patients.setActive(current.id, active)) ?? current;
  const changes = await tx.patientChanges.record({
    patientId: current.id,
    changedBy: user.id,
    changes: [activeChange(active)],
  });
  return { patient, changes, audit: [updateOf(current)] };
}
