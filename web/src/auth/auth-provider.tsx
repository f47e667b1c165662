import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, call, setUnauthenticatedListener } from '../api/client';
import { forgetCsrfToken } from '../api/csrf-token';
import type { User } from '../api/api-types';
import { AuthContext, type Auth, type AuthState } from './auth-context';

/** Who is signed in: asked of the server once at start, then kept up to date by sign-in, sign-out and 401s. */
export function AuthProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<AuthState>({ status: 'checking', user: null });

  useEffect(() => {
    // Any 401 means the session cookie is gone or expired: show the sign-in page, saying why.
    setUnauthenticatedListener(() => {
      forgetCsrfToken();
      setState((previous) => ({ status: 'signed-out', user: null, expired: previous.status === 'signed-in' }));
    });
    // The probe answers 200 signed in or not, so a first visit leaves no error in the console (/me would answer 401).
    call(api.GET('/api/auth/session')).then(
      ({ user }) =>
        setState(user ? { status: 'signed-in', user } : { status: 'signed-out', user: null, expired: false }),
      (error: unknown) => {
        // A network failure at start is not a sign-out; but the sign-in page is the only useful place to go.
        console.warn('could not check the session', error);
        setState({ status: 'signed-out', user: null, expired: false });
      },
    );
  }, []);

  const signIn = useCallback(async (email: string, password: string) => {
    const { user } = await call(api.POST('/api/auth/login', { body: { email, password } }));
    // A token from an earlier session would be refused: the server binds tokens to the session.
    forgetCsrfToken();
    setState({ status: 'signed-in', user });
    return user;
  }, []);

  const signedIn = useCallback((user: User) => {
    forgetCsrfToken();
    setState({ status: 'signed-in', user });
  }, []);

  const signOut = useCallback(async () => {
    try {
      await call(api.POST('/api/auth/logout'));
    } finally {
      forgetCsrfToken();
      setState({ status: 'signed-out', user: null, expired: false });
    }
  }, []);

  const auth = useMemo<Auth>(() => ({ state, signIn, signedIn, signOut }), [state, signIn, signedIn, signOut]);
  return <AuthContext.Provider value={auth}>{children}</AuthContext.Provider>;
}
