import { closedInvitationBody, invitationMessage } from '../../core/messages/invitation-message.js';
import type { PatientRecord, Role, UserRecord } from '../../core/records/index.js';
import type { AuditEvent } from '../../storage/repositories/audit-entries.js';
import type { InvitationRecord } from '../../storage/repositories/invitation-repository.js';
import type { Repositories } from '../../storage/repositories/repositories.js';
import { clinicTimeZone } from '../documents/clinic-zone.js';
import { conflict, invalidField } from '../domain-errors.js';
import { loadClinicMessaging, messageLanguage, messageLocale } from '../messaging/clinic-messaging.js';
import type { MessagingSettings } from '../messaging/messaging-settings.js';
import { hashLinkToken, newLinkToken } from './link-tokens.js';
import { ofOwnClinic } from '../access/clinic-record.js';
import { assertNotMerged } from '../access/merged-patient.js';

/** Three days: long enough to reach someone over a weekend, short enough that a forgotten link dies. */
export const invitationLifetimeHours = 72;

export interface InvitationRequest {
  email: string;
  displayName: string;
  role: Role;
  /** Required for (and only for) an invitation to a patient account. */
  patientId?: string | null;
}

export interface Invited {
  invitation: InvitationRecord;
  /** The one-time link: shown to the admin once (a clinic without email hands it over itself). */
  link: string;
  /** Whether the link was queued to go out by email (only when the clinic sends email). */
  emailed: boolean;
  audit: AuditEvent[];
}

/** The web app's page where an invitation is accepted. */
export function invitationLink(baseUrl: string, token: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/invite/${token}`;
}

export const emailTaken = () =>
  conflict('email_taken', 'a user with this email already exists', {
    problems: [{ field: 'email', message: 'belongs to an existing user' }],
  });

/** Closes an invitation's stored email, so that the outbox keeps no working link. */
export async function withdrawInvitationMessage(tx: Repositories, invitation: InvitationRecord): Promise<void> {
  if (invitation.outboxMessageId)
    await tx.invitations.withdrawMessage(invitation.outboxMessageId, closedInvitationBody);
}

/** The patient a patient account is for (none for staff), refused unless it is this clinic's, unmerged. */
async function requireLinkablePatient(
  tx: Repositories,
  clinicId: string,
  request: InvitationRequest,
): Promise<PatientRecord | undefined> {
  const { role, patientId } = request;
  if (role === 'patient' && !patientId) throw invalidField('patientId', 'required for a patient account');
  if (role !== 'patient' && patientId) throw invalidField('patientId', 'only patient accounts are linked to a patient');
  if (!patientId) return undefined;
  const patient = await tx.patients.findById(patientId);
  if (!patient || patient.clinicId !== clinicId) throw invalidField('patientId', 'must be a patient of this clinic');
  assertNotMerged(patient);
  return patient;
}

/**
 * Invites someone to become a user of the admin's clinic, inside the caller's transaction: refused
 * (409) for an email that already has a user, or an invitation still waiting; one that expired is
 * closed and replaced. The link's token is returned once and stored only as its hash; when the
 * clinic sends email, the link is queued in the outbox to the invitee.
 */
export async function inviteUser(
  tx: Repositories,
  admin: UserRecord,
  request: InvitationRequest,
  options: { messaging: MessagingSettings; now: Date },
): Promise<Invited> {
  const patient = await requireLinkablePatient(tx, admin.clinicId, request);
  if (await tx.users.findByEmail(request.email)) throw emailTaken();
  const audit: AuditEvent[] = [];
  const waiting = await tx.invitations.findOpenByEmail(request.email);
  if (waiting && Date.parse(waiting.expiresAt) > options.now.getTime())
    throw conflict('invitation_pending', `an invitation to ${waiting.email} is waiting until ${waiting.expiresAt}`, {
      problems: [{ field: 'email', message: 'has an invitation waiting: withdraw it to send a new one' }],
    });
  if (waiting) {
    await tx.invitations.revoke(waiting.id);
    await withdrawInvitationMessage(tx, waiting);
    audit.push({ action: 'update', entity: 'user_invitation', entityId: waiting.id, patientId: waiting.patientId });
  }

  const token = newLinkToken();
  const expiresAt = new Date(options.now.getTime() + invitationLifetimeHours * 3_600_000).toISOString();
  const created = await tx.invitations.create({
    clinicId: admin.clinicId,
    email: request.email,
    displayName: request.displayName,
    role: request.role,
    patientId: request.patientId ?? null,
    tokenHash: hashLinkToken(token),
    expiresAt,
    createdBy: admin.id,
  });
  audit.push({ action: 'create', entity: 'user_invitation', entityId: created.id, patientId: created.patientId });
  const link = invitationLink(options.messaging.baseUrl, token);
  // The log channel writes whole messages to the server log, which must hold no key: the admin has the link.
  if (options.messaging.channel !== 'email') return { invitation: created, link, emailed: false, audit };

  const clinic = await tx.clinics.findById(admin.clinicId);
  // A patient reads the invitation as their other letters; staff choose their language once signed in.
  const language = patient ? messageLanguage(await loadClinicMessaging(tx, admin.clinicId), patient) : 'en';
  const text = invitationMessage({
    invitee: { displayName: created.displayName, role: created.role },
    inviterName: admin.displayName,
    clinicName: clinic?.name ?? 'your clinic',
    link,
    expiresAt,
    locale: messageLocale(language, options.messaging),
    timeZone: await clinicTimeZone(tx, admin.clinicId),
    language,
  });
  const message = await tx.outbox.enqueueForStaff({
    clinicId: admin.clinicId,
    kind: 'user_invitation',
    channel: options.messaging.channel,
    recipient: created.email,
    ...text,
    fingerprint: `user_invitation:${created.id}`,
    dueAt: options.now.toISOString(),
  });
  await tx.invitations.setOutboxMessage(created.id, message.id);
  audit.push({ action: 'create', entity: 'outbox_message', entityId: message.id, patientId: null });
  return { invitation: { ...created, outboxMessageId: message.id }, link, emailed: true, audit };
}

/** Withdraws an open invitation of the admin's clinic, inside the caller's transaction: its link stops working. */
export async function revokeInvitation(tx: Repositories, admin: UserRecord, id: string): Promise<AuditEvent> {
  const invitation = ofOwnClinic(await tx.invitations.findById(id), admin, 'invitation');
  if (!(await tx.invitations.revoke(id)))
    throw conflict(
      'invitation_closed',
      invitation.acceptedAt ? 'the invitation has already been accepted' : 'the invitation has already been withdrawn',
    );
  await withdrawInvitationMessage(tx, invitation);
  return { action: 'update', entity: 'user_invitation', entityId: id, patientId: invitation.patientId };
}
