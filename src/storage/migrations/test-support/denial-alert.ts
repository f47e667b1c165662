import type { StaffMessageDraft } from '../../repositories/outbox-repository.js';

/** An alert to the clinic's admins about refused requests: a staff message, about no session or patient. */
export function denialAlert(clinicId: string): StaffMessageDraft {
  return {
    clinicId,
    kind: 'denial_alert',
    channel: 'log',
    recipient: 'admin@example.test',
    subject: 'Refusals',
    body: 'Look',
    fingerprint: 'denial_alert:u',
    dueAt: '2029-12-01T09:00:00.000Z',
  };
}
