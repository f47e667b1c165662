import type { UserRecord } from '../../core/records/index.js';
import type { AuditEvent } from '../../storage/repositories/audit-entries.js';
import type { InvitationRecord } from '../../storage/repositories/invitation-repository.js';
import type { Repositories } from '../../storage/repositories/repositories.js';
import { DomainError, gone, type FieldProblem } from '../domain-errors.js';
import { emailTaken, withdrawInvitationMessage } from './invitations.js';
import { hashLinkToken } from './link-tokens.js';
import type { PasswordHasher } from './password-hasher.js';
import { requireStrongPassword } from './password-strength.js';

const tokenProblem = (message: string): { problems: FieldProblem[] } => ({ problems: [{ field: 'token', message }] });

/**
 * The open invitation whose link carries `token`, or why there is none: 404 for a link that never
 * was, 410 for one used, withdrawn or expired. Each names the token.
 */
export async function openInvitation(repos: Repositories, token: string, now: Date): Promise<InvitationRecord> {
  const invitation = await repos.invitations.findByTokenHash(hashLinkToken(token));
  if (!invitation)
    throw new DomainError(
      'not_found',
      'invitation_not_found',
      'no invitation has this link: check that it was copied whole',
      tokenProblem('names no invitation'),
    );
  if (invitation.acceptedAt)
    throw gone(
      'invitation_used',
      'this invitation link has already been used: sign in with the password chosen then',
      tokenProblem('has already been used'),
    );
  if (invitation.revokedAt)
    throw gone(
      'invitation_withdrawn',
      'this invitation has been withdrawn: ask the clinic for a new one',
      tokenProblem('has been withdrawn'),
    );
  if (Date.parse(invitation.expiresAt) <= now.getTime())
    throw gone(
      'invitation_expired',
      `this invitation link expired at ${invitation.expiresAt}: ask the clinic for a new one`,
      tokenProblem('has expired'),
    );
  return invitation;
}

/**
 * Makes the invited user with the password they chose, once: the link is checked, the password's
 * strength judged (400 naming `password`) and hashed, then in one transaction the invitation is
 * closed, the user made and `within` run with the audit events to write (the route starts their
 * session there), so that either all of it is written or nothing. Of two uses of one link, one
 * wins; the other gets 410.
 */
export async function acceptInvitation<T>(
  repos: Repositories,
  hasher: PasswordHasher,
  input: { token: string; password: string; now: () => Date },
  within: (tx: Repositories, user: UserRecord, audit: AuditEvent[]) => Promise<T>,
): Promise<T> {
  const before = await openInvitation(repos, input.token, input.now());
  requireStrongPassword('password', input.password, [before.email, before.displayName]);
  // Hashing is slow on purpose: outside the transaction, which would otherwise hold the database.
  const passwordHash = await hasher.hash(input.password);
  return repos.transaction(async (tx) => {
    const invitation = await openInvitation(tx, input.token, input.now());
    if (!(await tx.invitations.markAccepted(invitation.id)))
      throw gone(
        'invitation_used',
        'this invitation link has already been used',
        tokenProblem('has already been used'),
      );
    if (await tx.users.findByEmail(invitation.email)) throw emailTaken();
    const user = await tx.users.create({
      clinicId: invitation.clinicId,
      email: invitation.email,
      displayName: invitation.displayName,
      role: invitation.role,
      passwordHash,
      patientId: invitation.patientId,
    });
    await tx.invitations.setUser(invitation.id, user.id);
    await withdrawInvitationMessage(tx, invitation);
    return within(tx, user, [
      { action: 'create', entity: 'user', entityId: user.id, patientId: user.patientId },
      { action: 'update', entity: 'user_invitation', entityId: invitation.id, patientId: invitation.patientId },
    ]);
  });
}
