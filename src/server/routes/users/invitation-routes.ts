import { z } from 'zod';
import { acceptInvitation, openInvitation } from '../../../services/accounts/invitation-acceptance.js';
import { inviteUser, revokeInvitation } from '../../../services/accounts/invitations.js';
import { roles } from '../../../storage/database-schema.js';
import type { InvitationRecord } from '../../../storage/repositories/invitation-repository.js';
import type { App } from '../../app-types.js';
import { hashSessionToken, newSessionToken } from '../../auth/session-tokens.js';
import { allow, publicAccess } from '../../plugins/access-control.js';
import { requireAuth, setSessionCookie } from '../../plugins/authentication.js';
import { email, id, idParams, oneOf, password, text } from '../../validation/fields.js';
import { patientWriteConflict } from '../../validation/merged-patient-response.js';
import { roleEnum, userView } from '../../views.js';
import { withReadingLanguage } from '../../reader-language.js';
import { answers, answersWith, routeSpec } from '../route-spec.js';

const role = oneOf(roles);

const newInvitationBody = z.object({
  email,
  displayName: text(200),
  role,
  /** Required for (and only for) an invitation to a patient account. */
  patientId: id.optional(),
});

const invitationView = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  role: roleEnum,
  patientId: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  expiresAt: z.string().describe('after this the link no longer works'),
  status: z.enum(['pending', 'expired']),
});

const tokenParams = z.object({
  token: z
    .string({ error: 'required' })
    .regex(/^[A-Za-z0-9_-]{20,100}$/, { message: 'must be the token of an invitation link' }),
});

/** What an admin sees of an invitation: named field by field, so nothing else of the record goes out. */
function toView(invitation: InvitationRecord, now: Date): z.infer<typeof invitationView> {
  return {
    id: invitation.id,
    email: invitation.email,
    displayName: invitation.displayName,
    role: invitation.role,
    patientId: invitation.patientId,
    createdBy: invitation.createdBy,
    createdAt: invitation.createdAt,
    expiresAt: invitation.expiresAt,
    status: Date.parse(invitation.expiresAt) > now.getTime() ? 'pending' : 'expired',
  };
}

/**
 * Invitations: an admin invites someone by email; the one-time link (shown to the admin, and emailed
 * when the clinic sends email) opens the web app's `/invite/<token>`, where the invitee chooses a
 * password and is signed in.
 */
export async function invitationRoutes(app: App): Promise<void> {
  const spec = routeSpec(['users']);
  const authSpec = routeSpec(['auth']);

  app.post(
    '/api/invitations',
    spec(allow('admin'), 'Invite someone to become a user: a one-time link that expires after 72 hours', {
      description:
        'The link is in the answer (for clinics that do not send email) and, when the clinic sends email, ' +
        'queued to the invitee. Refused for an email that already has a user, or an invitation still waiting.',
      body: newInvitationBody,
      response: {
        ...answersWith(
          201,
          z.object({
            invitation: invitationView,
            link: z.string().describe('the one-time link; only its hash is stored, so it is shown this once'),
            emailed: z.boolean().describe('whether the link was queued to go out by email'),
          }),
          400,
        ),
        409: patientWriteConflict,
      },
    }),
    async (request, reply) => {
      const { user: admin } = requireAuth(request);
      const now = new Date();
      const invited = await app.repos.transaction(async (tx) => {
        const result = await inviteUser(tx, admin, request.body, { messaging: app.appConfig.messaging, now });
        await request.audit(result.audit, tx);
        return result;
      });
      return reply
        .code(201)
        .send({ invitation: toView(invited.invitation, now), link: invited.link, emailed: invited.emailed });
    },
  );

  app.get(
    '/api/invitations',
    spec(allow('admin'), "The clinic's invitations not yet accepted or withdrawn, newest first (expired ones too)", {
      response: answers(z.object({ invitations: z.array(invitationView) })),
    }),
    async (request) => {
      const now = new Date();
      const open = await app.repos.invitations.listOpen(requireAuth(request).user.clinicId);
      return { invitations: open.map((invitation) => toView(invitation, now)) };
    },
  );

  app.delete(
    '/api/invitations/:id',
    spec(allow('admin'), 'Withdraw an invitation: its link stops working', {
      params: idParams,
      response: answersWith(204, z.null(), 404, 409),
    }),
    async (request, reply) => {
      const { user: admin } = requireAuth(request);
      await app.repos.transaction(async (tx) => {
        await request.audit(await revokeInvitation(tx, admin, request.params.id), tx);
      });
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/invite/:token',
    // The token is the key: 256 random bits, of which only the hash is stored.
    authSpec(
      publicAccess,
      'What an invitation link is for (whom, which clinic, which role), before the password is chosen',
      {
        security: [],
        params: tokenParams,
        response: answers(
          z.object({
            email: z.string(),
            displayName: z.string(),
            role: roleEnum,
            clinicName: z.string(),
            expiresAt: z.string(),
          }),
          400,
          404,
          410,
        ),
      },
    ),
    async (request) => {
      const invitation = await openInvitation(app.repos, request.params.token, new Date());
      const clinic = await app.repos.clinics.findById(invitation.clinicId);
      return {
        email: invitation.email,
        displayName: invitation.displayName,
        role: invitation.role,
        clinicName: clinic?.name ?? '',
        expiresAt: invitation.expiresAt,
      };
    },
  );

  app.post(
    '/api/invite/:token/accept',
    authSpec(
      publicAccess,
      'Accept an invitation: choose a password, become a user and be signed in (sets the session cookie)',
      {
        description:
          'The link works once: used again, withdrawn or expired it answers 410, and nothing is written. ' +
          'A password that is easy to guess is refused with 400.',
        security: [],
        params: tokenParams,
        body: z.object({ password }),
        response: answers(z.object({ user: userView }), 400, 404, 409, 410),
      },
    ),
    async (request, reply) => {
      const token = newSessionToken();
      const expiresAt = new Date(Date.now() + app.appConfig.sessionTtlMinutes * 60_000);
      const user = await acceptInvitation(
        app.repos,
        app.passwordHasher,
        { token: request.params.token, password: request.body.password, now: () => new Date() },
        async (tx, created, audit) => {
          const session = await tx.authSessions.create({
            userId: created.id,
            tokenHash: hashSessionToken(token),
            expiresAt: expiresAt.toISOString(),
            userAgent: request.headers['user-agent']?.slice(0, 500) ?? null,
          });
          request.auth = { user: created, session };
          await request.audit(
            [
              ...audit,
              {
                action: 'create',
                entity: 'auth_session',
                entityId: session.id,
                patientId: created.patientId,
                clientAddress: request.ip,
              },
            ],
            tx,
          );
          return created;
        },
      );
      setSessionCookie(app, reply, token, expiresAt);
      // Signed in now: the user as their own profile shows them (a patient reads in their record's language).
      return { user: await withReadingLanguage(app.repos, user) };
    },
  );
}
