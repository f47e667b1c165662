import type { Role, UserRecord } from '../../core/records/index.js';
import type { RecordRepository } from './record-repository.js';

/** Who a user is, in their clinic: what an invitation names before the user exists. */
export type Invitee = Pick<UserRecord, 'id' | 'clinicId' | 'email' | 'displayName' | 'role' | 'patientId'>;

/** An invitation to become a user of a clinic, as stored (the token itself never is). */
export interface InvitationRecord extends Invitee {
  expiresAt: string;
  createdBy: string | null;
  createdAt: string;
  acceptedAt: string | null;
  /** The user the accepted invitation made. */
  userId: string | null;
  revokedAt: string | null;
  outboxMessageId: string | null;
}

export interface NewInvitation {
  clinicId: string;
  email: string;
  displayName: string;
  role: Role;
  patientId: string | null;
  /** SHA-256 of the link's token. */
  tokenHash: string;
  expiresAt: string;
  createdBy: string;
}

export interface InvitationRepository extends RecordRepository<NewInvitation, InvitationRecord> {
  /** Emails are stored lower-cased. Refused (unique) while another open invitation has the email. */
  create(input: NewInvitation): Promise<InvitationRecord>;
  findByTokenHash(tokenHash: string): Promise<InvitationRecord | undefined>;
  /** The open (neither accepted nor revoked) invitation to this email, of any clinic, expired or not. */
  findOpenByEmail(email: string): Promise<InvitationRecord | undefined>;
  /** The clinic's open invitations, newest first (expired ones included). */
  listOpen(clinicId: string): Promise<InvitationRecord[]>;
  setOutboxMessage(id: string, messageId: string): Promise<void>;
  /**
   * Closes the invitation as accepted, if it is still open: false when another request closed it
   * first. The row stays locked until the transaction ends, so of two uses of one link exactly one
   * wins and the other finds it closed.
   */
  markAccepted(id: string): Promise<boolean>;
  /** Names the user an accepted invitation made. */
  setUser(id: string, userId: string): Promise<void>;
  /** Closes the invitation as withdrawn, if it is still open; false when it was not. */
  revoke(id: string): Promise<boolean>;
  /**
   * Replaces the body of the invitation's message in the outbox (so the stored text no longer
   * holds a working link), and cancels it if it has not gone out yet.
   */
  withdrawMessage(messageId: string, body: string): Promise<void>;
}
