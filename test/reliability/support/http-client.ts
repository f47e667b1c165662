import { sessionCookieName } from '../../../src/server/auth/session-tokens.js';

/** A browser-like client over real HTTP: the session and CSRF cookies, and the CSRF token on writes. */
export interface HttpClient {
  baseUrl: string;
  request(method: string, path: string, body?: unknown): Promise<HttpResponse>;
  /** What a signed-in write carries (the cookies and the CSRF token), for requests sent another way. */
  writeHeaders(): Record<string, string>;
}

export interface HttpResponse {
  status: number;
  body: unknown;
}

const requestTimeoutMs = 20_000;

/** `name=value` of every Set-Cookie header, attributes dropped. */
function setCookies(response: Response): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const header of response.headers.getSetCookie()) {
    const pair = header.split(';', 1)[0] ?? '';
    const eq = pair.indexOf('=');
    if (eq > 0) cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
  }
  return cookies;
}

async function send(
  baseUrl: string,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: unknown,
): Promise<{ response: Response; body: unknown }> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    signal: AbortSignal.timeout(requestTimeoutMs),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // Not JSON: keep the text for the failure message.
  }
  return { response, body: parsed };
}

/** Signs in as a browser does: POST /api/auth/login, then GET /api/auth/csrf for the token. */
export async function signIn(baseUrl: string, email: string, password: string): Promise<HttpClient> {
  const login = await send(baseUrl, 'POST', '/api/auth/login', {}, { email, password });
  if (login.response.status !== 200)
    throw new Error(`sign-in as ${email} failed: ${login.response.status} ${JSON.stringify(login.body)}`);
  const cookies = setCookies(login.response);
  if (!cookies.has(sessionCookieName)) throw new Error('sign-in set no session cookie');
  const cookieHeader = () => [...cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  const csrf = await send(baseUrl, 'GET', '/api/auth/csrf', { cookie: cookieHeader() });
  for (const [name, value] of setCookies(csrf.response)) cookies.set(name, value);
  const token = (csrf.body as { token?: unknown } | null)?.token;
  if (csrf.response.status !== 200 || typeof token !== 'string')
    throw new Error(`no CSRF token: ${csrf.response.status} ${JSON.stringify(csrf.body)}`);
  const cookie = cookieHeader();
  return {
    baseUrl,
    writeHeaders: () => ({ cookie, 'x-csrf-token': token }),
    async request(method, path, body) {
      const headers: Record<string, string> = { cookie, ...(method === 'GET' ? {} : { 'x-csrf-token': token }) };
      const result = await send(baseUrl, method, path, headers, body);
      return { status: result.response.status, body: result.body };
    },
  };
}
