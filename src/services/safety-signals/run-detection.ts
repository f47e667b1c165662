import { detectSignals } from '../../core/safety-signals/detect-signals.js';
import type { SafetySignalRecord } from '../../core/safety-signals/signal-record.js';
import { safetySignalMessage } from '../../core/safety-signals/signal-message.js';
import {
  defaultDetectionSettings,
  type DetectionSettings,
  type SafetySignal,
} from '../../core/safety-signals/signal-types.js';
import type { UserRecord } from '../../core/records/index.js';
import { auditEntries, type AuditEvent } from '../../storage/repositories/audit-entries.js';
import type { Repositories } from '../../storage/repositories/repositories.js';
import type { MessagingSettings } from '../messaging/messaging-settings.js';
import { loadDetectionInput } from './detection-input.js';

export interface DetectionRun {
  clinicId: string;
  now: Date;
  /** Who set the run off (the reporter of a side effect, or the admin who asked): the audit names them. */
  actor: Pick<UserRecord, 'id' | 'clinicId' | 'role'>;
  /** The request or command that did, e.g. `POST /api/sessions/:id/side-effects`. */
  route: string | null;
  messaging: MessagingSettings;
  settings?: DetectionSettings;
}

export interface DetectionResult {
  /** Signals stored by this run: new ones only; those raised before are left as they are. */
  raised: SafetySignalRecord[];
  /** Messages queued, one per active admin when anything was raised. */
  messages: number;
}

/** A lot signal names everyone who ever received the lot, also before detection's horizon. */
async function withEveryRecipient(repos: Repositories, signal: SafetySignal): Promise<SafetySignal> {
  if (signal.unit.type !== 'lot' || signal.unit.id === null) return signal;
  const recipients = await repos.charts.lotRecipients(signal.unit.id);
  const patientIds = [...new Set([...signal.patientIds, ...recipients.map((r) => r.patientId)])].sort();
  return { ...signal, patientIds };
}

/**
 * Runs detection for the clinic as of `now` and stores the signals it has not raised before. When
 * any are new, every active admin gets one message listing them all (patients to contact, lots to
 * quarantine) through the outbox, and the audit log records the signals, the patients they name
 * and the messages - all in one transaction. A signal already stored (same key) is neither stored
 * nor sent again, also when two runs meet: the database's unique key decides.
 */
export async function runSafetySignalDetection(repos: Repositories, run: DetectionRun): Promise<DetectionResult> {
  const settings = run.settings ?? defaultDetectionSettings;
  const input = await loadDetectionInput(repos, run.clinicId, run.now, settings);
  const found = detectSignals(input, settings);
  if (found.length === 0) return { raised: [], messages: 0 };
  const known = new Set(
    await repos.safetySignals.existingKeys(
      run.clinicId,
      found.map((s) => s.key),
    ),
  );
  const fresh = await Promise.all(found.filter((s) => !known.has(s.key)).map((s) => withEveryRecipient(repos, s)));
  if (fresh.length === 0) return { raised: [], messages: 0 };

  return repos.transaction(async (tx) => {
    const raised: { signal: SafetySignal; record: SafetySignalRecord }[] = [];
    for (const signal of fresh) {
      const record = await tx.safetySignals.insertNew(run.clinicId, signal);
      if (record) raised.push({ signal, record });
    }
    if (raised.length === 0) return { raised: [], messages: 0 };

    const events: AuditEvent[] = raised.flatMap(({ signal, record }) => [
      { action: 'create' as const, entity: 'safety_signal', entityId: record.id, patientId: null },
      ...signal.patientIds.map((patientId) => ({
        action: 'create' as const,
        entity: 'safety_signal_patient',
        entityId: record.id,
        patientId,
      })),
    ]);
    const text = safetySignalMessage(
      raised.map((r) => r.signal),
      run.messaging.baseUrl,
    );
    const dueAt = run.now.toISOString();
    const admins = (await tx.users.list(run.clinicId, { role: 'admin' })).filter((admin) => admin.active);
    for (const admin of admins) {
      const message = await tx.outbox.enqueueForStaff({
        clinicId: run.clinicId,
        kind: 'safety_signal',
        channel: run.messaging.channel,
        recipient: admin.email,
        ...text,
        fingerprint: `safety_signal:${raised.map((r) => r.record.id).join(',')}`,
        dueAt,
      });
      events.push({ action: 'create', entity: 'outbox_message', entityId: message.id, patientId: null });
    }
    await tx.audit.append(
      auditEntries(events, { clinicId: run.clinicId, userId: run.actor.id, role: run.actor.role, route: run.route }),
    );
    return { raised: raised.map((r) => r.record), messages: admins.length };
  });
}
