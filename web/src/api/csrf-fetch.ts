import { csrfToken, forgetCsrfToken } from './csrf-token';

/** Must match csrfHeader in src/server/plugins/csrf.ts. */
export const csrfHeader = 'x-csrf-token';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Public writes carry no session, so there is no token to get (and asking would be refused). */
const publicWrites = new Set(['/api/auth/login']);
/** Accepting an invitation (`/api/invite/<token>/accept`) is public too. */
const publicWritePattern = /^\/api\/invite\/[^/]+\/accept$/;

function needsToken(request: Request): boolean {
  const path = new URL(request.url).pathname;
  return !safeMethods.has(request.method) && !publicWrites.has(path) && !publicWritePattern.test(path);
}

async function withToken(request: Request): Promise<Request> {
  const headers = new Headers(request.headers);
  headers.set(csrfHeader, await csrfToken());
  return new Request(request, { headers });
}

async function isStaleToken(response: Response): Promise<boolean> {
  if (response.status !== 403) return false;
  const body = (await response
    .clone()
    .json()
    .catch(() => null)) as { error?: string } | null;
  return body?.error === 'csrf_token_invalid';
}

/**
 * The fetch the API client uses: writes carry the CSRF token. A token the server no longer accepts
 * (it restarted with a new key, or the session changed in another tab) is fetched again, once.
 */
export async function csrfFetch(request: Request): Promise<Response> {
  if (!needsToken(request)) return fetch(request);
  const retry = request.clone();
  const response = await fetch(await withToken(request));
  if (!(await isStaleToken(response))) return response;
  forgetCsrfToken();
  return fetch(await withToken(retry));
}
