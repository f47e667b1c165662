import fastifyCookie from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hashSessionToken, sessionCookieName } from '../auth/session-tokens.js';
import { unauthenticated } from '../http-errors.js';
import type { AuthContext } from '../auth/auth-context.js';
import type { App } from '../app-types.js';

export type { AuthContext };

/** Reads the session cookie on every request and sets `request.auth`. It decides nothing: access-control does. */
export const authenticationPlugin = fp(
  async (app: App) => {
    await app.register(fastifyCookie);
    app.decorateRequest('auth', null);
    app.addHook('onRequest', async (request) => {
      const token = request.cookies[sessionCookieName];
      if (!token) return;
      const found = await app.repos.authSessions.findActive(hashSessionToken(token));
      if (found) request.auth = found;
    });
  },
  { name: 'authentication' },
);

export function requireAuth(request: FastifyRequest): AuthContext {
  if (!request.auth) throw unauthenticated();
  return request.auth;
}

export function setSessionCookie(app: App, reply: FastifyReply, token: string, expiresAt: Date): void {
  reply.setCookie(sessionCookieName, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: app.appConfig.secureCookies,
    expires: expiresAt,
  });
}

export function clearSessionCookie(app: App, reply: FastifyReply): void {
  reply.clearCookie(sessionCookieName, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: app.appConfig.secureCookies,
  });
}
