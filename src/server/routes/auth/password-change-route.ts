import { z } from 'zod';
import { endCalendarFeed } from '../../../services/accounts/calendar-feeds.js';
import { checkPassword } from '../../../services/accounts/password-check.js';
import { requireStrongPassword } from '../../../services/accounts/password-strength.js';
import type { App } from '../../app-types.js';
import { DomainError } from '../../http-errors.js';
import { signedIn } from '../../plugins/access-control.js';
import { requireAuth } from '../../plugins/authentication.js';
import { password } from '../../validation/fields.js';
import { limitedResponse, refusalEvents, sendTooManyTries } from './sign-in-refusals.js';
import { answersWith, type RouteSpec } from '../route-spec.js';

const passwordChangeBody = z.object({
  currentPassword: z
    .string({ error: (i) => (i.input === undefined ? 'required' : 'must be text') })
    .min(1, { message: 'must not be empty' })
    .max(200, { message: 'must be at most 200 characters' }),
  newPassword: password,
});

/**
 * `POST /api/auth/password`: a signed-in user or patient sets a new password. The current password
 * is checked within the sign-in limits (a session left open must not become a way to guess it), the
 * new one for strength; every other session of the user ends, this one stays (the same password
 * again is allowed: it just ends the other sessions), and so does their calendar feed address, which
 * whoever knew the old password may have made.
 */
export function passwordChangeRoute(app: App, spec: RouteSpec): void {
  app.post(
    '/api/auth/password',
    spec(signedIn, 'Change your own password: ends your other sessions and your calendar feed address', {
      body: passwordChangeBody,
      response: { ...answersWith(204, z.null(), 400, 403), 429: limitedResponse },
    }),
    async (request, reply) => {
      const { user, session } = requireAuth(request);
      const { currentPassword, newPassword } = request.body;
      requireStrongPassword('newPassword', newPassword, [user.email, user.displayName]);

      const check = await checkPassword(
        { repos: app.repos, hasher: app.passwordHasher, limits: app.appConfig.loginLimits },
        { email: user.email, password: currentPassword, clientAddress: request.ip },
      );
      if (check.kind !== 'passed') {
        await request.audit(refusalEvents('password', check, request.ip));
        if (check.kind === 'limited') return sendTooManyTries(reply, check);
        // 403, not 400: the try was counted and audited, and the session stays (a 401 would sign the web app out).
        throw new DomainError('forbidden', 'wrong_password', 'the current password is wrong', {
          problems: [{ field: 'currentPassword', message: 'is not your current password' }],
        });
      }

      const passwordHash = await app.passwordHasher.hash(newPassword);
      await app.repos.transaction(async (tx) => {
        await tx.users.update(user.id, { passwordHash });
        await tx.authSessions.deleteForUser(user.id, { except: session.id });
        const feedEnded = await endCalendarFeed(tx, user);
        await request.audit(
          [
            {
              action: 'update',
              entity: 'password',
              entityId: user.id,
              patientId: user.patientId,
              clientAddress: request.ip,
            },
            ...feedEnded,
          ],
          tx,
        );
      });
      return reply.code(204).send(null);
    },
  );
}
