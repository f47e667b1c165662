import type { SafetySignalRecord, SignalStatus } from '../../core/safety-signals/signal-record.js';
import type { UserRecord } from '../../core/records/index.js';
import { auditEntries } from '../../storage/repositories/audit-entries.js';
import type { Repositories } from '../../storage/repositories/repositories.js';
import { conflict, notFound } from '../domain-errors.js';

/** Where a signal may go from each status: acknowledged means someone is on it; closed is the end. */
const allowed: Record<SignalStatus, readonly SignalStatus[]> = {
  open: ['acknowledged', 'closed'],
  acknowledged: ['closed'],
  closed: [],
};

/**
 * Acknowledges or closes one of the admin's clinic's signals, recording who, when and their note,
 * audited in the same transaction. A signal of another clinic is not found; a step backwards or
 * repeated (closing a closed one) is a conflict, and nothing changes.
 */
export async function changeSignalStatus(
  repos: Repositories,
  admin: Pick<UserRecord, 'id' | 'clinicId' | 'role'>,
  signalId: string,
  change: { status: 'acknowledged' | 'closed'; note: string | null; route: string | null },
): Promise<SafetySignalRecord> {
  return repos.transaction(async (tx) => {
    const signal = await tx.safetySignals.findById(signalId);
    if (!signal || signal.clinicId !== admin.clinicId) throw notFound('safety signal');
    if (!allowed[signal.status].includes(change.status))
      throw conflict('signal_status', `the signal is ${signal.status} and cannot be ${change.status}`);
    const updated = await tx.safetySignals.setStatus(signal.id, {
      status: change.status,
      by: admin.id,
      note: change.note,
    });
    if (!updated) throw notFound('safety signal');
    await tx.audit.append(
      auditEntries([{ action: 'update', entity: 'safety_signal', entityId: signal.id, patientId: null }], {
        clinicId: admin.clinicId,
        userId: admin.id,
        role: admin.role,
        route: change.route,
      }),
    );
    return updated;
  });
}
