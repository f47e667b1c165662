/**
 * The CSRF token of the current sign-in session (GET /api/auth/csrf). The server binds it to the
 * session, so it is forgotten at sign-in and sign-out and fetched again on first need.
 */
let pending: Promise<string> | null = null;

async function fetchToken(): Promise<string> {
  const response = await fetch('/api/auth/csrf', {
    credentials: 'same-origin',
    headers: { accept: 'application/json' },
  });
  if (!response.ok) throw new Error(`GET /api/auth/csrf answered ${response.status}`);
  const body = (await response.json()) as { token: string };
  return body.token;
}

export function csrfToken(): Promise<string> {
  pending ??= fetchToken().catch((error: unknown) => {
    pending = null;
    throw error;
  });
  return pending;
}

export function forgetCsrfToken(): void {
  pending = null;
}
