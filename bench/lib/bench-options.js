// What every large-clinic benchmark is told on its command line and in its environment.
import { fileURLToPath } from 'node:url';

/** `--patients N` (or BENCH_PATIENTS): the clinic's size; a million unless told. */
export function patientsOption() {
  const at = process.argv.indexOf('--patients');
  const patients = Number((at >= 0 ? process.argv[at + 1] : undefined) ?? process.env.BENCH_PATIENTS ?? 1_000_000);
  if (!Number.isInteger(patients) || patients < 1) throw new Error('--patients must be a whole number of at least 1');
  return patients;
}

/** BENCH_CACHE_DIR: where generated clinics are kept between runs; bench/.data unless told. */
export function cacheDirOption() {
  return process.env.BENCH_CACHE_DIR || fileURLToPath(new URL('../.data/', import.meta.url));
}

/** BENCH_ENGINES: the storage engines to measure, both unless told. */
export function enginesOption() {
  return (process.env.BENCH_ENGINES ?? 'sqlite,postgres')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Signs in over HTTP; the session cookie to send with the requests that follow. */
export async function signIn(origin, email, password) {
  const response = await fetch(`${origin}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`sign-in failed: ${response.status} ${text}`);
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .find((c) => c.startsWith('mesodesk_session='));
  if (!cookie) throw new Error('sign-in set no session cookie');
  return cookie;
}

/** What a browser sends with a signed-in request, writes included: both cookies and the CSRF token. */
export async function browserHeaders(origin, cookie) {
  const response = await fetch(`${origin}/api/auth/csrf`, { headers: { cookie } });
  const { token } = await response.json();
  const secret = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .find((c) => c.startsWith('_csrf='));
  if (response.status !== 200 || !token || !secret) throw new Error(`no CSRF token: ${response.status}`);
  return { cookie: `${cookie}; ${secret}`, 'x-csrf-token': token, 'content-type': 'application/json' };
}
