import { z } from 'zod';
import { checkPassword } from '../../../services/accounts/password-check.js';
import { newSessionToken, hashSessionToken } from '../../auth/session-tokens.js';
import type { App } from '../../app-types.js';
import { DomainError } from '../../http-errors.js';
import { publicAccess, signedIn } from '../../plugins/access-control.js';
import { clearSessionCookie, requireAuth, setSessionCookie } from '../../plugins/authentication.js';
import { text } from '../../validation/fields.js';
import { userView } from '../../views.js';
import { passwordChangeRoute } from './password-change-route.js';
import { profileRoute } from './profile-route.js';
import { withReadingLanguage } from '../../reader-language.js';
import { auditSignInRefusal, limitedResponse, sendTooManyTries } from './sign-in-refusals.js';
import { answers, answersWith, routeSpec } from '../route-spec.js';

const loginBody = z.object({
  email: text(254),
  password: z
    .string({ error: (i) => (i.input === undefined ? 'required' : 'must be text') })
    .min(1, { message: 'must not be empty' })
    .max(200, { message: 'must be at most 200 characters' }),
});

const invalidCredentials = () => new DomainError('unauthenticated', 'invalid_credentials', 'wrong email or password');

export async function authRoutes(app: App): Promise<void> {
  const spec = routeSpec(['auth']);

  app.post(
    '/api/auth/login',
    // Limited per account and per client address in the database (services/accounts/login-limits.ts).
    spec(publicAccess, 'Sign in; sets the httpOnly session cookie', {
      description:
        'After several wrong passwords for an account or from an address, further tries must wait longer each ' +
        'time (429 with Retry-After); many in a row lock the account for a while (429 account_locked) unless ' +
        'an admin unlocks it (DELETE /api/users/{id}/lockout).',
      security: [],
      body: loginBody,
      response: { ...answers(z.object({ user: userView }), 401), 429: limitedResponse },
    }),
    async (request, reply) => {
      const { email, password } = request.body;
      const check = await checkPassword(
        { repos: app.repos, hasher: app.passwordHasher, limits: app.appConfig.loginLimits },
        { email, password, clientAddress: request.ip },
      );
      if (check.kind !== 'passed') {
        await auditSignInRefusal(app, request, check);
        if (check.kind === 'limited') return sendTooManyTries(reply, check);
        throw invalidCredentials();
      }

      const token = newSessionToken();
      const expiresAt = new Date(app.now().getTime() + app.appConfig.sessionTtlMinutes * 60_000);
      const { user } = check;
      const session = await app.repos.transaction(async (tx) => {
        await tx.authSessions.deleteExpired();
        const created = await tx.authSessions.create({
          userId: user.id,
          tokenHash: hashSessionToken(token),
          expiresAt: expiresAt.toISOString(),
          userAgent: request.headers['user-agent']?.slice(0, 500) ?? null,
        });
        return created;
      });
      request.auth = { user, session };
      await request.audit({
        action: 'create',
        entity: 'auth_session',
        entityId: session.id,
        patientId: user.patientId,
        clientAddress: request.ip,
      });
      setSessionCookie(app, reply, token, expiresAt);
      return { user: await withReadingLanguage(app.repos, user) };
    },
  );

  app.post(
    '/api/auth/logout',
    spec(signedIn, 'Sign out: ends this session', { response: answersWith(204, z.null()) }),
    async (request, reply) => {
      const { session, user } = requireAuth(request);
      await app.repos.authSessions.delete(session.id);
      await request.audit({
        action: 'delete',
        entity: 'auth_session',
        entityId: session.id,
        patientId: user.patientId,
      });
      clearSessionCookie(app, reply);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/auth/me',
    spec(signedIn, 'The signed-in user', { response: answers(z.object({ user: userView })) }),
    async (request) => ({ user: await withReadingLanguage(app.repos, requireAuth(request).user) }),
  );

  app.get(
    '/api/auth/csrf',
    spec(signedIn, 'A CSRF token for this session: send it in the x-csrf-token header with every write', {
      response: answers(z.object({ token: z.string() })),
    }),
    async (request, reply) => ({ token: reply.generateCsrf({ userInfo: requireAuth(request).session.id }) }),
  );

  passwordChangeRoute(app, spec);
  profileRoute(app, spec);
}
