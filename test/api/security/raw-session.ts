import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import type { UserRecord } from '../../../src/core/records/index.js';
import type { App } from '../../../src/server/app-types.js';
import { sessionCookieName } from '../../../src/server/auth/session-tokens.js';
import { csrfHeader } from '../../../src/server/plugins/csrf.js';

/** The CSRF secret's cookie (@fastify/csrf-protection's default name). */
export const csrfCookieName = '_csrf';

/**
 * A signed-in browser taken apart: the session cookie, the CSRF secret cookie and the token, so
 * that tests can send any mix of them (an attacker's token with a victim's cookie, say).
 */
export interface RawSession {
  user: UserRecord;
  sessionToken: string;
  csrfSecret: string;
  csrfToken: string;
}

export function cookieValue(response: LightMyRequestResponse, name: string): string | undefined {
  return response.cookies.find((c) => c.name === name)?.value;
}

/** Signs in (optionally sending cookies along, as a browser would) and fetches a CSRF token. */
export async function signInRaw(
  app: App,
  email: string,
  password: string,
  sendCookies: Record<string, string> = {},
): Promise<RawSession> {
  const login = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email, password },
    cookies: sendCookies,
  });
  if (login.statusCode !== 200) throw new Error(`sign-in as ${email} failed: ${login.statusCode} ${login.body}`);
  const sessionToken = cookieValue(login, sessionCookieName);
  if (!sessionToken) throw new Error('sign-in set no session cookie');
  const csrf = await app.inject({
    method: 'GET',
    url: '/api/auth/csrf',
    cookies: { [sessionCookieName]: sessionToken },
  });
  const csrfSecret = cookieValue(csrf, csrfCookieName);
  if (csrf.statusCode !== 200 || !csrfSecret) throw new Error(`no CSRF token: ${csrf.statusCode} ${csrf.body}`);
  return {
    user: (login.json() as { user: UserRecord }).user,
    sessionToken,
    csrfSecret,
    csrfToken: (csrf.json() as { token: string }).token,
  };
}

/** What a request carries: each part may come from a different session, or be left out. */
export interface Credentials {
  sessionToken?: string;
  csrfSecret?: string;
  csrfToken?: string;
}

export const ownCredentials = (session: RawSession): Credentials => ({
  sessionToken: session.sessionToken,
  csrfSecret: session.csrfSecret,
  csrfToken: session.csrfToken,
});

export function injectWith(
  app: App,
  credentials: Credentials,
  options: InjectOptions,
): Promise<LightMyRequestResponse> {
  const cookies: Record<string, string> = {};
  if (credentials.sessionToken !== undefined) cookies[sessionCookieName] = credentials.sessionToken;
  if (credentials.csrfSecret !== undefined) cookies[csrfCookieName] = credentials.csrfSecret;
  const headers: Record<string, string> = { ...(options.headers as Record<string, string> | undefined) };
  if (credentials.csrfToken !== undefined) headers[csrfHeader] = credentials.csrfToken;
  return app.inject({ ...options, cookies, headers });
}
