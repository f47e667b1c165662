import { denialAlertMessage } from '../../core/messages/denial-alert-message.js';
import { denialReasons, type UserRecord } from '../../core/records/index.js';
import { auditEntries, type AuditEvent } from '../../storage/repositories/audit-entries.js';
import type { Repositories } from '../../storage/repositories/repositories.js';
import { staffLanguage } from './clinic-messaging.js';
import type { MessagingSettings } from './messaging-settings.js';

/** When refusals of one user make a burst: `threshold` or more within `windowMinutes`. */
export interface DenialAlertSettings {
  threshold: number;
  windowMinutes: number;
}

/**
 * Twenty refusals in ten minutes: a user who follows a stale link or meets a bug gets a handful;
 * a script or a person walking through record ids gets far more.
 */
export const defaultDenialAlertSettings: DenialAlertSettings = { threshold: 20, windowMinutes: 10 };

/** The audit entity of an alert; its record is the user it is about. */
export const denialAlertEntity = 'denial_alert';

/**
 * After a refusal of `user`: when their refusals within the window reach the threshold and no alert
 * about them was raised within the window, raises one. The alert is an audit entry (the admin view
 * shows it) and a message to every active admin of the clinic in their language, queued in the
 * outbox, all in one transaction. Further refusals in the same burst raise nothing until a whole
 * window has passed since the alert. Returns whether it raised one.
 *
 * Callers serialise calls per user (two refusals at once could otherwise both see no alert yet).
 */
export async function alertOnDenialBurst(
  repos: Repositories,
  user: Pick<UserRecord, 'id' | 'clinicId' | 'role' | 'displayName' | 'email'>,
  route: string | null,
  settings: DenialAlertSettings,
  messaging: MessagingSettings,
): Promise<boolean> {
  const withinMs = settings.windowMinutes * 60_000;
  const scope = { clinicId: user.clinicId, userId: user.id, withinMs };
  const refusals = await repos.audit.recent({ ...scope, reasons: denialReasons, limit: settings.threshold });
  if (refusals.length < settings.threshold) return false;
  if ((await repos.audit.recent({ ...scope, entity: denialAlertEntity, limit: 1 })).length > 0) return false;

  const latest = refusals[0];
  const burst = {
    user,
    count: refusals.length,
    windowMinutes: settings.windowMinutes,
    lastRoute: latest?.route ?? null,
    baseUrl: messaging.baseUrl,
  };
  const dueAt = latest?.at ?? new Date().toISOString();
  await repos.transaction(async (tx) => {
    const admins = (await tx.users.list(user.clinicId, { role: 'admin' })).filter((admin) => admin.active);
    const events: AuditEvent[] = [{ action: 'create', entity: denialAlertEntity, entityId: user.id, patientId: null }];
    for (const admin of admins) {
      const message = await tx.outbox.enqueueForStaff({
        clinicId: user.clinicId,
        kind: 'denial_alert',
        channel: messaging.channel,
        recipient: admin.email,
        // In the language the admin reads the workspace in, where mesodesk writes messages in it.
        ...denialAlertMessage(burst, staffLanguage(admin.preferredLanguage)),
        fingerprint: `denial_alert:${user.id}:${dueAt}`,
        dueAt,
      });
      events.push({ action: 'create', entity: 'outbox_message', entityId: message.id, patientId: null });
    }
    await tx.audit.append(auditEntries(events, { clinicId: user.clinicId, userId: user.id, role: user.role, route }));
  });
  return true;
}
