import fastifyCsrf from '@fastify/csrf-protection';
import fp from 'fastify-plugin';
import type { App } from '../app-types.js';
import { isPublic } from './access-control.js';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);
export const csrfHeader = 'x-csrf-token';

/**
 * Signed-in writes need the token from GET /api/auth/csrf in the `x-csrf-token` header. The token is
 * bound to the sign-in session, so one from before sign-in (or another session) does not work.
 * Public writes (sign-in) carry no session to forge.
 */
export const csrfPlugin = fp(
  async (app: App) => {
    await app.register(fastifyCsrf, {
      sessionPlugin: '@fastify/cookie',
      cookieOpts: { path: '/', sameSite: 'strict', httpOnly: true, secure: app.appConfig.secureCookies },
      csrfOpts: { hmacKey: app.appConfig.csrfKey, userInfo: true },
      getUserInfo: (request) => request.auth?.session.id ?? '',
      getToken: (request) => {
        const value = request.headers[csrfHeader];
        return Array.isArray(value) ? value[0] : value;
      },
    });
    // Registered after access control's hook, so an anonymous write gets 401, not 403.
    app.addHook('onRequest', (request, reply, done) => {
      if (safeMethods.has(request.method) || isPublic(request) || !request.auth) return done();
      app.csrfProtection(request, reply, done);
    });
  },
  { name: 'csrf', dependencies: ['authentication', 'access-control'] },
);
