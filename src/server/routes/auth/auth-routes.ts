import { z } from 'zod';
import { newSessionToken, hashSessionToken } from '../../auth/session-tokens.js';
import type { App } from '../../app-types.js';
import { DomainError } from '../../http-errors.js';
import { allow, anyRole, publicAccess } from '../../plugins/access-control.js';
import { clearSessionCookie, requireAuth, setSessionCookie } from '../../plugins/authentication.js';
import { errorResponse, text } from '../../validation/fields.js';
import { userView } from '../../views.js';

const loginBody = z.object({
  email: text(254),
  password: z
    .string({ error: (i) => (i.input === undefined ? 'required' : 'must be text') })
    .min(1, { message: 'must not be empty' })
    .max(200, { message: 'must be at most 200 characters' }),
});

const invalidCredentials = () => new DomainError('unauthenticated', 'invalid_credentials', 'wrong email or password');

export async function authRoutes(app: App): Promise<void> {
  const signedIn = allow(...anyRole);

  app.post(
    '/api/auth/login',
    {
      config: {
        ...publicAccess,
        rateLimit: { max: app.appConfig.loginRateLimit.max, timeWindow: app.appConfig.loginRateLimit.timeWindowMs },
      },
      schema: {
        summary: 'Sign in; sets the httpOnly session cookie',
        tags: ['auth'],
        security: [],
        body: loginBody,
        response: { 200: z.object({ user: userView }), 401: errorResponse, 429: errorResponse },
      },
    },
    async (request, reply) => {
      const { email, password } = request.body;
      const credentials = await app.repos.users.findCredentials(email);
      if (!credentials) {
        await app.passwordHasher.verifyNothing(password);
        throw invalidCredentials();
      }
      const valid = await app.passwordHasher.verify(credentials.passwordHash, password);
      if (!valid || !credentials.user.active) throw invalidCredentials();

      const token = newSessionToken();
      const expiresAt = new Date(Date.now() + app.appConfig.sessionTtlMinutes * 60_000);
      const { user } = credentials;
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
      });
      setSessionCookie(app, reply, token, expiresAt);
      return { user };
    },
  );

  app.post(
    '/api/auth/logout',
    {
      config: signedIn,
      schema: { summary: 'Sign out: ends this session', tags: ['auth'], response: { 204: z.null() } },
    },
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
    {
      config: signedIn,
      schema: { summary: 'The signed-in user', tags: ['auth'], response: { 200: z.object({ user: userView }) } },
    },
    async (request) => ({ user: requireAuth(request).user }),
  );

  app.get(
    '/api/auth/csrf',
    {
      config: signedIn,
      schema: {
        summary: 'A CSRF token for this session: send it in the x-csrf-token header with every write',
        tags: ['auth'],
        response: { 200: z.object({ token: z.string() }) },
      },
    },
    async (request, reply) => ({ token: reply.generateCsrf({ userInfo: requireAuth(request).session.id }) }),
  );
}
